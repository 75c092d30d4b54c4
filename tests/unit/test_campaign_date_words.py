"""The date words a campaign's dates take beyond knowledge.dates (bot.campaigns.date_words): "first friday in feb",
"the last monday of march 2027" (trial 35: `deadline=first friday in feb` was not read)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.campaigns.date_words import ORDINALS, nth_weekday, parse_day

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(("typed", "day"), [
    ("first friday in feb", dt.date(2027, 2, 5)), ("the last monday of march 2027", dt.date(2027, 3, 29)),
    ("2nd tuesday in jan", dt.date(2027, 1, 12)), ("first friday in dec", dt.date(2027, 12, 3)),
    ("next friday", dt.date(2026, 12, 11)),
])
def test_nth_weekdays_read(typed: str, day: dt.date) -> None:
    assert parse_day(typed, TODAY, "future") == day


@given(st.sampled_from(sorted(ORDINALS)), st.integers(0, 6), st.integers(1, 12), st.dates(dt.date(2000, 1, 1),
                                                                                       dt.date(2090, 12, 31)))
def test_an_nth_weekday_is_that_weekday_of_that_month_the_next_to_come(nth: str, weekday: int, month: int,
                                                                  today: dt.date) -> None:
    typed = f"{nth} {calendar.day_name[weekday].lower()} in {calendar.month_abbr[month].lower()}"
    day = parse_day(typed, today, "future")
    assert day.weekday() == weekday and day.month == month and day >= today
    earlier = nth_weekday(day.year - 1, month, weekday, ORDINALS[nth])
    assert earlier is None or earlier < today  # the next one to come, never a year later than it need be
    week = (day.day - 1) // 7 + 1
    if ORDINALS[nth] == -1:
        assert (day + dt.timedelta(days=7)).month != month
    else:
        assert week == ORDINALS[nth]
