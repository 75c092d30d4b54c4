"""A follow-up is read with the question before it only in the same terminal session, within a short window, and a
time said with "this" ("this month") does not point back (trial 26: `im stuck` answered drift and delay, and the next
session's `which managers are behind this month` was read as following it)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from bot.asking.follow_up import WINDOW, points_back
from bot.composition import build_engine
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_follow_up import settings, stored  # noqa: F401 - the same knowledge base and rows
from tests.support.kb_helpers import all_text
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"


def test_a_new_terminal_session_does_not_follow_on_from_the_last_ones_question(engine: Engine,
                                                                                services: Services) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False) as clock:
        engine.session_start(PRACTITIONER)
        engine.message(PRACTITIONER, "when is the ICPC due?", surface="terminal")
        same = engine.message(PRACTITIONER, "what about the review one?", surface="terminal")
        engine.message(PRACTITIONER, "when is the ICPC due?", surface="terminal")
        clock.shift(timedelta(minutes=1))
        later = build_engine(services)  # the next `audit-bot chat`, a minute later: a new session
        later.session_start(PRACTITIONER)
        fresh = later.message(PRACTITIONER, "what about the review one?", surface="terminal")
    assert "Reading that with your last question" in all_text(same)
    assert "Reading that" not in all_text(fresh)
    assert stored(services)[-1] == "what about the review one?"


def test_the_window_is_short(engine: Engine, services: Services) -> None:
    assert timedelta(minutes=10) >= WINDOW
    with time_machine.travel(CONTENT_DAY, tick=False) as clock:
        engine.message(PRACTITIONER, "when is the ICPC due?")
        clock.shift(timedelta(minutes=11))
        late = engine.message(PRACTITIONER, "what about the review one?")
    assert "Reading that" not in all_text(late)


@pytest.mark.parametrize("question", ["which managers are behind this month", "who has audits due this week",
                                      "any new guidance this year"])
def test_a_time_said_with_this_does_not_point_back(question: str) -> None:
    assert not points_back(question)
    assert points_back("and this one?") and points_back("what about that month")
