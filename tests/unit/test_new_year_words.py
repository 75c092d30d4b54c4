"""How people say "the first days of January" in December (trial 60, F8): `after new year`, `in the new year`,
`new year`, `first week of january`, `early january` were each "I could not read … as a date" at a due date, in
`extend` and in `away until …`. They are read as the first working day after New Year's Day (Monday 4 January
2027 for December 2026), the next one looking ahead, so in June "in the new year" is next January; `when schools go
back` is asked about, since term dates differ, with that day suggested around Christmas."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.dates import DateError, bank_holidays, first_working_day_of_year, names_new_year, parse_day

DECEMBER = dt.date(2026, 12, 22)
JUNE = dt.date(2027, 6, 10)
WORDINGS = ["after new year", "in the new year", "new year", "first week of january", "early january",
            "after the new year", "by the new year", "start of jan", "straight after new year", "new year break"]


@pytest.mark.parametrize("typed", WORDINGS)
def test_in_december_each_wording_is_monday_4_january_2027(typed: str) -> None:
    assert parse_day(typed, DECEMBER, "future") == dt.date(2027, 1, 4)
    assert names_new_year(typed)


@pytest.mark.parametrize("typed", WORDINGS)
def test_in_june_it_is_next_january_not_the_one_gone(typed: str) -> None:
    assert parse_day(typed, JUNE, "future") == dt.date(2028, 1, 4)  # 1 January 2028 is a Saturday: Monday 3rd off


def test_when_new_years_day_falls_on_a_sunday_the_day_after_new_year_is_the_tuesday() -> None:
    assert first_working_day_of_year(2023) == dt.date(2023, 1, 3)
    assert parse_day("after new year", dt.date(2022, 12, 20), "future") == dt.date(2023, 1, 3)


def test_named_new_year_days_keep_their_own_meaning() -> None:
    assert parse_day("new years day", DECEMBER, "future") == dt.date(2027, 1, 1)
    assert parse_day("new year's eve", DECEMBER, "future") == dt.date(2026, 12, 31)
    assert not names_new_year("new years day")


def test_just_after_the_day_it_is_said_to_have_passed_not_taken_a_year_on() -> None:
    with pytest.raises(DateError, match="After New Year this year was Monday 4 January 2027, which passed 6 days"):
        parse_day("after new year", dt.date(2027, 1, 10), "future")


def test_when_schools_go_back_is_asked_with_the_day_after_new_year_in_december() -> None:
    with pytest.raises(DateError, match=r"Do you mean Monday 4 January 2027, the first working day after New Year\? "
                                        r"Type 4/1"):
        parse_day("when schools go back", DECEMBER, "future")
    with pytest.raises(DateError, match="Type the day the school goes back") as refused:
        parse_day("when schools go back", JUNE, "future")
    assert "January" not in str(refused.value)


@settings(max_examples=80, deadline=None)
@given(today=st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2090, 12, 31)),
       typed=st.sampled_from(WORDINGS), upper=st.booleans(), lead=st.sampled_from(["", "by ", "until ", "on "]))
def test_it_is_always_a_working_day_just_after_1_january_ahead_of_today_or_said_to_have_passed(
        today: dt.date, typed: str, upper: bool, lead: str) -> None:
    words = lead + (typed.title() if upper else typed)
    try:
        day = parse_day(words, today, "future")
    except DateError as refused:
        assert "has just passed" in str(refused) or "passed" in str(refused)
        assert today.month in (1, 2, 3)  # only in the weeks after one
        return
    assert day >= today and day.month == 1 and day.day <= 4
    assert bank_holidays().is_working_day(day)
    assert all(not bank_holidays().is_working_day(dt.date(day.year, 1, d)) for d in range(1, day.day))
    assert (day - today).days <= 366
    back = parse_day(words, today, "past")
    assert back <= today and back.month == 1 and bank_holidays().is_working_day(back)
