"""Knowledge-base wordings trial 63 found wanting (fix78c): practitioners asking what good looks like got the wrong
entry first among "Did you mean…": a supervision record met supervised family time (F6)."""

from __future__ import annotations

import pytest

from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered_to


def first_choice(search: KnowledgeSearch, question: str) -> str | None:
    """The entry answered outright, else the first one offered: what the worker reads first."""
    result = search.search(question)
    first = result.answer if result.outcome == "answer" else (result.suggestions[0] if result.suggestions else None)
    return first.entry_id if first is not None else None


@pytest.mark.parametrize("question", [
    "what should a supervision record include",
    "what should my supervision notes cover",
])
def test_a_supervision_record_leads_to_reflective_supervision_not_family_time(
        question: str, shipped: KnowledgeSearch) -> None:
    """F6: the family time entry came first, through "supervised contact recording"."""
    assert first_choice(shipped, question) == "reflective-supervision"


def test_supervision_notes_in_few_words_are_answered(shipped: KnowledgeSearch) -> None:
    """F6, another wording: read as one idea, the supervision record, not supervised contact."""
    assert answered_to(shipped, "what goes in supervision notes") == "reflective-supervision"
