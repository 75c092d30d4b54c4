"""The digest's longer periods as a leader types them (bot.core.periods): trial 30, `digest november` and `digest
last month` were "There is no team november". Quarters are financial quarters (Q3 is October to December)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.periods import read_period

SATURDAY = date(2026, 12, 5)  # the trial's day


@pytest.mark.parametrize(("typed", "start", "end", "label"), [
    ("november", date(2026, 11, 1), date(2026, 11, 30), "November 2026"),
    ("last month", date(2026, 11, 1), date(2026, 11, 30), "November 2026"),
    ("this month", date(2026, 12, 1), SATURDAY, "December 2026"),
    ("jan", date(2026, 1, 1), date(2026, 1, 31), "January 2026"),
    ("nov 2025", date(2025, 11, 1), date(2025, 11, 30), "November 2025"),
    ("this quarter", date(2026, 10, 1), SATURDAY, "Q3 2026/27"),
    ("q3", date(2026, 10, 1), SATURDAY, "Q3 2026/27"),
    ("last quarter", date(2026, 7, 1), date(2026, 9, 30), "Q2 2026/27"),
    ("q4", date(2026, 1, 1), date(2026, 3, 31), "Q4 2025/26"),
])
def test_a_period_is_read_with_its_dates(typed: str, start: date, end: date, label: str) -> None:
    period = read_period(typed, SATURDAY)
    assert period is not None and (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize("typed", ["south", "this week", "", "january 2027", "q2 2027", "children in care"])
def test_a_team_a_week_or_a_period_not_yet_begun_is_no_period(typed: str) -> None:
    assert read_period(typed, SATURDAY) is None


WORDS = st.sampled_from(["this", "last", "previous", "month", "quarter", "q1", "q2", "q3", "q4", "november", "jan",
                         "sept", "2025", "2026", "2027", "for", "in", "south", "q", "quarter1", ",", "may"])


@given(text=st.one_of(st.text(max_size=30), st.lists(WORDS, max_size=4).map(" ".join)),
       today=st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)))
def test_a_period_never_crashes_and_never_ends_before_it_starts_or_after_today(text: str, today: date) -> None:
    period = read_period(text, today)
    if period is not None:
        assert period.start <= period.end <= today
        assert not period.so_far or period.end == today
