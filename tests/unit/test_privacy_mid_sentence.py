"""A child's given name in the middle of a sentence, after a reporting clause ('i think', 'we were told', 'mum said')
or a word that joins or opens a clause ('because', 'when', 'and', 'but', 'so', 'on the visit'), before a contraction
or what is said only of a person. The screen refused 'jack wasnt at home' at a sentence's start and 'dad said that
jack was not at home' after a joining 'that', yet stored 'i think jack wasnt at home' and 'we were told ruby isnt
eating'. A name that is also an English word is judged here as it is after 'that': a common word ('jack', 'ruby',
'grace') only with what a person alone is or does, an everyday word ('will', 'may', 'hope', 'mark') never. Next to the
refusals, the sentences with the same openings that must still pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen
from tests.unit.test_privacy_contractions import NEGATIONS, PREDICATES
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)
from tests.unit.test_privacy_lower_case_clauses import _LEXICON, GIVEN


# -- refused, the name alone quoted
@pytest.mark.parametrize(("text", "words"), [
    # after a reporting clause
    ("i think jack wasnt at home", "jack"),
    ("we were told ruby isnt eating", "ruby"),
    ("i think jack was not at home", "jack"),  # spelled out, as the contraction says
    ("nan reckons grace wasn't in school all week", "grace"),
    ("i'm worried amber hasnt been seen since friday", "amber"),
    # after a conjunction
    ("mum was upset when ruby wasnt at home", "ruby"),
    ("mum was out and jack wasnt at school", "jack"),
    ("she asked if daisy was at nursery", "daisy"),
    # after a phrase that sets the scene, with or without its comma
    ("on the visit jack wasnt at home", "jack"),
    ("on the visit, ruby wasn't at home", "ruby"),
    ("last week jack wasnt in school", "jack"),
    ("as discussed, ruby isnt sleeping", "ruby"),
    # what a person alone is doing, at a sentence's start too
    ("ruby isnt eating", "ruby"),
    ("jack is not sleeping", "jack"),
])
def test_a_name_after_a_clause_or_conjunction_before_a_contraction_is_refused(
        council_screen: Screen, text: str, words: str) -> None:  # noqa: F811
    assert found(council_screen, text) == [("name", words)]


@pytest.mark.parametrize(("text", "words"), [
    ("mum said harper doesnt sleep", "harper"),
    ("the sw noted that leo hasnt been to school", "leo"),
    ("on the visit ava wasn't there", "ava"),
    ("the teacher told us holly isnt coping", "holly"),
    ("I think Jack wasn't at home", "Jack"),
    ("We were told Ruby isn't eating", "Ruby"),
    # what a person alone does not do, said with 'didnt', 'wont' or 'cant', or after a joining 'that'
    ("school rang because jack didnt come home", "jack"),
    ("dad is fine but ruby wont eat", "ruby"),
    ("so jack cant sleep at night", "jack"),
    ("dad says daisy won’t go to school", "daisy"),
    ("the sw noted that ruby hasnt been to school", "ruby"),
])
def test_a_name_that_is_no_english_word_or_has_a_capital_is_still_refused(
        council_screen: Screen, text: str, words: str) -> None:  # noqa: F811
    """Refused before this rule, and still: a first name that is no English word wherever it stands, a capital in
    mid-sentence, a name before what a person alone does not do ('didnt come home'), and after a joining 'that'."""
    assert found(council_screen, text) == [("name", words)]


# -- passes: the same openings before an everyday word, a thing or a person named by role
@pytest.mark.parametrize("text", [
    # names that are everyday words, said of what the word means
    "i think will wasnt sure", "i think faith didnt help her", "mum said that will wasnt signed",
    "i think hope isnt enough", "we were told may wasnt a good month", "i think mark wasnt recorded",
    "because bill wasnt paid", "when summer isnt easy for the family", "so will cant be changed",
    # common words that are names, doing what a thing does
    "because grace wasnt given", "i think rose wasnt in the vase", "i think amber wasnt the right rating",
    "we were told chase didnt happen", "i think the penny didnt drop for mum", "mum said joy didnt last long",
    "i think faith isnt important to dad", "i think amber is eating into the budget",
    "and jack didnt work so we used another", "but faith doesnt play a part",
    "i think grace was shown the door", "on the visit, grace wasnt given", "we were told jack wasnt used",
    # places and services, which do not go to school
    "but kent hasnt agreed", "we were told devon didnt reply", "mum said court hasnt listed it",
    "i think kent wont fund it", "because surrey isnt paying",
    # people by role, and things
    "i think mum hasn’t been told", "on the visit, mum wasnt at home", "i think the yp wasnt at home",
    "because it isnt safe",
    "and the plan wasnt clear", "we were told the school isnt coping", "so dad didnt come home",
    "the car jack isnt working", "i think the jack wasnt used",
])
def test_everyday_words_after_a_clause_or_conjunction_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# -- properties
OPENERS = ["i think", "we were told", "mum said", "the sw noted that", "on the visit", "on the visit,", "because",
           "when", "and", "but", "so", "last week", "i'm worried", "dad says", "as discussed,"]
CONTRACTED = sorted({negation for negations in NEGATIONS.values() for negation in negations if " " not in negation})


@given(name=st.sampled_from(GIVEN), opener=st.sampled_from(OPENERS), verb=st.sampled_from(sorted(NEGATIONS)),
       data=st.data())
def test_any_census_first_name_after_a_clause_before_a_negated_persons_verb_is_refused(
        council_screen: Screen, name: str, opener: str, verb: str, data: st.DataObject) -> None:  # noqa: F811
    """Any census first name that is no everyday word, place, day or title, after any opening, with any negation
    (apostrophe or none) and what only a person does: the names and predicates of the sentence-start property."""
    negation = data.draw(st.sampled_from(NEGATIONS[verb]))
    predicate = data.draw(st.sampled_from(PREDICATES[verb]))
    assert ("name", name) in found(council_screen, f"mum was out. {opener} {name} {negation} {predicate}")


# Ordinary words: people by role, pronouns, things, and given names that English uses as everyday words
PLAIN = ["mum", "dad", "nan", "the school", "the plan", "it", "he", "she", "they", "the yp", "the baby", "court",
         "the sw", "the house", "the child", "school", "the family", "everyone"]
EVERYDAY_GIVEN = sorted(word for word in _LEXICON.everyday_words & _LEXICON.given if word.isalpha() and len(word) >= 3)
# What a thing or an idea is, or does not do
THING_SAID = ["sure", "clear", "signed", "enough", "recorded", "a good month", "paid", "the right rating", "easy",
              "help her", "matter", "last long", "happen", "on the list", "discussed at the meeting",
              "important to her"]
# What a person is or does, said here of people by role
PERSON_SAID = ["at home", "at school", "eating", "sleeping", "go to school", "come home", "been seen", "in school",
               "coping", "want to go home", "say why"]


@given(opener=st.sampled_from(OPENERS), contraction=st.sampled_from(CONTRACTED), data=st.data(),
       everyday=st.booleans())
def test_no_sentence_of_ordinary_words_and_contractions_is_refused(
        council_screen: Screen, opener: str, contraction: str, data: st.DataObject, everyday: bool) -> None:  # noqa: F811
    """Any opening, then a person by role or a thing with anything said of it, or an everyday word that is also a
    given name ('will', 'hope', 'may') with what is said of a thing, then a contraction: nothing is refused."""
    subject = data.draw(st.sampled_from(EVERYDAY_GIVEN if everyday else PLAIN))
    said = data.draw(st.sampled_from(THING_SAID if everyday else THING_SAID + PERSON_SAID))
    assert found(council_screen, f"{opener} {subject} {contraction} {said}") == []
