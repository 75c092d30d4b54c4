"""What the screen missed or refused wrongly last time (P9), each with the everyday text closest to it that must pass:
1. a single given name in a knowledge-base answer ('for Kayden, who lives with nan', 'visited Kayden at home'):
   content mode took only names of two or more words;
2. a family word, 'called' and a baby name that is also a word ('mum called ocean'), taken for phoning;
3. a place that is also a census first name starting a sentence with what is said only of a person ('chelsea was
   not at home'), taken for the place in lower case;
4. a common English word that only the international first-name dictionary has as a name ('gun was found'), or a
   faith leader's title ('pastor said'), taken for a child by the lower-case 'X said' / 'X was seen' rule.
All names are invented for the screen's tests.
"""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import COUNCIL_NAMES


@pytest.fixture(scope="module")
def council_screen(identifier_screen: Screen) -> Screen:
    """The screen as the bot runs it: the installed lists plus the shipped names file."""
    return identifier_screen.with_listed(COUNCIL_NAMES)


def found(screen: Screen, text: str, mode: str = "full") -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text, mode)]


# -- 2. a family word, 'called' and a baby name that is also a word ---------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("mum called ocean", "ocean"),
    ("mum called ocean and she was upset", "ocean"),
    ("nan called blessing yesterday about contact", "blessing"),
    ("dad called saint, who ran off again", "saint"),
    ("her brother called jayden", "jayden"),
    ("her brother called ocean is 4", "ocean"),
    ("Mum called Ocean to see if she was home", "Ocean"),
])
def test_a_family_word_called_and_a_name_is_refused(council_screen: Screen, text: str, name: str) -> None:
    assert ("name", name) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "dad called uber", "Dad called Uber", "mum called the police", "mum called 999", "mum called school",
    "called back", "mum called back", "mum called back later", "her brother called uber",
    "dad called boots pharmacy about her prescription", "mum called virgin media", "mum called upset",
    "mum called twice", "mum called the office", "dad called an ambulance", "mum called early",
    "dad called time on the relationship", "mum called off the visit", "mum called in sick",
    "nan called the london office", "mum called home", "mum called social services", "dad called childline",
    "mum called parish about the funeral", "dad called bishop", "mum called shell about the gas", "mum called Sunday.",
])
def test_a_family_word_called_and_a_service_or_a_word_passes(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


def test_the_refusal_says_which_word_and_what_to_write_instead(council_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("mum called ocean", council_screen, "that note")
    assert "“ocean” looks like a child's or family member's name" in str(refused.value)
    assert "refer to them by role ('the child', 'mother')" in str(refused.value)


# -- 3. a place that is a census first name, starting a sentence ------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("chelsea was not at home", "chelsea"),
    ("Chelsea was not at home", "Chelsea"),
    ("seen at home. chelsea was not at home", "chelsea"),
    ("no, georgia was at school", "georgia"),
    ("chelsea lives with her nan", "chelsea"),
    ("chelsea is at school today", "chelsea"),
    ("devon was absent from school", "devon"),
    ("the sw said that chelsea was not at home", "chelsea"),
    ("chelsea said she was scared", "chelsea"),
    ("chelsea was hit by dad", "chelsea"),
])
def test_a_place_that_is_a_first_name_doing_what_only_a_person_does_is_refused(council_screen: Screen, text: str,
                                                                               name: str) -> None:
    assert ("name", name) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "Chelsea FC lost", "chelsea fc lost", "chelsea office closed", "Chelsea office closed",
    "kent said they would fund it", "Kent said they would fund the placement", "devon has agreed to fund it",
    "Devon has agreed to fund it", "chester was the placing authority", "lincoln was discussed at panel",
    "london office was closed", "paris was discussed with the family", "moved to chelsea in may",
])
def test_the_place_doing_what_a_place_does_passes(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


# -- 4. an English word that only the international dictionary has as a name; a faith leader --------------------------

@pytest.mark.parametrize("text", [
    "gun was found", "pastor said", "Gun was found in the bedroom", "Pastor said he would support mum",
    "gun was found under the bed", "seen at home. gun was found in the loft", "pastor said he would support mum",
    "the pastor said", "vicar said mum attends church", "imam said he would speak to dad", "file was moved",
    "nail was found in the bread", "cat was found in the garden", "cat was hit by a car", "doc said it was a sprain",
    "police said that gun was found in the car", "knife was found",
])
def test_a_thing_or_a_faith_leader_doing_what_it_does_passes(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("jack said he was scared", "jack"),
    ("tyler was seen at home", "tyler"),
    ("jack was found at his friend's house", "jack"),
    ("olivia was found at a friend's house", "olivia"),
    ("storm said she was scared", "storm"),
    ("storm was not at home", "storm"),
    ("lieu said she was scared", "lieu"),
    ("pastor said kayden was scared", "kayden"),  # the faith leader's title hides no child's name
    ("we saw Storm at school", "Storm"),
])
def test_what_the_rule_was_for_is_still_refused(council_screen: Screen, text: str, name: str) -> None:
    assert ("name", name) in found(council_screen, text)
