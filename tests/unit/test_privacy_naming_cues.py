"""The word after a naming cue that follows a person (trial 8, F6: "how do i handle a child called ocean refusing
visits" passed the screen and was listed to the QA leads as an unanswered question, because 'ocean' is an everyday
word). After 'a child / girl / boy / baby ... called / named / known as' the next word is a name whatever it is,
unless it is a word that cannot be a name there, where the cue is a verb ('called the police', 'a child called out',
'the named person', 'called back', 'called a meeting') or a description follows ('known as vulnerable')."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import COUNCIL_NAMES


@pytest.fixture(scope="module")
def council_screen(identifier_screen: Screen) -> Screen:
    """The screen as the bot runs it: the installed lists plus the shipped names file."""
    return identifier_screen.with_listed(COUNCIL_NAMES)


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


# -- the cue only names the person before it: the word after it is a name whatever it is
@pytest.mark.parametrize(("text", "words"), [
    ("how do i handle a child called ocean refusing visits", "ocean"),  # the trial's own text
    ("a child called storm refuses to engage", "storm"),
    ("a baby called blue was born last week", "blue"),
    ("a girl known as star at school", "star"),
    ("a child known as bear refuses visits", "bear"),
    ("a boy called saint is excluded", "saint"),
    ("a boy called rebel ran off", "rebel"),
    ("a girl named blessing is in year 5", "blessing"),
    ("a looked after child called bear moved placement", "bear"),
    ("a 15 year old girl called storm is pregnant", "storm"),
    ("another boy called saint was there too", "saint"),
    ("a lad at school called spider is grooming him", "spider"),  # in no name list: a name there all the same
    ("a boy known as tank runs with older lads", "tank"),
    ("a child called bubbles refuses visits", "bubbles"),
    ("a young person known as smiler is exploited", "smiler"),
    ("a child nicknamed ghost goes missing at night", "ghost"),
    ("the baby will be called blue", "blue"),
    ("mum is called ocean and she drinks", "ocean"),
    ("a child who is called ocean", "ocean"),
])
def test_a_word_where_the_cue_only_names_is_a_name(council_screen: Screen, text: str, words: str) -> None:
    assert ("name", words) in found(council_screen, text)


# -- after a person with 'the', 'her', 'my' or 'is' the cue may be a verb: a first name in any list is a name, the baby
#    names that are English words too
@pytest.mark.parametrize(("text", "words"), [
    ("her son named ocean is 4", "ocean"),
    ("his sister named ocean was seen alone", "ocean"),
    ("the girl called ocean said she was scared", "ocean"),
    ("a boy that goes by blue at school", "blue"),
])
def test_a_first_name_that_is_also_a_word_is_a_name_after_a_person_and_a_cue(council_screen: Screen, text: str,
                                                                             words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "dad called boots pharmacy about her prescription", "mum called virgin media", "dad called uber",
])
def test_after_a_person_as_its_subject_the_cue_is_a_verb_and_a_word_stays_a_word(council_screen: Screen,
                                                                                 text: str) -> None:
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("How do I handle a child called Ocean refusing visits", "Ocean"),
    ("a girl called Blue keeps going missing", "Blue"),
    ("A CHILD CALLED OCEAN REFUSES VISITS", "OCEAN"),
])
def test_the_same_word_with_a_capital_is_a_name_too(council_screen: Screen, text: str, words: str) -> None:
    assert ("name", words) in found(council_screen, text)


def test_the_trials_question_is_refused_with_the_usual_message(council_screen: Screen) -> None:
    with pytest.raises(UserError, match="“o…” looks like"):
        screen_text("how do i handle a child called ocean refusing visits", council_screen, "that question")


# -- words that cannot be names there: the cue is a verb, or what follows describes someone
@pytest.mark.parametrize("text", [
    # the brief's own
    "mum called the police", "a child called out in the night", "the named person was informed",
    "the sw called in to check", "dad called back later", "mum called a meeting with the school",
    # calling someone or a service
    "mum called police last night", "she called an ambulance", "a girl called childline last night",
    "a young person called the nspcc", "a looked after child called the police", "mum called security",
    "her son called social services", "her son called work", "a teenager called 999", "a neighbour called police",
    "mum called her sister", "the boy called his mum", "the child called me back", "mum called for help",
    "a boy called on the phone", "a friend called round after school", "a child called back",
    # when and how often
    "mum called today to say", "mum called twice this week", "mum called three times",
    "mum called again about contact", "mum called early this morning", "mum called late at night",
    "mum called first thing", "mum called monday", "dad called friday afternoon", "mum called urgently",
    "mum called because she was worried", "mum called while drunk",
    # how the caller was
    "mum called upset about contact", "dad called drunk at 2am", "mum called crying",
    "a woman called worried about her neighbour's children", "a man called claiming to be dad",
    "dad called earlier asking for contact",
    # name-calling
    "he was called names at school", "a child called names by peers", "he was called racist names",
    "she was called stupid by her brother", "he was called fat at school", "a girl in her class called her fat",
    # naming in a plan or a referral
    "the child named on the plan is safe", "the child named in the referral is 6", "the boy named above has moved",
    "a child named dad as the person who hit him", "a girl named two friends she trusts",
    "a child named nobody at the meeting", "a young person named their abuser", "she is named after her nan",
    # a description after 'known as'
    "a child known as vulnerable to exploitation", "a young person known as aggressive to staff",
    "a child known as difficult to engage", "mum is known as difficult to engage", "a child known as cin",
    "a boy known as frequently missing", "a child known as missing from care", "a child known as black british",
    "the girl is known as vulnerable to exploitation", "a young person known as high risk",
    # being called to something
    "mum will be called tomorrow", "dad needs to be called first", "the child is called to give evidence",
    "the child was called into the office", "the child is called by a nickname at school",
])
def test_a_word_that_cannot_be_a_name_there_passes(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "names"), [
    ("she has two boys called ocean and storm", ["ocean", "storm"]),
    ("a boy called jack and told his teacher", ["jack"]),
    ("a girl called ruby and then left", ["ruby"]),
])
def test_a_second_name_after_and_is_a_name_only_if_it_is_a_first_name(council_screen: Screen, text: str,
                                                                      names: list[str]) -> None:
    assert found(council_screen, text) == [("name", name) for name in names]
