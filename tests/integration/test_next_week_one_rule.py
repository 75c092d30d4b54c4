"""Trial 38: on Sunday 6 December `away next week` paused Monday 7 to Friday 11 December, while an action due "end of
next week" was stored for Friday the 18th: the same words meant two weeks in one conversation. One rule now
(knowledge.dates.next_week), for time away and due dates alike: at a weekend "next week" is the working week ahead,
starting the coming Monday; Monday to Friday it is the week after this one. Typed on each day of one week, on a pinned
clock, every reading gives the same week and the reply says the date it took."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.away_worded import away_words
from bot.storage import actions as action_store
from bot.storage.reminders import away_booked
from knowledge.dates import bank_holidays, long_date, next_week, parse_day
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import AUDITOR, TO_ACTIONS, WORKER
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRS001"
MONDAY_7, FRIDAY_11 = dt.date(2026, 12, 7), dt.date(2026, 12, 11)
DAYS = range(30, 37)  # Monday 30 November to Sunday 6 December 2026 (day 31 is 1 December, and so on)
# what "next week" alone gives on each of DAYS: a week today, or the coming Monday at a weekend
NEXT_WEEK_ALONE = {30: MONDAY_7, 31: dt.date(2026, 12, 8), 32: dt.date(2026, 12, 9), 33: dt.date(2026, 12, 10),
                   34: FRIDAY_11, 35: MONDAY_7, 36: MONDAY_7}


def _moment(day: int) -> dt.datetime:
    return dt.datetime(2026, 11, 30, 10, 0, tzinfo=LONDON) + dt.timedelta(days=day - 30)


@pytest.mark.parametrize("day", DAYS)
def test_away_next_week_is_the_same_week_as_end_of_next_week(engine: Engine, services: Services, day: int) -> None:
    with time_machine.travel(_moment(day), tick=False):
        said = flat("\n".join(reply.text for reply in engine.message(MANAGER, "im off next week", surface="terminal")))
    assert "pause from Monday 7 December 2026 to Friday 11 December 2026" in said
    assert away_booked(services.storage, MANAGER, _moment(day).date())[:2] == (MONDAY_7, FRIDAY_11)  # type: ignore


@pytest.mark.parametrize("day", DAYS)
def test_due_dates_from_next_week_words_are_stored_and_said(engine: Engine, services: Services, day: int) -> None:
    words = ("end of next week", "next monday", "next week")
    lines = [line for index, typed in enumerate(words)
             for line in (f"Action number {index + 1} for the plan review.", WORKER, typed)]
    with time_machine.travel(_moment(day), tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *lines], user=AUDITOR)
    expected = [FRIDAY_11, MONDAY_7, NEXT_WEEK_ALONE[day]]
    stored = [action.due_date for action in action_store.actions_of_audit(services.storage, 1)]
    assert stored == [due.isoformat() for due in expected], out[-800:]
    for due in expected:
        assert long_date(due) in flat(out)


def test_end_of_next_week_typed_in_the_action_on_a_sunday_says_the_coming_friday(engine: Engine,
                                                                                 services: Services) -> None:
    with time_machine.travel(_moment(36), tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "chase school attendance data - sw n2 end of next week"], user=AUDITOR)
    assert "I've taken “end of next week” as the action's due date, Friday 11 December 2026 (in 5 days)" in flat(out)
    assert "Action 1 added: due Friday 11 December 2026 (in 5 days)." in flat(out)
    assert [a.due_date for a in action_store.actions_of_audit(services.storage, 1)] == ["2026-12-11"]


@settings(max_examples=300, deadline=None)
@given(today=st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2032, 12, 31)),
       words=st.sampled_from(["next week", "end of next week", "by the end of next week", "next monday",
                              "next Mon", "this coming monday"]))
def test_next_week_words_give_a_future_day_of_next_week(today: dt.date, words: str) -> None:
    due = parse_day(words, today, "future")
    monday, friday = next_week(today)
    assert today < due and monday <= due <= friday
    assert (monday.weekday(), (friday - monday).days, (monday - today).days <= 7) == (0, 4, True)
    if "monday" not in words.lower() and "mon" not in words.lower():  # a due date meant: never a day off
        assert bank_holidays().is_working_day(due), (today, words, due)
    assert away_words(f"im off {words}", today) in (None, f"from {monday} until {friday}") or "next week" not in words
