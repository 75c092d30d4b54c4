"""Trial 18: a date written in a question ("child became looked after on 23/12/2026, when is the first LAC review")
left it unanswered, though the same words without the date were answered. A case's dates say nothing of which entry
is meant: the search leaves them out, and keeps spans of time ("15 working days") and numbers that are no date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.dates import without_dates
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult

FORMATS = ["{d.day}/{d.month}/{d.year}", "{d.day:02d}/{d.month:02d}/{d.year}", "{d.day}/{d.month}", "{d:%Y-%m-%d}",
           "{d.day} {d:%b} {d.year}", "{d.day} {d:%B}", "{d:%b} {d.day}", "the {d.day}th of {d:%B}",
           "{d.day}.{d.month}.{d.year}"]


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def found(result: SearchResult) -> tuple[str, str | None, tuple[str, ...]]:
    answer = result.answer.entry_id if result.answer else None
    return result.outcome, answer, tuple(match.entry_id for match in result.suggestions)


@pytest.mark.parametrize(("with_date", "entry"), [
    ("child became looked after on 23/12/2026 when is the first LAC review", "cla-review-timescales"),
    ("when is the first review conf due if ICPC was 2 Dec 2026", "rcpc-timescale"),
    ("strategy discussion was on 1/12/2026, when does the icpc have to be by?", "icpc-timescale"),
])
def test_the_trials_questions_with_dates_are_answered(shipped: KnowledgeSearch, with_date: str, entry: str) -> None:
    result = shipped.search(with_date)
    assert (result.outcome, result.answer.entry_id if result.answer else None) == ("answer", entry)


@given(day=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)), form=st.sampled_from(FORMATS),
       question=st.sampled_from(["when is the icpc due, strat was on {}", "what is a pep",
                                 "child came into care on {} when is the first review",
                                 "referral came in {} how long to decide"]))
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_date_anywhere_in_a_question_changes_nothing_found(shipped: KnowledgeSearch, day: date, form: str,
                                                               question: str) -> None:
    typed = question.format(form.format(d=day)) if "{}" in question else f"{form.format(d=day)} {question}"
    plain = " ".join(question.replace("{}", "").split())
    assert without_dates(typed) == plain
    assert found(shipped.search(typed)) == found(shipped.search(plain))


@pytest.mark.parametrize("text", ["within 15 working days", "26 weeks", "3 months", "section 47", "16-17 year olds",
                                  "16/17 year olds", "1.5 hours", "24/7 helpline", "in may 2027", "CR-445512",
                                  "Working Together 2023"])
def test_spans_of_time_and_numbers_that_are_no_date_stay(text: str) -> None:
    assert without_dates(text) == text
