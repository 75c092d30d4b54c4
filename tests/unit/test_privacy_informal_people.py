"""British informal words for people and relations are no names (trial 46, F5): "yp is 17 and sofa surfing, mate's
mum says she can stay ..." was refused as naming a child ("“m…” looks like a child's or family member's name"),
though 'friends mum' passed. 'mate', 'bestie', 'bruv', 'missus', 'hubby', 'bf' and the like pass, with or without
's; a real name beside one is still refused ("Jayden's mate's mum", 'nan Brenda')."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy.lexicon import INFORMAL_PEOPLE, _split
from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)
from tests.unit.test_privacy_lower_case_clauses import GIVEN

TRIAL = ("yp is 17 and sofa surfing, mate's mum says she can stay but housing want us to do something. "
         "is that us or them")
# The words the brief names, each a word people type for a friend or a relative.
NAMED_IN_THE_TRIAL = _split("mate mates bestie bruv nan nanna grandad gran auntie uncle fella lad lass bloke missus "
                            "hubby bf gf fam")
# Sentences a practitioner types about a young person's friend or relative, the word in each.
CONTEXTS = (
    "{w}'s mum says she can stay",
    "yp is staying at her {w}'s, is that private fostering",
    "my {w} said he would have him",
    "her {w} rang the duty line",
    "yp staying with {w} since friday",
    "we spoke to {w} yesterday",
    "{w}'s dad has a record for dv",
    "{w} is 17 and sofa surfing",
    "{w} said she can stay",
)


def test_the_trials_question_passes(council_screen: Screen) -> None:  # noqa: F811
    assert found(council_screen, TRIAL) == []


@pytest.mark.parametrize("word", sorted(NAMED_IN_THE_TRIAL))
def test_every_word_the_brief_names_is_informal(word: str) -> None:
    assert word in INFORMAL_PEOPLE


@settings(max_examples=150, deadline=None)
@given(word=st.sampled_from(sorted(INFORMAL_PEOPLE)), context=st.sampled_from(CONTEXTS),
       capital=st.booleans(), curly=st.booleans())
def test_an_informal_word_for_a_person_is_no_name(council_screen: Screen, word: str, context: str,  # noqa: F811
                                                  capital: bool, curly: bool) -> None:
    text = context.format(w=word)
    text = text[:1].upper() + text[1:] if capital else text
    text = text.replace("'", "’") if curly else text
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("Jayden's mate's mum says he can stay", "Jayden's"),
    ("jayden's mate's mum says he can stay", "jayden's"),
    ("nan Brenda said she can have him", "Brenda"),
    ("yp staying at nan Brenda's since friday", "Brenda's"),
    ("my mate jayden said he would have him", "jayden"),
    ("my mate's mum sharon said she would have her", "sharon"),
    ("her bestie Chloe rang", "Chloe"),
    ("mum's fella darren said no", "darren"),
])
def test_a_name_beside_an_informal_word_is_refused(council_screen: Screen, text: str, words: str) -> None:  # noqa: F811
    assert ("name", words) in found(council_screen, text)


@settings(max_examples=120, deadline=None)
@given(name=st.sampled_from(GIVEN), word=st.sampled_from(sorted(INFORMAL_PEOPLE - {"ex"})), capital=st.booleans())
def test_a_given_name_beside_an_informal_word_is_still_refused(council_screen: Screen, name: str,  # noqa: F811
                                                               word: str, capital: bool) -> None:
    typed = name.capitalize() if capital else name
    for text in (f"{typed}'s {word}'s mum says she can stay", f"{typed}'s {word} said she can stay"):
        assert any(typed in words for kind, words in found(council_screen, text) if kind == "name"), text
