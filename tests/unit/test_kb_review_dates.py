"""A knowledge entry's review date as a QA lead types it (`kb new … | review: 31/03/2027`): whole UK dates only,
day before month, kept as YYYY-MM-DD; anything else gets the one message naming the forms, never a guess."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.dates import FULL_DATE_FORMS, DateError, parse_full_date
from knowledge.entries import parse_entries

DATES = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@pytest.mark.parametrize(("typed", "meant"), [
    ("31/03/2027", dt.date(2027, 3, 31)), ("31 March 2027", dt.date(2027, 3, 31)),
    ("31st March 2027", dt.date(2027, 3, 31)), ("31 Mar 2027", dt.date(2027, 3, 31)),
    ("1/4/2027", dt.date(2027, 4, 1)), ("03/04/2027", dt.date(2027, 4, 3)),  # day first, always: 3 April
    ("2027-03-31", dt.date(2027, 3, 31)), (" 31 march 2027 ", dt.date(2027, 3, 31)),
])
def test_whole_uk_dates_are_read_day_first(typed: str, meant: dt.date) -> None:
    assert parse_full_date(typed) == meant


@pytest.mark.parametrize("typed", ["03/31/2027", "March 31 2027", "March 31, 2027", "31/03/27", "31/13/2027",
                                   "2027/03/31", "31 Marhc 2027", "next Friday", "31/03", "", "2027-3-31x"])
def test_anything_else_gets_one_message_naming_the_accepted_forms(typed: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_full_date(typed)
    assert str(refused.value).endswith(f"is not a date I can read: write it as {FULL_DATE_FORMS}, day before month.")
    assert "DD/MM/YYYY" in str(refused.value) and "D Month YYYY" in str(refused.value)


@given(DATES, st.sampled_from(["{d:%d/%m/%Y}", "{d.day}/{d.month}/{d.year}", "{d.day} {d:%B} {d.year}",
                               "{d.day} {d:%b} {d.year}", "{d:%d %B %Y}", "{iso}"]))
def test_every_date_written_in_an_accepted_form_reads_back_as_itself(day: dt.date, form: str) -> None:
    typed = form.format(d=day, iso=day.isoformat())
    assert parse_full_date(typed) == day
    assert parse_full_date(typed).isoformat() == day.isoformat()  # and is written as YYYY-MM-DD


@given(DATES)
def test_a_month_first_date_is_never_read_as_that_date(day: dt.date) -> None:
    """03/31/2027 must never become 31 March: a US-order date is refused, or read day first when it can be."""
    typed = f"{day.month:02d}/{day.day:02d}/{day.year}"
    try:
        read = parse_full_date(typed)
    except DateError:
        assert day.day > 12
        return
    assert read == dt.date(day.year, day.day, day.month)


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_the_one_message_never_a_crash(text: str) -> None:
    try:
        read = parse_full_date(text)
    except DateError as refused:
        assert FULL_DATE_FORMS in str(refused)
    else:
        assert isinstance(read, dt.date)


def review_problems(written: object) -> list[str]:
    """What `kb check` says of an entry written by hand with this `review_by:` (as YAML read it)."""
    raw = {"id": "x", "question": "When is the fire drill?", "answer": "Mondays.", "review_by": written}
    _, problems = parse_entries([raw], "kb/x.yaml")
    return [problem.message for problem in problems]


@pytest.mark.parametrize(("written", "iso"), [("30/06/2027", "2027-06-30"), ("30 June 2027", "2027-06-30"),
                                              ("1/4/2027", "2027-04-01")])
def test_kb_check_says_how_to_write_a_uk_date_typed_into_the_yaml(written: str, iso: str) -> None:
    """A user trial: `review_by: 30/06/2027`, the form the New entry form takes, was "not a date" to kb check."""
    assert review_problems(written) == [f"entry 'x' has `review_by: {written}`, and the files write dates year "
                                        f"first (YYYY-MM-DD): write {written} as {iso}."]
    assert review_problems(iso) == []


@pytest.mark.parametrize("written", ["06/30/2027", "next March", 20270630])
def test_kb_check_still_calls_what_is_not_a_date_so(written: object) -> None:
    assert review_problems(written) == [f"entry 'x' has `review_by: {written}`, which is not a date; write a real "
                                        "date as YYYY-MM-DD, like `review_by: 2027-06-30`."]


@pytest.mark.parametrize("written", ["31/02/2027", "2027-02-31"])
def test_kb_check_says_which_day_february_lacks(written: str) -> None:
    assert review_problems(written) == [f"entry 'x' has `review_by: {written}`, which is not a real date: February "
                                        "2027 has 28 days, so no 31st."]


@given(DATES, st.sampled_from(["{d:%d/%m/%Y}", "{d.day}/{d.month}/{d.year}", "{d.day} {d:%B} {d.year}",
                               "{d:%d %b %Y}"]))
def test_the_date_kb_check_says_to_write_is_the_date_written(day: dt.date, form: str) -> None:
    written = form.format(d=day)
    [told] = review_problems(written)
    fixed = told.rsplit(" as ", 1)[1].rstrip(".")
    assert review_problems(fixed) == [] and parse_entries(
        [{"id": "x", "question": "Q?", "answer": "A.", "review_by": fixed}], "kb/x.yaml")[0][0].review_by == day


@given(st.integers(1000, 9999), st.integers(1, 12), st.integers(1, 31))
def test_a_day_its_month_does_not_have_is_told_so_in_both_readers(year: int, month: int, day: int) -> None:
    """`31/02/2027` is refused for February's length, not for its form (a trial was told to write it as
    DD/MM/YYYY); `parse_day`, which reads every other date typed, says the same."""
    import calendar

    from knowledge.dates import parse_day

    length = calendar.monthrange(year, month)[1]
    typed = f"{day:02d}/{month:02d}/{year:04d}"
    if day <= length:
        assert parse_full_date(typed) == parse_day(typed) == dt.date(year, month, day)
        return
    said = f"'{typed}' is not a real date: {calendar.month_name[month]} {year} has {length} days, so no {day}"
    for reader in (parse_full_date, parse_day):
        with pytest.raises(DateError) as refused:
            reader(typed)
        assert str(refused.value).startswith(said) and "DD/MM/YYYY" not in str(refused.value)
