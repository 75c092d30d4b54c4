"""Trial 18: a date written in a question ("child became looked after on 23/12/2026, when is the first LAC review")
left it unanswered, though the same words without the date were answered. A case's dates say nothing of which entry
is meant: the search leaves them out, and keeps spans of time ("15 working days") and numbers that are no date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.dates import without_dates, wording_without_dates
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


@pytest.mark.parametrize(("typed", "kept"), [
    ("icpc was 22/12/26 when is the first review conference due", "icpc when is the first review conference due"),
    ("icpc was on the 22nd, when's the first RCPC?", "icpc, when's the first RCPC?"),
    ("on 3/12/2026, what next", "what next"), ("had conference 2/12/2026 next steps", "had conference next steps"),
    ("within 15 working days", "within 15 working days"),
])
def test_a_wording_kept_as_an_alternative_loses_the_words_that_said_what_the_day_was(typed: str, kept: str) -> None:
    """Trial 19: "icpc was when is the first review conference due" was written into the knowledge base."""
    assert wording_without_dates(typed) == kept


@given(day=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)), form=st.sampled_from(FORMATS),
       lead=st.sampled_from(["", "was ", "was on ", "on ", "is "]))
def test_a_kept_wording_reads_as_the_same_terms_as_the_question_the_search_reads(day: date, form: str,
                                                                                  lead: str) -> None:
    """A learned wording is matched term for term: leaving out what said the day was something must not change the
    words the search reads (they are stop words)."""
    from knowledge.textterms import STOP_WORDS, words_of
    typed = f"icpc {lead}{form.format(d=day)} when is the review"
    def content(text: str) -> list[str]:
        return [word for word in words_of(text) if word not in STOP_WORDS]
    assert content(wording_without_dates(typed)) == content(without_dates(typed)) == ["icpc", "when", "review"]
