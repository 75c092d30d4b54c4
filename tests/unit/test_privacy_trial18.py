"""Trial 18: ordinary audit notes were refused as naming a school, and the note was lost. The word before "school"
was read as the school's name across a comma, a semicolon or a full stop ("core groups lapsed in Oct; school not
invited"), and a known word's form the word lists lack ("lapsed") or an adverb built of two words ("fortnightly")
counted as a place-like name. A school named by its name is still refused. Names are invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)


@pytest.mark.parametrize("text", [
    "areas for development - ICPC was late with no reason recorded; core groups lapsed in Oct; school not invited "
    "to strat",
    "core groups lapsed in October. School not invited to the strategy discussion",
    "core groups lapsed; school and GP not at the last one",
    "core groups fortnightly, school attending, visits on time",
    "lapsed school attendance since the summer",
    "fortnightly school visits by the designated teacher",
    "Visits Weekly. School Attending Well",
])
def test_an_everyday_word_before_school_is_no_schools_name(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert [kind for kind, _ in found(council_screen, text)] == []


@pytest.mark.parametrize(("text", "words"), [
    ("she has started at Oakfield Primary School", "Oakfield Primary School"),
    ("goes to oakfield school", "oakfield school"),
    ("the DSL at St. Mary's School rang", "St. Mary's School"),
    ("Bishop Challoner Catholic College", "Bishop Challoner Catholic College"),
    ("attends hillside high", "hillside high"),
])
def test_a_school_named_by_its_name_is_still_refused(council_screen: Screen, text: str,  # noqa: F811
                                                     words: str) -> None:
    assert ("school", words) in found(council_screen, text)


@given(word=st.sampled_from(["lapsed", "Oct", "October", "fortnightly", "late", "attending", "weekly", "agreed",
                             "Monday", "reviewed", "invited", "recorded"]),
       mark=st.sampled_from([",", ";", ".", ":", " -", "!"]),
       after=st.sampled_from(["school", "School", "school attending", "school not invited", "school and GP"]))
def test_no_school_is_named_across_punctuation(council_screen: Screen, word: str, mark: str,  # noqa: F811
                                               after: str) -> None:
    text = f"core groups {word}{mark} {after}"
    assert [f for f in council_screen.find(text) if f.kind == "school"] == []
