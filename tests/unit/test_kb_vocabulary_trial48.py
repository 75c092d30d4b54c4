"""Trial 48 (F21): `how long do i keep case records after closure` got "Did you mean…" with the case closure entry
first and the records retention entry, an exact fit, third. "closure" is a rare word only the closure entry holds,
while the retention entry says it only another way ("when the case closes"), at half weight. Keeping case records,
as against writing them, is now one concept in knowledge/vocabulary.yaml, so the question's ask outweighs its
"after closure"; "record keeping" (how records are written) is left out of it."""

from __future__ import annotations

import pytest

from bot.core.knowledge import KnowledgeService
from knowledge.search import KnowledgeSearch, SearchResult

RETENTION = "record-retention"


@pytest.fixture
def shipped(shipped_knowledge: KnowledgeService) -> KnowledgeSearch:
    return shipped_knowledge.current.search


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize("query", ["how long do i keep case records after closure",
                                   "how long should we retain case records after closure",
                                   "how long do we keep case files after the case is closed"])
def test_keeping_case_records_after_closure_is_answered_by_the_retention_entry(shipped: KnowledgeSearch,
                                                                                query: str) -> None:
    assert answered(shipped.search(query)) == RETENTION


@pytest.mark.parametrize(("query", "entry"), [("what should happen when we close a case", "case-closure"),
                                            ("closure summary", "case-closure")])
def test_closing_a_case_is_still_the_closure_entry(shipped: KnowledgeSearch, query: str, entry: str) -> None:
    assert answered(shipped.search(query)) == entry


def test_record_keeping_is_not_answered_as_retention(shipped: KnowledgeSearch) -> None:
    """How records are written is not how long they are kept: before, "record keeping" got the retention entry
    outright."""
    assert answered(shipped.search("record keeping")) != RETENTION
