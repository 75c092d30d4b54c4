"""fix52c: a held message's "(in N days)", "(tomorrow)" or "(today)" after a full date is said again for the day it
is delivered, as `how_near` says it then: never the figure of the day it was written."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.audits.action_fields import how_near
from bot.audits.handed_over import near_again
from knowledge.dates import long_date

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31))


@given(DAYS, st.integers(min_value=-5, max_value=60), st.integers(min_value=0, max_value=20),
       st.sampled_from(["**", "", "_"]))
def test_after_any_delay_the_bracket_is_how_near_on_the_delivery_day(
        written: date, ahead: int, delay: int, marks: str) -> None:
    due, delivered = written + timedelta(days=ahead), written + timedelta(days=delay)
    text = f"The due date is now {marks}{long_date(due)}{marks}{how_near(due, written)}: the chronology."
    assert near_again(text, delivered) == \
        f"The due date is now {marks}{long_date(due)}{marks}{how_near(due, delivered)}: the chronology."


@given(DAYS, st.integers(min_value=0, max_value=30))
def test_the_full_date_is_the_truth_not_the_figure_written(due: date, wrong: int) -> None:
    text = f"due {long_date(due)} (in {wrong + 2} days) and {long_date(due)} (tomorrow)"
    assert near_again(text, due) == f"due {long_date(due)} (today) and {long_date(due)} (today)"


def test_a_weekday_that_does_not_match_its_date_or_a_bracket_after_no_date_is_left_as_written() -> None:
    text = "due Monday 18 December 2026 (in 10 days); the review (in 3 days)"
    assert near_again(text, date(2026, 12, 14)) == text
