"""Trial 12, F1: "what age can a kid stay home alone" was answered outright with the entry on seeing children
alone on visits. The knowledge base now has an entry on leaving children at home alone, and a query word an
entry holds only in passing (alone in one of its long wordings) no longer counts as if the entry were about it."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize("query", ["what age can a kid stay home alone", "can i leave my 11 year old at home alone",
                                   "how old do kids have to be to stay home alone"])
def test_leaving_a_child_home_alone_is_answered_with_its_own_entry(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "child-home-alone"


def test_seeing_a_child_alone_on_visits_still_finds_its_entry(shipped: KnowledgeSearch) -> None:
    assert answered(shipped.search("when should a child be seen alone")) == "child-seen-alone"


@pytest.mark.parametrize(("query", "wrong", "meant"), [
    # each wrong entry held one of the query's words only in a long wording of its own, with no other word of it
    ("how long is a care case in court meant to last", "chronologies-good", "care-proceedings-26-weeks"),
    ("adoptive parents struggling with their 8 year old's behaviour, what help can they get", "placement-stability",
     "adoption-support"),
])
def test_a_word_an_entry_holds_only_in_passing_does_not_get_it_answered_outright(
        shipped: KnowledgeSearch, query: str, wrong: str, meant: str) -> None:
    result = shipped.search(query)
    assert answered(result) != wrong
    assert meant in [match.entry_id for match in result.suggestions[:3]]
