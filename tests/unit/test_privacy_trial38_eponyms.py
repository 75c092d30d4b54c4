"""Trial 38 (a DPO), M2: conditions and breeds named after people were refused as names ('mum has a Jack Russell that
bit the child', "the child has Asperger's and Tourette's", "is Munchausen's by proxy the same as FII", "mum has
Hashimoto's"); and trial 37, item 5: question words typed with two letters swapped and contractions without their
apostrophe were refused as names ('waht is a cin plan', 'whta is a cin plan', 'waht is a pep' as “w…”, 'the
children arent told about decisions' as “a…”)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy.screen import Screen

EPONYMS = ["Jack Russell", "Asperger's", "Tourette's", "Munchausen's", "Hashimoto's", "Down's syndrome", "Crohn's",
           "aspergers", "Parkinson's"]


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


@pytest.mark.parametrize("text", [
    "mum has a Jack Russell that bit the child",  # the trials' own
    "the child has Asperger's and Tourette's, how do I adapt direct work",
    "is Munchausen's by proxy the same as FII",
    "mum has Hashimoto's and struggles with fatigue",
    "the child has Down's syndrome", "mum has Crohn's and can't always do the school run",
    "waht is a cin plan", "whta is a cin plan", "waht is a pep", "hwo do i book an interpreter",
    "and the children arent told about decisions", "mum isnt engaging and dad doesnt answer",
    "im not sure the plan is working", "theyre not being seen alone",
])
def test_eponyms_typos_and_contractions_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("Jack Russell was seen at home", "Jack Russell"),  # a person where the words say so
    ("a boy called Jack Russell", "Jack Russell"),
])
def test_a_listed_eponym_is_still_a_name_where_a_person_is_meant(identifier_screen: Screen, text: str,
                                                                 words: str) -> None:
    assert ("name", words) in found(identifier_screen, text)


@settings(max_examples=60, deadline=None)
@given(eponym=st.sampled_from(EPONYMS), sentence=st.sampled_from([
    "the child has {}", "mum has {} and finds visits hard", "is {} a disability for an EHCP", "dad mentioned {} today",
    "how does {} affect a child's presentation"]))
def test_any_eponym_in_an_ordinary_sentence_passes(identifier_screen: Screen, eponym: str, sentence: str) -> None:
    text = sentence.format(eponym)
    assert found(identifier_screen, text) == [], text
