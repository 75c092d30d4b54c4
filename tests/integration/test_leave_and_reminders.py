"""Trial 24: "im on leave over xmas, 21st dec til 4th jan. how do i stop the reminders?" was refused as an HR question,
and "away from the 21st dec, back on 4th jan" booked nothing. Stopping the bot's reminders while on leave is the bot's
own business (`/audit away`); only booking leave, pay and entitlement are HR's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.reminders import away_period

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 11, 0, tzinfo=LONDON)
MANAGER = "U0MGRN001"
PAUSING = "How do I pause reminders while I am on leave?"


@pytest.fixture
def pinned() -> Iterator[None]:
    with time_machine.travel(SATURDAY, tick=False):
        yield


@pytest.mark.parametrize("question", ["im on leave over xmas, 21st dec til 4th jan. how do i stop the reminders?",
                                      "i have time off next week, do i still get reminders"])
def test_stopping_reminders_while_on_leave_is_answered_with_pausing_them(engine: Engine, question: str,
                                                                         pinned: None) -> None:
    replies = engine.message(MANAGER, question)
    assert [reply.title for reply in replies] == [PAUSING]
    assert "/audit away until" in replies[0].text
    assert "I can't help with that here" not in " ".join(reply.text for reply in replies)


@pytest.mark.parametrize("question", ["how much annual leave do i get", "how do i book leave for christmas"])
def test_booking_leave_and_entitlement_are_still_for_hr(engine: Engine, question: str, pinned: None) -> None:
    [reply] = engine.message(MANAGER, question)
    assert reply.text.startswith("I can't help with that here: For booking or carrying over leave")


@pytest.mark.parametrize("typed", ["away from the 21st dec, back on 4th jan", "/audit away from 21/12 back 4/1"])
def test_away_from_a_day_back_on_another_books_to_the_day_before_the_return(engine: Engine, services: Services,
                                                                           typed: str, pinned: None) -> None:
    text = " ".join(reply.text for reply in (engine.command(MANAGER, typed[len("/audit "):]) if typed.startswith("/")
                                             else engine.message(MANAGER, typed)))
    assert "Booked: your reminders pause from Monday 21 December 2026 to Sunday 3 January 2027" in text
    assert "start again on Monday 4 January 2027" in text
    assert away_period(services.storage, MANAGER) == (date(2026, 12, 21), date(2027, 1, 3), None)
