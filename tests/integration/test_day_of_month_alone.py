"""A day of the month typed without its month ("30th", "wed 30th", "wednesday the 30th") is the next such day: this
month's while it is still to come, else next month's (looking back, the latest one). A weekday with it must be that
day's, or the bot says which day the number is and what to type instead. Trial 11, F4: on Tuesday 8 December 2026 a
manager typed `action 1 due wed 30th` and was told it could not be read as a date."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage.reminders import away_on
from knowledge.dates import WEEKDAYS, DateError, ordinal, parse_day
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import TO_ACTIONS
from tests.integration.test_due_dates_on_days_off import flat

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 8, 10, 50, tzinfo=LONDON)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
ACTION = "See the child alone at school."


def _due(services: Services) -> list[str]:
    return [a.due_date for a in action_store.actions_of_audit(services.storage, 1)]


@pytest.mark.parametrize("typed", ["wed 30th", "30th", "wednesday 30th", "the 30th", "Wednesday the 30th"])
def test_a_day_of_the_month_alone_is_the_next_such_day_at_the_actions_step(engine: Engine, services: Services,
                                                                          typed: str) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, ACTION, WORKER, typed], user=AUDITOR)
    assert "Action 1 added: due Wednesday 30 December 2026 (in 22 days)." in flat(out), out
    assert "could not read" not in out
    assert _due(services) == ["2026-12-30"]


def test_action_1_due_wed_30th_moves_it_and_a_weekday_that_does_not_fit_is_told_so(engine: Engine,
                                                                                  services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        drive(engine, [*TO_ACTIONS, ACTION, WORKER, "next Friday"], user=AUDITOR)
        _, moved = drive(engine, ["action 1 due wed 30th"], user=AUDITOR)
        _, wrong = drive(engine, ["action 1 due thu 30th"], user=AUDITOR)
        _, passed = drive(engine, ["action 1 due 3rd"], user=AUDITOR)
    assert "is now due Wednesday 30 December 2026 (in 22 days)" in flat(moved), moved
    assert ("The 30th is Wednesday 30 December 2026, not a Thursday. Type the date with its month: 30/12 for the "
            "Wednesday, or 31/12 for Thursday 31 December.") in flat(wrong), wrong
    assert "is now due Sunday 3 January 2027 (in 26 days)" in flat(passed), passed  # the 3rd has passed: next month's
    assert _due(services) == ["2027-01-03"]


def test_away_until_the_31st_and_a_month_too_short_for_the_day(engine: Engine, services: Services) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, ["away until the 31st"], user=AUDITOR)
    assert "they start again on Friday 1 January" not in flat(out)  # 1 January is a bank holiday
    assert ("they start again on Monday 4 January 2027; you are away to Thursday 31 December 2026 (your last day "
            "away)") in flat(out), out
    assert away_on(services.storage, date(2026, 12, 9))[AUDITOR][0] == date(2026, 12, 31)
    with pytest.raises(DateError, match=r"February 2027 has 28 days, so no 30th: type the date with its month, like "
                                        r"30/3 for Tuesday 30 March\."):
        parse_day("30th", date(2027, 1, 31), "future")


TODAYS = st.dates(date(2000, 1, 1), date(2090, 12, 31))
SUFFIXED = st.sampled_from(["{n}{s}", "the {n}{s}", "on the {n}{s}", "{n}{s} "])


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


@given(TODAYS, st.integers(1, 31), SUFFIXED, st.sampled_from(["future", "past", "any"]))
def test_a_day_alone_is_that_day_in_this_month_or_the_next_and_never_another(today: date, number: int, form: str,
                                                                             tense: str) -> None:
    """Looking ahead ("any" too) it is the first such day on or after today, this month or next; looking back the
    latest on or before today, this month or last; a month too short for it is told, naming the day it lacks."""
    typed = form.format(n=number, s=ordinal(number)[-2:])
    back = tense == "past"
    try:
        found = parse_day(typed, today, tense)  # type: ignore[arg-type]
    except DateError as error:
        assert f"so no {ordinal(number)}: type the date with its month" in str(error) and "\n" not in str(error)
        shown = date(today.year, today.month, 1)
        if (number < today.day) if not back else (number > today.day):
            shown = (shown - timedelta(days=1)).replace(day=1) if back else (shown + timedelta(days=32)).replace(day=1)
        assert calendar.monthrange(shown.year, shown.month)[1] < number
        return
    assert found.day == number
    assert (found <= today) if back else (found >= today)
    assert abs(_month_index(found) - _month_index(today)) <= 1
    between = [today + timedelta(days=k * (-1 if back else 1)) for k in range(abs((found - today).days))]
    assert all(day.day != number for day in between), "an earlier (or later) such day was passed over"


@given(TODAYS, st.integers(1, 31), st.sampled_from(sorted(WEEKDAYS)), st.sampled_from(["future", "past"]))
def test_a_weekday_with_the_day_is_that_days_weekday_or_one_clear_message(today: date, number: int, weekday: str,
                                                                          tense: str) -> None:
    typed = f"{weekday} {ordinal(number)}"
    try:
        found = parse_day(typed, today, tense)  # type: ignore[arg-type]
    except DateError as error:
        message = str(error)
        assert message and "\n" not in message
        assert ("not a " in message or "has passed" in message or "in the future" in message
                or f"so no {ordinal(number)}" in message), message
        return
    assert found.day == number and found.weekday() == WEEKDAYS[weekday]
    assert (found <= today) if tense == "past" else (found >= today)


@given(TODAYS, st.integers(0, 99))
def test_a_number_alone_is_still_no_date(today: date, number: int) -> None:
    """`30` alone may be an option's number or a count: only `30th`, `the 30th` or a weekday with it is a date."""
    with pytest.raises(DateError):
        parse_day(str(number), today, "future")
