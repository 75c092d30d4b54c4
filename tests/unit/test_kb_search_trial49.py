"""Trial 49 (F6-F9): questions the knowledge base did not answer, or answered without the fact asked for.

F6: conference minutes timescales were in no entry ("Did you mean" core group / moving council / CLA reviews); the
child protection conference entries now say what is expected of the conference record.
F7: the missing-child answer named police and children's social care only; for a child in care it now names the IRO,
the placing authority, the carers, parents where appropriate and the manager or out-of-hours team.
F8: allegations against foster carers (Ofsted, who else is told, the foster carer review) got only suggestions; the
LADO entry now says it and is the answer.
F9: "whats the threshold for cp vs cin" offered the child in need entry as a suggestion only: "vs" now reads as
"difference" (knowledge/vocabulary.yaml)."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch, SearchResult


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


def answer_text(shipped: KnowledgeSearch, kb: KnowledgeBase, query: str) -> str:
    """The answer the asker reads (its entry's text), once the search answers outright."""
    entry_id = answered(shipped.search(query))
    assert entry_id is not None
    return kb.entries[entry_id].answer


@pytest.mark.parametrize(("query", "entry"), [
    ("is there a timescale for sending the cp conference minutes", "icpc-timescale"),
    ("who do i tell if a kid in care goes missing overnight", "missing-from-home-and-care"),
    ("do i need to tell ofsted if a foster carer smacks a kid", "lado"),
    ("who do i tell if a foster carer is under investigation", "lado"),
    ("whats the threshold for cp vs cin", "child-in-need"),
])
def test_the_trial_question_is_answered_with_its_entry(shipped: KnowledgeSearch, query: str, entry: str) -> None:
    assert answered(shipped.search(query)) == entry


def test_the_conference_answer_gives_the_record_timescales(shipped: KnowledgeSearch, kb: KnowledgeBase) -> None:
    text = answer_text(shipped, kb, "is there a timescale for sending the cp conference minutes")
    assert "within 1 working day" in text and "15 to 20 working days" in text
    assert "local safeguarding partnership's procedure" in text


def test_the_missing_child_in_care_answer_names_who_to_tell(shipped: KnowledgeSearch, kb: KnowledgeBase) -> None:
    text = answer_text(shipped, kb, "who do i tell if a kid in care goes missing overnight")
    for who in ("IRO", "placing authority", "placement provider", "parents where appropriate", "out-of-hours",
                "return home interview"):
        assert who in text


def test_the_foster_carer_allegation_answer_says_ofsted_and_who_else(shipped: KnowledgeSearch,
                                                                      kb: KnowledgeBase) -> None:
    text = answer_text(shipped, kb, "do i need to tell ofsted if a foster carer smacks a kid")
    for what in ("1 working day", "Ofsted", "supervising social worker", "IRO", "foster carer review"):
        assert what in text


@pytest.mark.parametrize(("query", "entry"), [("is this cin or cp", "threshold"),
                                            ("level 3 vs level 4", "threshold"),
                                            ("what is a return home interview", "return-home-interviews"),
                                            ("allegation against a teacher", "lado")])
def test_neighbouring_questions_keep_their_entries(shipped: KnowledgeSearch, query: str, entry: str) -> None:
    assert answered(shipped.search(query)) == entry
