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

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import COUNCIL_NAMES


@pytest.fixture(scope="module")
def council_screen(identifier_screen: Screen) -> Screen:
    """The screen as the bot runs it: the installed lists plus the shipped names file."""
    return identifier_screen.with_listed(COUNCIL_NAMES)


def found(screen: Screen, text: str, mode: str = "full") -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text, mode)]


@pytest.fixture(scope="module")
def find(identifier_screen: Screen) -> Callable[[str, str], list[tuple[str, str]]]:
    """The screen's find (installed lists, no names file), without the lists in its repr (hypothesis prints the
    arguments of a failing example)."""
    return lambda text, mode="full": found(identifier_screen, text, mode)


# -- 1. a single given name in a knowledge-base answer ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("A family tree drawn for the child, e.g. for Kayden, who lives with nan.", "Kayden"),
    ("We visited Kayden at home and saw his bedroom.", "Kayden"),
    ("The worker saw Jayden at school before the conference.", "Jayden"),
    ("Record what you told Tyreece about the plan.", "Tyreece"),
    ("Sit with Amelia and her foster carer to write it.", "Amelia"),
    ("Kayden told the teacher about the bruise.", "Kayden"),
    ("Example: Nevaeh said she was scared of dad.", "Nevaeh"),
    ("Kayden lives with nan and sees mum on Saturdays.", "Kayden"),
    ("An example of a good plan for Jayden (8).", "Jayden"),
    ("the Kayden review findings were shared", "Kayden"),  # a local review, as the full screen reads it
])
def test_a_single_given_name_used_as_a_person_is_refused_in_knowledge_base_text(identifier_screen: Screen,
                                                                                text: str, name: str) -> None:
    """Without a names file: the installed lists alone find it."""
    assert ("name", name) in found(identifier_screen, text, "content")
    assert ("name", name) in found(identifier_screen, text)  # and in what people type, as before


@pytest.mark.parametrize("text", [
    "For Munro, the child's journey is the centre of good practice.",  # an author: a surname too
    "Munro said that systems, not individuals, make children safe.",
    "Work with Makaton signs and symbols for children who do not speak.",
    "Visit Kooth for free online counselling.",
    "Speak with Barnardo's about the independent advocate.",
    "Ofsted visited Croydon in March.",
    "Refer to the Front Door team or ring EDT out of hours.",
    "For Wales, see the Social Services and Well-being (Wales) Act 2014.",
    "With Signs of Safety, the family's own words go in the plan.",
    "Sit with the IRO before the review.",
    "Meet with Early Help before the strategy discussion.",
    "Working with Victoria Climbié's inquiry findings, Laming set out the duties.",  # public case in full
    "the Munro review said this back in 2011",
    "Bowlby said attachment is a lasting bond.",
    "Tell Cafcass before the hearing.",
    "Gillick competence and the Fraser guidelines apply.",
    "The Philomena Protocol is used when a child in care goes missing.",
    "Saw Dr Patel the designated doctor for advice.",
    "Meet with Philomena Protocol leads each quarter.",  # a name of more words, judged as such
    "Apply for Clare's Law disclosure with the police.",
])
def test_knowledge_base_text_naming_authors_places_teams_and_tools_still_passes(council_screen: Screen,
                                                                                text: str) -> None:
    assert found(council_screen, text, "content") == []


def test_the_shipped_knowledge_base_still_passes_content_mode(council_screen: Screen) -> None:
    from bot.privacy.knowledge_screen import identifier_problems
    from knowledge.loader import load_knowledge

    assert identifier_problems(load_knowledge(), council_screen) == []


def test_kb_check_says_which_name_and_what_to_write_instead(identifier_screen: Screen) -> None:
    from bot.privacy.knowledge_screen import content_findings
    from bot.privacy.screen import explain

    message = explain(content_findings(identifier_screen, "For example, for Kayden, who lives with nan, draw a tree."))
    assert "“K…” looks like a child's or family member's name" in message
    assert "refer to them by role ('the child', 'mother')" in message


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(["Kayden", "Jayden", "Tyreece", "Nevaeh", "Amelia", "Keisha", "Oluwaseun", "Zainab"]),
       template=st.sampled_from(["for {}, who lives with nan", "we visited {} at home", "the worker saw {} at school",
                                 "{} told the teacher", "{} said she was scared", "sit with {} and mum",
                                 "the plan for {} is reviewed monthly.", "met {} at the family centre"]))
def test_any_rare_given_name_used_as_a_person_is_refused_in_content(find: Callable[[str, str], list[tuple[str, str]]],
                                                                    name: str, template: str) -> None:
    assert ("name", name) in find(template.format(name), "content")


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
    assert "“o…” looks like a child's or family member's name" in str(refused.value)
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
