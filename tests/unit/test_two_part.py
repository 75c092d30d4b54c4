"""The question clauses of a two-part question (trial 50 F7), read from any text without error."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.asking.two_part import clauses


def test_a_situation_then_two_questions_gives_the_two_questions() -> None:
    assert clauses("15yo boy keeps going missing, mum thinks hes running for someone. is this cce and whats the "
                   "NRM") == ["is this cce", "whats the NRM"]
    assert clauses("how often do i visit a cin child") == ["how often do i visit a cin child"]


@given(st.lists(st.sampled_from(["is", "this", "cce", "and", "whats", "the", "nrm", ".", "?", "boy", "how", "often",
                                 "also", "mum"]), max_size=14))
def test_every_clause_found_is_words_of_the_text(words: list[str]) -> None:
    text = " ".join(words)
    assert all(part in text and len(part.split()) >= 2 for part in clauses(text))
