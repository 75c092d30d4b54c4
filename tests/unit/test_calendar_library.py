"""The working-day functions, now holidays' own, agree with the plain day-by-day definitions they replaced."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
from hypothesis import given
from hypothesis import strategies as st

from bot.core.calendar import (
    add_working_days,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_day_on_or_after,
    working_days_between,
)

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


def plain_working(day: date) -> bool:
    return day.weekday() < 5 and day not in holidays.country_holidays("GB", subdiv="ENG", years=[day.year])


def plain_step(day: date, step: int) -> date:
    day += timedelta(days=step)
    while not plain_working(day):
        day += timedelta(days=step)
    return day


@given(DAYS, st.integers(min_value=-25, max_value=25))
def test_moving_by_working_days_matches_walking_day_by_day(day: date, count: int) -> None:
    assert is_working_day(day) is plain_working(day)
    assert next_working_day(day) == plain_step(day, 1)
    assert previous_working_day(day) == plain_step(day, -1)
    assert working_day_on_or_after(day) == (day if plain_working(day) else plain_step(day, 1))
    expected = day
    for _ in range(abs(count)):
        expected = plain_step(expected, 1 if count > 0 else -1)
    assert add_working_days(day, count) == expected


@given(DAYS, st.integers(min_value=-40, max_value=40))
def test_counting_working_days_after_start_up_to_end(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    expected = sum(plain_working(start + timedelta(days=n)) for n in range(1, span + 1))
    assert working_days_between(start, end) == expected
