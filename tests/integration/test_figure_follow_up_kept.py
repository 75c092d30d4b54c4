"""Fix 41 (2): a figure question's follow-up ("what about last month", "and south?", "sorry i meant just november")
was kept in memory only, so after a restart or in a new terminal session it was lost, or read as something else. The
last figure question is kept in the database, as the bot read it and screened, for the follow-up window. The clock is
pinned to the trial day, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine

from bot.asking import follow_up
from bot.composition import build_engine, build_services
from bot.core.knowledge import KnowledgeService
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import Screen
from bot.settings.config import Settings
from bot.storage import figure_questions
from tests.support.text import flat
from tests.support.trial_day import TRIAL, nothing_unanswered, said, with_demo_data

HEAD = "U0ADMIN01"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.fixture
def restarted(settings: Settings, shipped_knowledge: KnowledgeService, identifier_screen: Screen,
              demo: Services) -> Iterator[Engine]:
    """The bot started again on the same database: new Services, a new engine, nothing carried over in memory."""
    built = build_services(settings, knowledge=shipped_knowledge, screen=identifier_screen)
    yield build_engine(built)
    built.storage.close()


def test_what_about_last_month_follows_the_question_asked_before_a_restart(demo: Services, engine: Engine,
                                                                          restarted: Engine) -> None:
    said(engine, HEAD, "grades this quarter")
    assert "Every team, November 2026 (1 Nov 2026 to 30 Nov 2026)" in said(restarted, HEAD, "what about last month")
    reply = said(restarted, HEAD, "and south?")
    assert "South Child in Need and Protection, November 2026 (1 Nov 2026 to 30 Nov 2026)" in reply, reply
    assert nothing_unanswered(demo)


def test_a_correction_after_a_restart_runs_the_question_again(demo: Services, engine: Engine,
                                                              restarted: Engine) -> None:
    said(engine, HEAD, "how many audits has each manager done since september")
    reply = said(restarted, HEAD, "sorry i meant just november")
    assert "North Assessment Team: 16 audits by its auditors in November 2026 (whole month)" in reply, reply
    assert nothing_unanswered(demo)


def test_the_question_is_kept_as_the_bot_read_it_with_its_time(demo: Services, engine: Engine) -> None:
    said(engine, HEAD, "Grades THIS quarter?")
    assert figure_questions.last(demo.storage, HEAD) == ("grades this quarter", TRIAL)


def test_words_the_screen_finds_a_name_in_are_not_kept(demo: Services, engine: Engine) -> None:
    said(engine, HEAD, "how many audits for Tyler Brown this quarter")
    assert figure_questions.last(demo.storage, HEAD) is None


def test_past_the_follow_up_window_a_restart_does_not_follow_it(demo: Services, engine: Engine,
                                                                restarted: Engine) -> None:
    said(engine, HEAD, "grades this quarter")
    with time_machine.travel(TRIAL + follow_up.WINDOW + timedelta(minutes=1), tick=False):
        replies = restarted.message(HEAD, "what about last month", surface="terminal")
    assert "Every team, November 2026" not in flat(" ".join(reply.text for reply in replies))
