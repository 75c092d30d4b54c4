"""A lower-case given name starting the text or a sentence, with a person's verb after it (third user trial: 'jack was
not at home', 'seen at home. ruby was not at home' were stored, though 'Jack was not at home' was refused). How common
an English word the name is decides which verbs are enough (bot/privacy/person_context.py, _subject_name): here are
the refusals, and next to them the everyday sentences that start with the same words and must still pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)
from tests.unit.test_privacy_lower_case_clauses import _LEXICON, GIVEN


# -- refused: a name at a sentence's start doing what a person does
@pytest.mark.parametrize(("text", "words"), [
    # the trial's own
    ("jack was not at home", "jack"),
    ("seen at home. ruby was not at home", "ruby"),
    # a common word that is a name (Zipf 3.7 to 5) with what is said only of a person
    ("jack is at school today", "jack"),
    ("jack was at nursery", "jack"),
    ("jack was afraid of dad", "jack"),
    ("jack is happy in care", "jack"),
    ("jack was hungry when seen", "jack"),
    ("ruby is in care", "ruby"),
    ("ruby was absent from school", "ruby"),
    ("ruby lives with her nan", "ruby"),
    ("daisy was not at home", "daisy"),
    ("daisy stated she was hit", "daisy"),
    ("faith was not at home", "faith"),
    ("faith is anxious about contact", "faith"),
    ("rose was at home alone", "rose"),
    ("rose lives with grandad", "rose"),
    ("grace was asleep when we visited", "grace"),
    ("grace is poorly this week", "grace"),
    ("amber was sad when seen", "amber"),
    ("ivy was at nursery", "ivy"),
    ("penny was at home", "penny"),
    ("frank was not at home", "frank"),
    ("jade is in care", "jade"),
    ("dawn lives with her partner", "dawn"),
    # a name that is no common word, with any person's verb
    ("frances was not at home", "frances"),
    ("frances is at school", "frances"),
    # an everyday word that QA list as a name, told of telling
    ("hope told the teacher", "hope"),
    ("summer disclosed that dad hit her", "summer"),
    ("summer disclosed abuse", "summer"),  # the name alone quoted: 'disclosed' is no surname
    ("mark said he was scared", "mark"),
    ("will told his teacher", "will"),
    ("hope said she was scared", "hope"),
    ("bill told me he was fine", "bill"),
    # every way a sentence starts
    ("visit done. ruby is in care", "ruby"),
    ("seen today! daisy was asleep", "daisy"),
    ("was she seen? faith was not at home", "faith"),
    ("mum was out; jack was at home alone", "jack"),
    ("visit notes: rose was at school", "rose"),
    ("seen at home\njack was not at home", "jack"),
    ("- jack was not at home", "jack"),
    ('"jack was not at home"', "jack"),
    ("Seen at home. jack was not at home.", "jack"),  # capitals elsewhere: the lower-case name still counts
    # an answer's yes or no
    ("no, jack was not at home", "jack"),
    ("yes, ruby was at home", "ruby"),
    ("no - faith was at nursery", "faith"),
])
def test_a_name_starting_a_sentence_with_a_persons_verb_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                                   words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


# -- passes: everyday words starting a sentence
@pytest.mark.parametrize("text", [
    # the brief's: everyday words (Zipf 5 or more) whatever the verb of being
    "mark was left on his arm", "will was discussed at the meeting", "may was busy for the team",
    "summer was hard for the family", "summer holidays were difficult", "bill was not paid",
    "bill is overdue and mum is worried", "hope is important to her", "hope was expressed by the family",
    "mark is on his arm", "will is made and signed", "hope this helps",
    # a document's words are no telling
    "will said to be in the bank", "bill said £50 was owed", "bill says the debt is paid",
    "summer said to be the best time for the move",
    # common words that are names (Zipf 3.7 to 5) with what a thing does or is
    "grace was shown by the carer", "grace period for the review has ended", "faith was important to her",
    "faith is a strength for the family", "faith groups support the family", "rose was in the vase on the table",
    "rose early and got ready for school", "jack was used to lift the car", "jack is in the boot of the car",
    "amber was the agreed rating", "amber rating was agreed at panel", "ruby wedding anniversary was mentioned",
    "daisy chains were made in the garden", "ivy was growing over the back door",
    "penny dropped for mum about the risks", "frank discussion was had with dad",
    "frank conversation was had with mum", "chase up the gp for the letter", "chase was made for the missing report",
    "drew a picture of the family", "drew up a safety plan with mum", "pat on the back for the student",
    "grant was awarded for the furniture", "grant was refused by the panel", "max is three visits a week",
    "ray of hope in the review", "art therapy was offered", "art was his favourite subject",
    "miles travelled were claimed", "dawn raid was carried out by police", "olive oil was in the cupboard",
    "ginger biscuits were offered", "crystal clear expectations were set", "diamond ring was pawned by dad",
    "storm was forecast for the weekend", "autumn term was hard for him", "river was high after the rain",
    "star chart was used for bedtime", "joy was evident in the session", "patience was needed with the family",
    "justice was done at court", "harmony was restored at home", "journey was long and tiring",
    "cash was tight this month", "lane was blocked by the police", "walker was fitted for nan",
    "heaven knows how mum copes", "candy was given as a reward", "sage advice from the manager",
    "chance was given for mum to engage",
    # after every kind of sentence start
    "seen at home. mark was left on his arm", "visit done. will was discussed", "no, grace was shown around",
    "yes, faith was important to her", "notes: summer was hard", "seen at school; bill was not paid",
    "no, nothing of concern", "yes, seen alone", "seen today. the child said she was scared",
    "seen today. he said he was fine",
    # a professional named with a title's full stop
    "dr. rose said it was a sprain",
])
def test_everyday_words_starting_a_sentence_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# -- properties
STARTS = ["", "seen at home. ", "no, ", "yes, ", "visit done\n", "mum was out; ", "update: ", "was she seen? "]


@given(name=st.sampled_from(GIVEN), start=st.sampled_from(STARTS),
       after=st.sampled_from(["was not at home", "was hit by dad", "is at school today", "told the teacher",
                              "lives with nan", "said she was scared", "was absent from school"]))
def test_any_census_first_name_starting_a_sentence_with_a_persons_predicate_is_refused(
        council_screen: Screen, name: str, start: str, after: str) -> None:  # noqa: F811
    """Any census first name that is no everyday word, place, day or person's title (the same names as after 'that')."""
    assert ("name", name) in found(council_screen, f"{start}{name} {after}")


EVERYDAY_GIVEN = sorted(word for word in _LEXICON.everyday_words & _LEXICON.given if word.isalpha() and len(word) >= 3)
COMMON_GIVEN = sorted(word for word in _LEXICON.common_words & _LEXICON.given
                      if word.isalpha() and len(word) >= 3 and word not in _LEXICON.everyday_words)


@given(word=st.sampled_from(EVERYDAY_GIVEN + COMMON_GIVEN), start=st.sampled_from(STARTS),
       after=st.sampled_from(["was discussed at the meeting", "is on the list", "was left on the table",
                              "was important to her", "has a place in the plan", "was hard"]))
def test_a_given_name_that_is_a_common_word_starting_a_sentence_about_a_thing_passes(
        council_screen: Screen, word: str, start: str, after: str) -> None:  # noqa: F811
    """Every given name that English word counts rate common ('mark', 'grace', 'rose', 'jack') said to be or have
    what a thing is or has."""
    assert not any(words.casefold().startswith(word) for _, words in found(council_screen, f"{start}{word} {after}"))
