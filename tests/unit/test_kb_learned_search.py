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


def test_learned_wordings_do_not_weaken_how_an_entry_is_found_by_its_own_wording() -> None:
    """People's wordings add to an entry; they must not dilute its curated terms (that made neighbours closer
    and turned answers into confident-wrong ones)."""
    question = "how do I pause my reminders while I am away"
    before = {match.entry_id: match.score for match in SEARCH.evidence(question).concept}
    learned = SEARCH.with_learned([("away-until", "off sick for a fortnight"),
                                   ("away-until", "covering for a colleague on secondment"),
                                   ("away-until", "going on jury service next month")])
    after = {match.entry_id: match.score for match in learned.evidence(question).concept}
    assert after["away-until"] >= before["away-until"]

