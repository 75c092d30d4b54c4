"""A learned wording is searched as the entry's alternative, in a new index; the old one is untouched."""

from __future__ import annotations

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

SEARCH = KnowledgeSearch(load_knowledge())
WORDING = "my foster carer wants to take the kid to spain for a week"


def test_a_learned_wording_is_answered_outright_by_the_new_index_only() -> None:
    before = SEARCH.search(WORDING)
    assert before.outcome != "answer"
    learned = SEARCH.with_learned([("fathers-and-male-carers", WORDING)])
    after = learned.search(WORDING.upper() + "?")
    assert after.outcome == "answer" and after.answer is not None
    assert after.answer.entry_id == "fathers-and-male-carers"
    assert SEARCH.search(WORDING) == before  # readers of the old index see no change
    assert SEARCH.learned == frozenset()


def test_unknown_entries_and_repeats_change_nothing() -> None:
    assert SEARCH.with_learned([("no-such-entry", WORDING)]) is SEARCH
    once = SEARCH.with_learned([("away-until", WORDING)])
    assert once.with_learned([("away-until", WORDING)]) is once


def test_the_same_wording_learned_for_two_entries_is_offered_not_answered() -> None:
    both = SEARCH.with_learned([("away-until", WORDING), ("reminders-and-digest", WORDING)])
    result = both.search(WORDING)
    assert result.outcome == "ambiguous"
    assert {"away-until", "reminders-and-digest"} <= {match.entry_id for match in result.suggestions}
