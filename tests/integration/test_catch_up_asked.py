"""Trial 41 (MEDIUM 3): catch-up questions got knowledge entries. "what did i miss last week" and "back from leave
what have i missed" gave the missing-children entry, "catch me up" gave "What is audit moderation?", and "anything i
need to do today" went onto the QA leads' list. Each now gets the person's own picture: what `reminders` and `home`
show them, never an entry and never noted for the QA leads. The clock is pinned, so these pass on a moved clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.catch_up_asked import asks_catch_up
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered

LONDON = ZoneInfo("Europe/London")
SUNDAY = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)
MANAGER = "U0MGRS001"


@pytest.mark.parametrize("asked", ["what did i miss last week", "back from leave what have i missed",
                                   "catch me up", "anything i need to do today", "whats on my plate",
                                   "What's on my plate today?", "im back from annual leave, what did i miss?",
                                   "can you catch me up please", "is there anything i need to do this week"])
def test_a_catch_up_question_gets_the_persons_reminders_and_home(engine: Engine, services: Services,
                                                                  asked: str) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        replies = engine.message(MANAGER, asked, surface="terminal")
        home = engine.command(MANAGER, "home", surface="terminal")
    titles = [reply.title for reply in replies]
    assert titles[0] == "Your reminders", titles
    assert titles[1:] == [reply.title for reply in home]
    assert not any("missing" in reply.text.lower() or "moderation?" in (reply.title or "") for reply in replies)
    assert nothing_unanswered(services)


@pytest.mark.parametrize("asked", ["what should happen when a child goes missing", "what is a missing episode",
                                   "what do i need to do for a strategy discussion", "what happened to the icpc rule",
                                   "catch up visits for a child in care"])
def test_practice_questions_are_not_taken_for_a_catch_up(asked: str) -> None:
    assert not asks_catch_up(asked)


@given(st.text(max_size=120))
def test_the_reader_never_raises(text: str) -> None:
    assert asks_catch_up(text) in (True, False)
