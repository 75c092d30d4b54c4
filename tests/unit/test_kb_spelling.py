"""The wording a QA lead's link writes: the search's sure typo corrections made in the typed case, everything else as
typed (knowledge/spelling.py)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

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


@hypothesis_settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=1, max_size=6), min_size=1, max_size=6))
def test_any_wording_without_vowels_keeps_its_shape_and_writes_only_knowledge_base_words(
        shipped: KnowledgeSearch, words: list[str]) -> None:
    typed = " ".join(words)
    written = corrected_wording(shipped, typed)
    assert len(written.text.split()) == len(words)
    for before, after in zip(words, written.text.split(), strict=True):
        assert after == before or after in shipped.surface_words or shipped.knows(after)
    assert all(before in words for before, _ in written.doubtful)
