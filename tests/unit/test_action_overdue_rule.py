"""When an action is overdue (trial 60, F30): one due on a weekend or bank holiday is done by the next working day
and overdue only after it, as a re-audit due on such a day is (bot.core.reaudits); one due on a working day is
overdue from the next day, as always. Days over Christmas 2026: Friday 25 Christmas Day, Monday 28 the substitute
day for Boxing Day, Friday 1 January New Year's Day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.action_due import done_by, due_shown, is_due_today, is_overdue, overdue_before
from bot.core.calendar import is_working_day, working_day_on_or_after


@pytest.mark.parametrize(("due", "today", "overdue"), [
    (date(2026, 12, 25), date(2026, 12, 24), False),
    (date(2026, 12, 25), date(2026, 12, 29), False),  # the first morning back: due today, not overdue
    (date(2026, 12, 25), date(2026, 12, 30), True),
    (date(2026, 12, 28), date(2026, 12, 29), False),
    (date(2026, 12, 26), date(2026, 12, 29), False),
    (date(2026, 12, 24), date(2026, 12, 29), True),  # due on a working day: overdue the next (working) day
    (date(2026, 12, 24), date(2026, 12, 25), True),
    (date(2027, 1, 1), date(2027, 1, 4), False),
    (date(2027, 1, 1), date(2027, 1, 5), True),
    (date(2026, 12, 9), date(2026, 12, 10), True),
    (date(2026, 12, 10), date(2026, 12, 10), False),
])
def test_overdue_over_christmas_2026(due: date, today: date, overdue: bool) -> None:
    assert is_overdue(due, today) is overdue
    assert is_overdue(due.isoformat(), today.isoformat()) is overdue  # stored ISO dates read the same


def test_on_the_first_morning_back_an_action_due_on_christmas_day_is_due_that_day() -> None:
    assert done_by(date(2026, 12, 25)) == date(2026, 12, 29)
    assert is_due_today(date(2026, 12, 25), date(2026, 12, 29))
    assert not is_due_today(date(2026, 12, 25), date(2026, 12, 24))


def test_a_due_date_on_a_day_off_is_shown_with_what_the_day_is() -> None:
    assert due_shown(date(2026, 12, 25)) == "Fri 25 Dec 2026 (Christmas Day)"
    assert due_shown("2026-12-28", year=False) == "Mon 28 Dec (Boxing Day (substitute day))"
    assert due_shown(date(2026, 12, 27)) == "Sun 27 Dec 2026"
    assert due_shown(date(2026, 12, 29)) == "29 Dec 2026"


@settings(max_examples=200, deadline=None)
@given(due=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), gap=st.integers(-10, 20))
def test_one_rule_overdue_from_the_day_after_the_working_day_it_is_done_by(due: date, gap: int) -> None:
    today = due + timedelta(days=gap)
    assert is_overdue(due, today) == (working_day_on_or_after(due) < today)
    assert is_overdue(due, today) == (due < overdue_before(today))  # the SQL counts' form agrees
    if is_working_day(due):  # as before: overdue from the next day
        assert is_overdue(due, today) == (due < today)
