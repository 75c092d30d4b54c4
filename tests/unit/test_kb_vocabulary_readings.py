"""Words read as the idea people mean by them (knowledge/vocabulary.yaml): each was answering a question outright with
the wrong entry, or keeping the right one from being answered."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


def offered(result: SearchResult) -> list[str]:
    """The entries a person sees: the answer first, then the suggestions."""
    return ([result.answer.entry_id] if result.answer else []) + [match.entry_id for match in result.suggestions]


@pytest.mark.parametrize(("query", "wrong", "meant"), [
    # "rate" was read as grading ("re-referral rate" as a re-referral grade); a measure is a performance figure
    ("how do we measure cases that come back in within a year", "repeat-cp-plans", "re-referral-rate"),
    # "education plan" was an education and a plan; for a child in care it is the PEP
    ("A 7 year old came into care in an emergency on Friday. When does her education plan need to be done by?",
     "care-plan", "pep-timescale"),
    # "WT23" was a word only one entry's alternative held
    ("Family Help in WT23 explained", "assessment-timescale", "family-help"),
    # support below social care level is early help
    ("how often should a family's support plan be looked at again when it's below social care level", "threshold",
     "early-help-plan-review"),
])
def test_a_question_is_no_longer_answered_with_the_wrong_entry(shipped: KnowledgeSearch, query: str, wrong: str,
                                                               meant: str) -> None:
    result = shipped.search(query)
    assert answered(result) != wrong
    assert meant in offered(result)


@pytest.mark.parametrize(("query", "expected"), [
    ("family help in WT2023", "family-help"),
    ("what scale are case files marked on when we audit them", "audit-grading"),  # marking is grading
    ("my case got marked as not yet good in the audit, what happens to me now", "graded-requires-improvement"),
    ("kpi meeting with audit grades", "performance-clinics"),  # "grades" no longer met "rate" in "re-referral rate"
    # checks on a new partner are the new-partner entry's, not the one on involving fathers
    ("mum has a new boyfriend staying over most nights, what checks should I be doing on him", "new-partner-checks"),
])
def test_a_question_is_answered_with_its_entry(shipped: KnowledgeSearch, query: str, expected: str) -> None:
    assert answered(shipped.search(query)) == expected
