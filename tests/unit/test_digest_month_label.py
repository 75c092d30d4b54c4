"""The digest's month figure names its month: a digest read on 2 December about a November week must not say
"this month" for November."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.digests.digest import month_so_far


def test_a_week_inside_a_month_says_up_to_which_day() -> None:
    assert month_so_far(date(2026, 11, 29)) == "in November (to 29 November)"


def test_a_week_ending_on_the_last_day_says_the_whole_month() -> None:
    assert month_so_far(date(2026, 5, 31)) == "in May"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_any_week_end_names_its_own_month_and_day(day: date) -> None:
    said = month_so_far(day)
    assert said.startswith(f"in {day:%B}")
    last_day = (day + timedelta(days=1)).month != day.month
    assert (f"(to {day.day} {day:%B})" in said) != last_day
