"""Three questions the last trials left half answered. Trial 51 F19: an adult at school hurt a child and the worker
asks whether it is the LADO or a strategy discussion first; the answer now says both run together and the LADO
takes part (the LADO entry alone said nothing on it). Trial 51 F9: parents' mental illness and drinking with the
worker unsure whether it is child in need or child protection now offers the threshold entry (section 17 or 47).
An agency worker who started this week reaches the entry on setting people up in the bot outright. Plain LADO
questions still get the LADO entry, and the out-of-scope neighbours (a sourdough starter, a leave form) stay
declined. The search reads no clock, so no time is pinned."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered_to


def offered(search: KnowledgeSearch, query: str) -> list[str]:
    return [match.entry_id for match in search.search(query).suggestions[:3]]


def test_lado_or_strategy_discussion_first_is_answered_with_both_together(shipped: KnowledgeSearch) -> None:
    query = "teacher grabbed a yr 8 by the arm and left bruises, do i ring the LADO or do a strat first"
    assert answered_to(shipped, query) == "lado-and-strategy-discussion"
    answer = load_knowledge().entries["lado-and-strategy-discussion"].answer
    assert "strategy discussion" in answer and "the LADO takes part" in answer and "1 working day" in answer


@pytest.mark.parametrize("query", [
    "when to ring LADO",
    "lado referral timescale",
    "do I need to ring the LADO about a foster carer who slapped a child?",
    "alegation against staff member",
])
def test_a_plain_lado_question_still_gets_the_lado_entry(shipped: KnowledgeSearch, query: str) -> None:
    assert answered_to(shipped, query) == "lado"


def test_cin_or_cp_with_parents_illness_and_drinking_offers_the_threshold_entry(shipped: KnowledgeSearch) -> None:
    query = ("mums bipolar and stopped her meds, dad drinking every night, 3 kids under 7, not sure if this is cin or "
             "cp, what do i do next")
    assert answered_to(shipped, query) is None  # a mix of worries: nothing answered as if it were the whole question
    assert "threshold" in offered(shipped, query)


@pytest.mark.parametrize("query", [
    "agency worker started monday how do i get them on the audit bot",
    "a locum started this week, how does she get on the audit bot",
])
def test_an_agency_worker_who_has_just_started_is_answered_with_the_set_up_entry(shipped: KnowledgeSearch,
                                                                                  query: str) -> None:
    assert answered_to(shipped, query) == "new-starter-setup"


@pytest.mark.parametrize("query", [
    "how do i make a sourdough starter",
    "how do i book annual leave as an agency worker",
])
def test_out_of_scope_neighbours_are_not_answered_with_the_set_up_entry(shipped: KnowledgeSearch,
                                                                          query: str) -> None:
    assert answered_to(shipped, query) != "new-starter-setup"
    assert answered_to(shipped, query) is None or shipped.search(query).topic is not None
