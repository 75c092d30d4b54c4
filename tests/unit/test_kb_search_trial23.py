"""Trial 23: a question on how long records are kept was answered with the pre-birth timing entry. The entry on
record retention now says the ways people ask it (its alternatives, and a vocabulary group for retaining,
archiving and destroying records), so each is answered with it, and timing questions keep their own entries."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize("query", [
    "how long do we keep case records?",
    "how long are files kept",
    "when are records destroyed",
    "how long do we keep pre-birth records",
    "how long do we retain case files?",
    "how long do we keep cp records",
    "how long is a case file kept for a care leaver",
    "can an adult see their childhood social care file",
])
def test_a_question_on_keeping_records_is_answered_with_the_retention_entry(shipped: KnowledgeSearch,
                                                                           query: str) -> None:
    assert answered(shipped.search(query)) == "record-retention"


@pytest.mark.parametrize("query", ["when should a pre-birth assessment start",
                                   "how long do we have to do a pre-birth assessment",
                                   "pre-birth conference timescale"])
def test_pre_birth_timing_questions_still_get_the_pre_birth_entry(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "pre-birth-assessment"


def test_the_retention_answer_offers_recording_and_sharing_not_section_47_consent() -> None:
    """The answer's related entries (its buttons) were a section 47 consent question, unrelated to keeping records."""
    kb = load_knowledge()
    offered = [kb.entries[other].question for other in kb.entries["record-retention"].related]
    assert offered == ["What does good case recording look like?", "When can I share information without consent?"]
