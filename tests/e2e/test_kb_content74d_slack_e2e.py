"""End to end through Bolt over HTTP and the Slack stand-in (fix74d, trial 60 F23, F26, F27 and D4): an ASYE's
practice questions typed in a DM are answered with the entry they ask about."""

from __future__ import annotations

from pathlib import Path

import pytest
import time_machine

from bot.settings.config import Settings, load_settings
from tests.conftest import RunningBot
from tests.support.kb_helpers import post_containing
from tests.support.moved_clock import CONTENT_DAY

ASYE = "U0PRAN002"
DM = f"D{ASYE}"


@pytest.fixture
def settings(environ: dict[str, str], kb_dir: Path) -> Settings:
    return load_settings(environ)


@pytest.fixture(autouse=True)
def content_day():
    with time_machine.travel(CONTENT_DAY, tick=True):
        yield


def test_a_family_network_meeting_is_told_apart_from_an_fgc(running_bot: RunningBot, standin) -> None:
    running_bot.slack.message_im(ASYE, "what is a family network meeting and is it the same as a family group "
                                       "conference")
    post = post_containing(standin, "Not quite the same.", DM)
    assert "private family time" in str(post.params)
    post_containing(standin, "What is a family group conference and when should one be offered?", DM)


def test_a_nude_shared_round_a_school_gets_the_ukcis_advice(running_bot: RunningBot, standin) -> None:
    running_bot.slack.message_im(ASYE, "a 14 year old sent a nude photo to her boyfriend and its been shared round "
                                       "the school, what should i do")
    post = post_containing(standin, "the DSL leads", DM)
    assert "Report Remove" in str(post.params)


def test_the_lados_own_timescales_are_said_apart_from_yours(running_bot: RunningBot, standin) -> None:
    running_bot.slack.message_im(ASYE, "how long does the LADO have to respond")
    post_containing(standin, "the 1 working day is yours, to tell the LADO", DM)


def test_a_parent_refusing_a_home_visit_is_answered(running_bot: RunningBot, standin) -> None:
    running_bot.slack.message_im(ASYE, "a parent refuses to let me in for a home visit")
    post = post_containing(standin, "safeguarding matter, not a missed appointment", DM)
    assert "Did you mean" not in str(post.params)
