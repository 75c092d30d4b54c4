"""Everyday words for a heavy caseload ("snowed under", "too many cases") mean the workload idea, and asking where to
park is the office topic (the workplace pages), not a question the knowledge base fails to know; the park where harm
happens is still contextual safeguarding (kb37: general changes for the misses of tuning set t12)."""

from __future__ import annotations

import pytest

from bot.core.knowledge import KnowledgeService
from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered

WORKLOAD = "asye-caseload-and-workload"


@pytest.fixture
def shipped(shipped_knowledge: KnowledgeService) -> KnowledgeSearch:
    return shipped_knowledge.current.search


@pytest.mark.parametrize("query", ["newly qualified and snowed under with too many cases",
                                   "first year social worker, overloaded with cases, is there a limit"])
def test_a_heavy_caseload_in_everyday_words_reaches_the_workload_entry(shipped: KnowledgeSearch, query: str) -> None:
    result = shipped.search(query)
    assert WORKLOAD in {match.entry_id for match in ((result.answer,) if result.answer else ())} | \
        {match.entry_id for match in result.suggestions[:3]}


@pytest.mark.parametrize("query", ["where do i park at the county court", "can i park at the office for free"])
def test_asking_where_to_park_gets_the_workplace_reply(shipped: KnowledgeSearch, query: str) -> None:
    result = shipped.search(query)
    assert result.outcome == "none" and result.topic is not None
    assert result.topic.topic in ("office", "travel and parking")  # parking phrases live in one of the two
    assert "parking" in result.topic.reply


def test_the_park_where_harm_happens_is_still_contextual_safeguarding(shipped: KnowledgeSearch) -> None:
    assert answered(shipped.search("harm happening at the park with his mates")) == "contextual-safeguarding"
