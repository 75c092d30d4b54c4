"""The question clauses of a two-part question (trial 50 F7), read from any text without error."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from knowledge.two_part import clauses, compared


def test_a_situation_then_two_questions_gives_the_two_questions() -> None:
    assert clauses("15yo boy keeps going missing, mum thinks hes running for someone. is this cce and whats the "
                   "NRM") == ["is this cce", "whats the NRM"]
    assert clauses("how often do i visit a cin child") == ["how often do i visit a cin child"]


@given(st.lists(st.sampled_from(["is", "this", "cce", "and", "whats", "the", "nrm", ".", "?", "boy", "how", "often",
                                 "also", "mum"]), max_size=14))
def test_every_clause_found_is_words_of_the_text(words: list[str]) -> None:
    text = " ".join(words)
    assert all(part in text and len(part.split()) >= 2 for part in clauses(text))


def test_a_comparison_gives_its_two_sides() -> None:
    """Trial 60 F27: "what is the difference between kinship care and special guardianship" is two things to explain."""
    assert compared("nan wants to look after the kids, what is the difference between kinship care and special "
                    "guardianship") == ["kinship care", "special guardianship"]
    assert compared("is a CAO the same as an SGO?") == ["CAO", "SGO"]
    assert compared("sgo vs kinship care") == ["sgo", "kinship care"]
    assert compared("difference between a strategy discussion and a strategy meeting and who attends") == [
        "strategy discussion", "strategy meeting"]


def test_a_side_named_only_as_it_is_no_comparison_and_its_clauses_stay() -> None:
    question = "what is a family network meeting and is it the same as a family group conference"
    assert compared(question) == []
    assert clauses(question) == ["what is a family network meeting", "is it the same as a family group conference"]
    assert compared("is it a cin or cp case") == []


@given(st.lists(st.sampled_from(["what", "is", "the", "difference", "between", "sgo", "and", "kinship", "care", "vs",
                                 "same", "as", "a", "it", "?", ",", "who", "attends"]), max_size=16))
def test_every_side_found_is_words_of_the_text(words: list[str]) -> None:
    text = " ".join(words)
    sides = compared(text)
    assert len(sides) in (0, 2)
    assert all(side and side.lower() in text.lower() and side.lower() != "it" for side in sides)
