"""A friend's word capitalised as a name mid-sentence is refused (fix48f, after trial 46, F5).

Since trial 46 'mate', 'pal', 'bruv' and the like are ordinary words ("mate's mum says she can stay" passes), so a
child called Mate written in lower case passes: that trade-off is accepted for lower case alone. Capitalised where no
word would be ('at school Mate said he was hit', "spoke to Mate's mum") the word is a name and refused again; 'my
Mate', 'cheers Mate' and a sentence's first word, which a phone capitalises ('Mate said she can stay'), still pass."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy.lexicon import INFORMAL_FRIENDS, INFORMAL_PEOPLE
from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

# Mid-sentence places where a capitalised friend's word can only be someone's name.
AS_A_NAME = (
    "at school {w} said he was hit",
    "I think {w} was hit by his stepdad",
    "we saw {w} at school on Monday",
    "spoke to {w}'s mum about the bruise",
    "the yp said {w} hit him",
)
# The same words as words: after 'my', 'his', 'the', a greeting, or lower case.
AS_A_WORD = (
    "my {W}'s mum says she can stay",
    "his best {W} said he was hit",
    "yp is 17 and sofa surfing, {w}'s mum says she can stay",
    "she is staying with her {W} since friday",
    "cheers {W}, that helps",
    "{W} said she can stay",
)


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


@pytest.mark.parametrize("text", [
    "at school Mate said he was hit",
    "the teacher told us Mate said he was hit",
    "spoke to Mate's mum about the bruise",
])
def test_mate_capitalised_mid_sentence_is_refused(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert [kind for kind, _ in found(council_screen, text)] == ["name"]


@pytest.mark.parametrize("text", [
    "my mate's mum says she can stay",
    "my Mate's mum says she can stay",
    "yp is 17 and sofa surfing, mate's mum says she can stay but housing want us to do something. is that us or them",
    "Mate's mum says she can stay",
    "at school mate said he was hit",
    "Nan said she would have him at weekends",
])
def test_mate_as_a_word_still_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@settings(max_examples=120, deadline=None)
@given(word=st.sampled_from(sorted(INFORMAL_FRIENDS)), context=st.sampled_from(AS_A_NAME))
def test_any_friends_word_capitalised_as_a_name_is_refused(council_screen: Screen, word: str,  # noqa: F811
                                                           context: str) -> None:
    text = context.format(w=_capital(word))
    names = [re.sub(r"['’]s$", "", words) for kind, words in found(council_screen, text) if kind == "name"]
    assert _capital(word) in names


@settings(max_examples=150, deadline=None)
@given(word=st.sampled_from(sorted(INFORMAL_PEOPLE)), context=st.sampled_from(AS_A_WORD), curly=st.booleans())
def test_a_friends_word_used_as_a_word_passes(council_screen: Screen, word: str, context: str,  # noqa: F811
                                              curly: bool) -> None:
    text = context.format(w=word, W=_capital(word))
    text = text.replace("'", "’") if curly else text
    assert found(council_screen, text) == []
