"""The wording a QA lead's link writes: the search's sure typo corrections made in the typed case, everything else as
typed (knowledge/spelling.py)."""

from __future__ import annotations

import pytest

from bot.core.knowledge import KnowledgeService
from knowledge.search import KnowledgeSearch
from knowledge.spelling import Corrected, corrected_wording


@pytest.fixture
def shipped(shipped_knowledge: KnowledgeService) -> KnowledgeSearch:
    return shipped_knowledge.current.search


@pytest.mark.parametrize(("typed", "written"), [
    ("wen is the icpc confrence due", "when is the icpc conference due"),
    ("Wen r review confs due?", "When are review confs due?"),  # "confs": the domain's own shorthand, kept
    ("supervison frequncy for NQSW", "supervision frequency for NQSW"),
    ("child's plan revew", "child's plan review"),
    ("who is the allocation manager", "who is the allocation manager"),  # another form of a known word: no typo
    ("strat disc timescale", "strat disc timescale"),
])
def test_sure_typos_are_put_right_in_the_case_typed_and_the_rest_stays(shipped: KnowledgeSearch, typed: str,
                                                                      written: str) -> None:
    assert corrected_wording(shipped, typed) == Corrected(written, ())


def test_a_typo_as_close_to_another_everyday_word_stays_and_is_named(shipped: KnowledgeSearch) -> None:
    assert corrected_wording(shipped, "how offen are viists") == Corrected("how offen are visits",
                                                                            (("offen", "offer"),))


def test_words_typed_without_their_vowels_are_written_as_the_one_word_they_stand_for(shipped: KnowledgeSearch
                                                                                  ) -> None:
    """Trial 44: `kb link` wrote "how lng for a core grp" into the entry's alternatives as typed, and said nothing."""
    assert corrected_wording(shipped, "how lng for a core grp") == Corrected("how long for a core group", ())
    assert corrected_wording(shipped, "Whn is the nxt CSC mtg") == Corrected("When is the next CSC mtg", ())
    assert corrected_wording(shipped, "is a chld in need plan") == Corrected("is a child in need plan", ())


def test_a_word_without_vowels_that_could_be_several_stays_and_is_named(shipped: KnowledgeSearch) -> None:
    assert corrected_wording(shipped, "what is a pln") == Corrected("what is a pln", (("pln", "plain or plan"),))
