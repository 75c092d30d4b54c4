"""The review-date reader of `kb new`, the form and `kb edit` (trial 50, #11): full dates as before, date words as
the bot reads them elsewhere, and anything else refused with the forms to write, never another error."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from bot.asking.review_date import review_day
from knowledge.dates import DateError

TODAYS = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2035, 12, 31))


@given(TODAYS, st.integers(min_value=-400, max_value=400))
def test_a_full_date_reads_back_as_itself(today: dt.date, offset: int) -> None:
    day = today + dt.timedelta(days=offset)
    assert review_day(day.strftime("%d/%m/%Y"), today) == (day, True)
    assert review_day(day.isoformat(), today) == (day, True)


@given(TODAYS)
def test_yesterday_and_tomorrow_are_read_as_date_words(today: dt.date) -> None:
    assert review_day("yesterday", today) == (today - dt.timedelta(days=1), False)
    assert review_day("tomorrow", today) == (today + dt.timedelta(days=1), False)


@given(TODAYS, st.sampled_from(["friday", "next friday", "in 3 months", "in 2 weeks"]))
def test_a_date_word_looking_ahead_lands_ahead(today: dt.date, words: str) -> None:
    day, full = review_day(words, today)
    assert day >= today and not full


@given(TODAYS)
def test_the_end_of_a_month_is_its_last_day_ahead_or_just_passed(today: dt.date) -> None:
    day, full = review_day("the end of january", today)
    assert (day.month, day.day) == (1, 31) and not full and abs((day - today).days) <= 366


@given(TODAYS, st.text(max_size=30))
def test_any_text_is_read_or_refused_with_the_forms_to_write(today: dt.date, text: str) -> None:
    try:
        day, _ = review_day(text, today)
    except DateError as refused:
        assert "DD/MM/YYYY" in str(refused) or "days, so no" in str(refused)
    else:
        assert isinstance(day, dt.date)


@given(TODAYS, st.sampled_from(["03/31/2027", "March 31 2027", "31/03/27", "31/3", "31.3"]))
def test_a_date_typed_in_another_form_is_never_guessed(today: dt.date, typed: str) -> None:
    try:
        review_day(typed, today)
    except DateError as refused:
        assert "DD/MM/YYYY" in str(refused)
    else:
        raise AssertionError(f"{typed} was read")
