"""Timescales as data (`due:` on an entry): read and checked as `kb check` checks every field, and counted as
practice counts them (working days leave out weekends and bank holidays in England; day 0 is the event)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.dates import dates_in
from knowledge.due_rules import UNITS, DueRule, read_within
from knowledge.entries import parse_entries

ENTRY = {"id": "core-group-timescale", "question": "When is the first core group?", "answer": "Within 10 working days."}


def parsed(due: object) -> tuple[tuple[DueRule, ...], list[str]]:
    entries, problems = parse_entries([{**ENTRY, "due": due}], "timescales.yaml")
    return (entries[0].due if entries else ()), [problem.message for problem in problems]


def test_a_rule_is_read_with_its_count_and_unit() -> None:
    rules, problems = parsed([{"what": "the first core group meeting", "from": "the initial conference",
                               "within": "10 working days"}])
    assert problems == []
    assert rules == (DueRule("the first core group meeting", "the initial conference", 10, "working days"),)
    assert rules[0].within == "10 working days"
    assert DueRule("a visit", "the start", 1, "weeks").within == "1 week"


@pytest.mark.parametrize(("due", "said"), [
    ([{"what": "x", "from": "y", "within": 10}], "`within: 10` with no unit; write it like `within: 10 working days`"),
    ([{"what": "x", "from": "y", "within": "ten days"}], "which is not a whole number and a unit"),
    ([{"what": "x", "from": "y", "within": "10 fortnights"}], "units: working days, days, weeks, months"),
    ([{"what": "x", "within": "10 days"}], "has no `from:`; say what starts the clock"),
    ([{"what": "x", "from": "y", "within": "10 days", "when": "z"}], "has an unknown field `when`"),
    ("15 working days", "`due:` of entry 'core-group-timescale' must be a list of rules"),
    (["15 working days"], "must be a mapping with `what:`, `from:` and `within:`"),
])
def test_a_rule_kb_check_cannot_read_is_refused_saying_how_to_write_it(due: object, said: str) -> None:
    _, problems = parsed(due)
    assert len(problems) == 1 and said in problems[0], problems


@given(st.integers(min_value=0, max_value=999), st.sampled_from(UNITS), st.booleans(), st.booleans())
def test_any_count_and_unit_written_either_way_reads_back(count: int, unit: str, singular: bool,
                                                           shouted: bool) -> None:
    written = f"{count} {unit[:-1] if singular else unit}"
    assert read_within(written.upper() if shouted else written) == (count, unit)


@pytest.mark.parametrize(("started", "rule", "due"), [
    # 15 working days from Tuesday 1 December 2026: three weeks on, no holiday between
    (dt.date(2026, 12, 1), DueRule("icpc", "strat", 15, "working days"), dt.date(2026, 12, 22)),
    # over Christmas: 25 December, and 28 December for Boxing Day on a Saturday, and New Year's Day are not counted
    (dt.date(2026, 12, 23), DueRule("review", "looked after", 20, "working days"), dt.date(2027, 1, 25)),
    # from a Saturday, day 1 is Monday
    (dt.date(2026, 12, 5), DueRule("decision", "referral", 1, "working days"), dt.date(2026, 12, 7)),
    (dt.date(2027, 1, 31), DueRule("review", "conference", 1, "months"), dt.date(2027, 2, 28)),
    (dt.date(2026, 12, 23), DueRule("review", "first review", 3, "months"), dt.date(2027, 3, 23)),
    (dt.date(2026, 12, 5), DueRule("visit", "placement", 1, "weeks"), dt.date(2026, 12, 12)),
    (dt.date(2026, 12, 5), DueRule("visit", "placement", 10, "days"), dt.date(2026, 12, 15)),
])
def test_due_dates_are_counted_as_practice_counts_them(started: dt.date, rule: DueRule, due: dt.date) -> None:
    assert rule.due_by(started) == due


@given(st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)), st.integers(1, 60))
def test_working_days_always_land_on_a_working_day_after_the_event(started: dt.date, count: int) -> None:
    from knowledge.dates import bank_holidays

    due = DueRule("x", "y", count, "working days").due_by(started)
    assert due > started and bank_holidays().is_working_day(due)
    assert (due - started).days >= count


TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(("question", "days"), [
    ("strategy discussion was on 1/12/2026, when does the icpc have to be by?", [dt.date(2026, 12, 1)]),
    ("strat disc held 01/12/2026 - when is ICPC due", [dt.date(2026, 12, 1)]),
    ("icpc was 2 Dec, when is the review", [dt.date(2026, 12, 2)]),
    ("the strat was yesterday", [dt.date(2026, 12, 4)]),
    ("2026-12-03 and 4th January 2027", [dt.date(2026, 12, 3), dt.date(2027, 1, 4)]),
    ("16/17 year olds on a plan", []), ("24/7 support", []), ("31/02/2027", []), ("when is the icpc due", []),
])
def test_the_days_a_question_gives_are_found(question: str, days: list[dt.date]) -> None:
    assert dates_in(question, TODAY) == days


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["{d:%d/%m/%Y}", "{d.day}/{d.month}/{d.year}", "{d.day} {d:%B} {d.year}",
                        "{d.day} {d:%b} {d.year}", "{iso}"]),
       st.sampled_from(["the strat was on {} when is the icpc due", "{}: when is the first review",
                        "looked after since {}, first review?"]))
def test_a_full_date_in_any_form_anywhere_in_a_question_is_that_date(day: dt.date, form: str, frame: str) -> None:
    assert dates_in(frame.format(form.format(d=day, iso=day.isoformat())), TODAY) == [day]


def test_a_name_written_into_a_rule_is_refused_as_in_any_other_text_of_an_entry(identifier_screen) -> None:
    from bot.privacy.knowledge_screen import entry_identifier_problems

    [entry], _ = parse_entries([{**ENTRY, "due": [{"what": "the next visit to Tyler Brown", "from": "the last visit",
                                                  "within": "10 working days"}]}], "timescales.yaml")
    [problem] = entry_identifier_problems([entry], identifier_screen)
    assert "core-group-timescale" in problem.message and " due: " in problem.message
    assert "Tyler" not in problem.message


@pytest.mark.parametrize(("question", "days"), [
    ("had the strat on monday when does the conference have to be", [dt.date(2026, 11, 30)]),
    ("strat last tuesday, icpc due?", [dt.date(2026, 12, 1)]),
    ("next friday is the conference, when is the core group", [dt.date(2026, 12, 11)]),
    ("the placement started 3 weeks ago", [dt.date(2026, 11, 14)]),
    ("placement began two weeks ago", [dt.date(2026, 11, 21)]),
    ("visits every monday", []), ("is the mash open on a sunday", []), ("a few days ago", []),
    # trial 19: a day of the month alone, after "on", is the one nearest today
    ("icpc was on the 22nd, when's the first RCPC?", [dt.date(2026, 11, 22)]),
    ("conference on the 9th", [dt.date(2026, 12, 9)]), ("on the 31st", [dt.date(2026, 12, 31)]),
    ("the 2nd review conference", []), ("on the 2nd review", [])
])
def test_a_day_said_in_words_is_found_a_habit_or_a_guess_is_not(question: str, days: list[dt.date]) -> None:
    assert dates_in(question, TODAY) == days  # TODAY is Saturday 5 December 2026
