"""Relative dates with a unit written as people write it in chat (trial 17, F3): at "When is it due?" `in 2 wks` was
not read, though the prompt's own example is "in two weeks" and `in 2 weeks` was. Every short form reads as its
unit, with or without a space after the number, ahead (`in …`) and back (`… ago`)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.dates import UNIT_WORDS, DateError, parse_day

FULL = {"day": "days", "week": "weeks", "fortnight": "fortnights", "month": "months", "year": "years"}
TODAYS = st.dates(date(2000, 1, 1), date(2090, 12, 31))


@given(today=TODAYS, count=st.integers(1, 9), form=st.sampled_from(sorted(UNIT_WORDS)),
       spaced=st.booleans(), upper=st.booleans())
def test_every_short_form_of_a_unit_reads_as_the_unit_itself(today: date, count: int, form: str, spaced: bool,
                                                             upper: bool) -> None:
    unit = FULL[UNIT_WORDS[form]]
    typed = f"in {count}{' ' if spaced else ''}{form}"
    assert parse_day(typed.upper() if upper else typed, today, "future") == parse_day(f"in {count} {unit}", today)
    assert parse_day(f"{count} {form} ago", today, "past") == parse_day(f"{count} {unit} ago", today)


@pytest.mark.parametrize(("typed", "due"), [
    ("in 2 wks", date(2026, 12, 16)), ("in 2wks", date(2026, 12, 16)), ("In 2 Wks.", date(2026, 12, 16)),
    ("in a wk", date(2026, 12, 9)), ("in a fortnight", date(2026, 12, 16)), ("in 3 days", date(2026, 12, 5)),
    ("in 1 day", date(2026, 12, 3)), ("in 3 mths", date(2027, 3, 2)), ("in a month", date(2027, 1, 2)),
    ("in 6 months", date(2027, 6, 2)), ("in 1 yr", date(2027, 12, 2)),
])
def test_short_forms_on_a_wednesday(typed: str, due: date) -> None:
    assert parse_day(typed, date(2026, 12, 2), "future") == due


@pytest.mark.parametrize("typed", ["in 2 mons", "in 2 m", "in 2 w", "in 2 wkz"])
def test_forms_that_could_mean_something_else_are_not_guessed(typed: str) -> None:
    with pytest.raises(DateError, match="I could not read"):
        parse_day(typed, date(2026, 12, 2), "future")


@pytest.mark.parametrize(("typed", "due"), [
    # trial 19: refused at "When is it due?", though the bot's answers count timescales in working days
    ("in 5 working days", date(2026, 12, 29)), ("within 10 working days", date(2027, 1, 6)),
    ("5 working days", date(2026, 12, 29)), ("in five business days", date(2026, 12, 29)),
    ("within 2 weeks", date(2027, 1, 1)), ("in 1 working day", date(2026, 12, 21)),
])
def test_working_days_skip_weekends_and_bank_holidays(typed: str, due: date) -> None:
    assert parse_day(typed, date(2026, 12, 18), "future") == due  # a Friday, before Christmas


@given(today=TODAYS, count=st.integers(1, 60))
def test_a_count_of_working_days_lands_on_a_working_day_that_far_on(today: date, count: int) -> None:
    from knowledge.dates import bank_holidays
    due = parse_day(f"in {count} working days", today, "future")
    calendar = bank_holidays()
    assert calendar.is_working_day(due)
    assert sum(calendar.is_working_day(date.fromordinal(day)) for day in range(today.toordinal() + 1,
                                                                                  due.toordinal() + 1)) == count
