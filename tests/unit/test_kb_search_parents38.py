"""Questions about a parent (mum, dad, parents) reach the entry on what they ask, not the entry on fathers: the
vocabulary's concept of a parent held "father", so "can mum record the meeting" read as a question about fathers and
was offered fathers and male carers first. Questions about fathers still reach that entry."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

KB = load_knowledge()
SEARCH = KnowledgeSearch(KB)


def answered(question: str) -> str | None:
    """The entry the bot answers the question with outright, or None when it only offers or declines."""
    result = SEARCH.search(question)
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize("question", ["can mum record the meeting",
                                      "is dad allowed to record the CP conference on his phone",
                                      "can the parents record the child protection conference",
                                      "dad has been recording our phone calls, is that allowed"])
def test_a_parent_recording_a_meeting_gets_the_recording_entry_not_fathers(question: str) -> None:
    """They offered fathers and male carers, the ICPC's timescale, or the recording entry only among others."""
    assert answered(question) == "recording-by-parents"
    assert "Parents usually can" in KB.entries["recording-by-parents"].answer


@pytest.mark.parametrize("question", ["parents arent engaging what do i do", "mum isnt engaging with the plan",
                                      "how do i work with a hostile family"])
def test_parents_not_engaging_is_answered_with_disguised_compliance(question: str) -> None:
    """The entry that covers non-engagement: it was only offered, with fathers and male carers scored above it."""
    assert answered(question) == "disguised-compliance"
    assert "explore why engagement is difficult" in KB.entries["disguised-compliance"].answer


@pytest.mark.parametrize("question", ["fathers", "father engagement", "involving dads",
                                      "how do i involve dad in the assessment",
                                      "how do i engage dads in the assessment", "how do we get fathers involved",
                                      "should dad be part of the assessment", "nobody has spoken to dad"])
def test_questions_about_fathers_still_get_fathers_and_male_carers(question: str) -> None:
    """"how do i involve dad in the assessment" offered parents with learning disabilities first."""
    assert answered(question) == "fathers-and-male-carers"
