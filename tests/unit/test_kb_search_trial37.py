"""Trial 37 (a newly qualified social worker's questions): answers that were wrong outright or missed, reaching the
entry that answers them, with the wording a worker reads there."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch, SearchResult


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


def test_a_grandparent_caring_informally_reaches_private_fostering_which_says_it_is_not(
        kb: KnowledgeBase, shipped: KnowledgeSearch) -> None:
    """It got the kinship entry, which said kinship "includes informal arrangements, private fostering…"."""
    assert answered(shipped.search("nan is caring for the sibs informally, is that private fostering")) == \
        "private-fostering"
    assert "Care by a close relative is not private fostering" in kb.entries["private-fostering"].answer
    kinship = kb.entries["kinship-care"]
    assert "is never private fostering" in kinship.answer and "private-fostering" in kinship.related


@pytest.mark.parametrize("question", ["mum wants to record the core group, is she allowed",
                                      "can parents record meetings on their phone",
                                      "is dad allowed to film the conference", "parent wants to audio record my visit"])
def test_parents_recording_a_meeting_or_visit_gets_the_recording_entry(kb: KnowledgeBase, shipped: KnowledgeSearch,
                                                                       question: str) -> None:
    """They got the first core group's timescale and texting a child."""
    assert answered(shipped.search(question)) == "recording-by-parents"
    answer = kb.entries["recording-by-parents"].answer
    assert "generally lawful" in answer and "Staff never record covertly" in answer
    assert "Record it on the file" in answer


@pytest.mark.parametrize(("question", "entry_id"), [
    ("missing vs absent", "missing-from-home-and-care"),
    ("can mum withdraw s20 consent whenever she wants", "section-20-accommodation"),
    ("what if a child discloses abuse to me on a visit", "child-at-immediate-risk"),
    ("the kids werent at school all week", "children-missing-education"),
    ("what counts as drift on a cin case thats been open 14 months with the same plan", "drift-and-delay")])
def test_the_trials_misses_reach_the_entry_that_answers_them(shipped: KnowledgeSearch, question: str,
                                                             entry_id: str) -> None:
    """They offered fathers and male carers, interpreters, the duty to report, nothing, and case transfer first."""
    assert answered(shipped.search(question)) == entry_id


def test_missing_and_absent_are_both_defined(kb: KnowledgeBase) -> None:
    answer = kb.entries["missing-from-home-and-care"].answer
    assert "*missing* when nobody knows where they are" in answer and "*Absent*" in answer


def test_parents_not_engaging_is_never_answered_with_fathers_and_offers_disguised_compliance_first(
        shipped: KnowledgeSearch) -> None:
    result = shipped.search("parents arent engaging what do i do")
    assert answered(result) != "fathers-and-male-carers"
    assert answered(result) == "disguised-compliance" or result.suggestions[0].entry_id == "disguised-compliance"
