"""Trial 44 (F1): everyday slang of the work reaches its entry. "kid went awol again from resi what do i do" got
"Did you mean…" with short breaks first ("resi" was read as respite) and "has gone awol from his placement" the
placement plan first: awol, MFH and MFC are now missing, and resi is residential, in knowledge/vocabulary.yaml."""

from __future__ import annotations

import pytest

from bot.core.knowledge import KnowledgeService
from knowledge.search import KnowledgeSearch, SearchResult

MISSING = "missing-from-home-and-care"


@pytest.fixture
def shipped(shipped_knowledge: KnowledgeService) -> KnowledgeSearch:
    return shipped_knowledge.current.search


def answer_or_first(result: SearchResult) -> str | None:
    """The entry answered outright, or else the first suggestion: what the worker sees first."""
    if result.outcome == "answer" and result.answer:
        return result.answer.entry_id
    return result.suggestions[0].entry_id if result.suggestions else None


@pytest.mark.parametrize("query", ["kid went awol again from resi what do i do", "has gone awol from his placement",
                                   "my yp in resi keeps going awol", "he is mfc again what do i do"])
def test_awol_mfh_and_mfc_reach_the_missing_entry(shipped: KnowledgeSearch, query: str) -> None:
    assert answer_or_first(shipped.search(query)) == MISSING


@pytest.mark.parametrize(("query", "entry"), [("kid went awol again from resi what do i do", MISSING),
                                            ("who visits a resi unit every month", "regulation-44-visits")])
def test_resi_is_residential_not_respite(shipped: KnowledgeSearch, query: str, entry: str) -> None:
    assert answer_or_first(shipped.search(query)) == entry
