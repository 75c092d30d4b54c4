"""Practice questions trial 60's ASYE asked that the knowledge base holds but did not answer. F21: a child staying
with a family friend while mum is in rehab is private fostering, though the question never says the term. F22: the
short breaks entry answered a question in its own words (it came second to the disabled children entry), and a team
around the family is answered with the early help entry that explains it. Out-of-scope neighbours (hospital visiting
hours, training courses) stay away. The search reads no clock, so no time is pinned."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered_to


@pytest.mark.parametrize("query", [
    "a child is staying with a family friend for a few months while mum is in rehab, do i need to do anything",
    "neighbour has been looking after a 12 year old for a couple of months while dad is in prison",
])
def test_a_child_with_a_family_friend_for_months_is_answered_as_private_fostering(shipped: KnowledgeSearch,
                                                                                  query: str) -> None:
    assert answered_to(shipped, query) == "private-fostering"


def test_the_private_fostering_answer_names_everyday_arrangements(kb: KnowledgeBase) -> None:
    answer = kb.entries["private-fostering"].answer
    assert ("family friend or neighbour while a parent is unwell, in treatment for drink or drugs, or in prison"
            in answer)
    assert "28 days or more" in answer and "under 18 if disabled" in answer


def test_short_breaks_asked_in_the_entrys_words_are_answered_with_how_families_get_them(
        shipped: KnowledgeSearch, kb: KnowledgeBase) -> None:
    assert answered_to(shipped, "what are short breaks for disabled children and can parents get them without a "
                             "social worker") == "short-breaks"
    assert "*Without a social worker:*" in kb.entries["short-breaks"].answer


@pytest.mark.parametrize("query", ["what is a team around the family in early help", "what is a taf meeting"])
def test_a_team_around_the_family_is_answered_with_the_early_help_entry(shipped: KnowledgeSearch,
                                                                       query: str) -> None:
    assert answered_to(shipped, query) == "early-help"


@pytest.mark.parametrize("query", ["what are the visiting hours on the children's ward at the hospital?",
                                   "what training courses are on next month"])
def test_out_of_scope_neighbours_are_not_answered(shipped: KnowledgeSearch, query: str) -> None:
    assert answered_to(shipped, query) is None


def test_who_can_refer_to_marac_is_answered_with_the_domestic_abuse_entry_that_says_so(
        shipped: KnowledgeSearch, kb: KnowledgeBase) -> None:
    """F23: MARAC was named, with nothing on who may refer."""
    assert answered_to(shipped, "what is marac and who can refer") == "domestic-abuse"
    answer = kb.entries["domestic-abuse"].answer
    assert "*Who can refer to MARAC:* any agency" in answer
    assert "professional judgement" in answer and "MARAC coordinator" in answer


def test_closing_a_child_in_need_case_when_the_family_stops_engaging_is_answered_with_case_closure(
        shipped: KnowledgeSearch, kb: KnowledgeBase) -> None:
    """Found beside trial 60: the section 47 consent entry was offered first."""
    assert answered_to(shipped, "can i close a child in need case if the family stops engaging") == "case-closure"
    assert "that alone is not a reason to close" in kb.entries["case-closure"].answer
