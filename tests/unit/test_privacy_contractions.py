"""Contractions after a name, typed with or without their apostrophe (tenth user trial: `jack wasnt at home again what
do i do`, `ruby wasn't at home` and `jacks mum wont engage what now` were stored, though `jack was not at home` was
refused; `harper didnt go to school` was refused quoting “harper didnt”). "wasn't", "wasnt" and "wasn’t" say what
'was not' says; a possessive typed without its apostrophe before a family word, a school or a teacher is still a
possessive; and a refusal quotes the name alone, never the verb after it. Next to the refusals, the everyday sentences
closest to them that must still pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)
from tests.unit.test_privacy_lower_case_clauses import _LEXICON, GIVEN


# -- refused, the name alone quoted
@pytest.mark.parametrize(("text", "words"), [
    # the trial's own
    ("jack wasnt at home again what do i do", "jack"),
    ("jack wasn't at home what do i do", "jack"),
    ("jack wasnt in school today", "jack"),
    ("ruby wasnt at school", "ruby"),
    ("ruby wasn't at home", "ruby"),
    ("jacks mum wont engage what now", "jacks"),
    ("harper didnt go to school", "harper"),
    ("whats the timescale for a strat when mrs begum rang", "begum"),  # a name in the council's file, quoted alone
    ("yes, ruby drew a picture of her family and said she feels safe", "ruby"),
    # the curly apostrophe phones type, and every negation
    ("ruby wasn’t at home", "ruby"),
    ("jack isnt at school", "jack"),
    ("grace isn't being seen alone", "grace"),
    ("jack didnt go to school", "jack"),
    ("ruby couldnt say why", "ruby"),
    ("jack hasnt been seen", "jack"),
    ("ruby hasn't been to school", "ruby"),
    ("no, jack wasnt at home", "jack"),
    ("no, ada did not attend", "ada"),  # an answer's 'no,' is no article: not 'no ada'
    ("seen at home. ruby wasnt at school", "ruby"),
    # what a child does that an idea or a thing does not
    ("ruby drew a picture of her family", "ruby"),
    ("jack played with his brother", "jack"),
    # a possessive before a family word, a school or a teacher, with or without its apostrophe
    ("no, jacks dad", "jacks"),
    ("spoke to jacks mum", "jacks"),
    ("graces nan said", "graces"),
    ("aaron's teacher said he was fine", "aaron's"),
    # a capital says the same
    ("Jack wasn't at home", "Jack"),
    ("Seen today. Jack wasnt at home", "Jack"),
    ("Jacks mum won't engage", "Jacks"),
    ("Aaron's teacher said he was fine", "Aaron's"),
    ("Aaron's social worker said", "Aaron's"),
    # after a full name too (trial 21: "Tyler Brown's worker" passed every screen, read as a worker with a role)
    ("as Tyler Brown's worker did with the app", "Tyler Brown's"),
    ("Jayden Smith's social worker visited", "Jayden Smith's"),
    ("spoke to Ruby Khan's teacher", "Ruby Khan's"),
    # what the person did is no surname: the name alone is quoted
    ("harper declined the offer", "harper"),
    ("oliver didnt go to school", "oliver"),
    ("he said miss jones cant help", "miss jones"),
])
def test_a_name_before_a_contraction_is_refused_and_quoted_alone(council_screen: Screen, text: str,  # noqa: F811
                                                                 words: str) -> None:
    assert found(council_screen, text) == [("name", words)]


# -- the trial's controls, refused before: each contraction is refused exactly as its spelled-out form
@pytest.mark.parametrize(("contracted", "spelled"), [
    ("jack wasnt at home what do i do", "jack was not at home what do i do"),
    ("jack wasn't at home what do i do", "jack was not at home what do i do"),
    ("ruby wasnt at school", "ruby was not at school"),
    ("jack hasnt been seen", "jack has not been seen"),
    ("Jack wasn't at home", "Jack was not at home"),
])
def test_a_contraction_is_refused_as_its_spelled_out_form_is(council_screen: Screen, contracted: str,  # noqa: F811
                                                             spelled: str) -> None:
    refused = found(council_screen, spelled)
    assert refused and found(council_screen, contracted) == refused


# -- passes: everyday words before the same contractions
@pytest.mark.parametrize("text", [
    # the brief's
    "mum wasnt at home", "the school didnt call back", "court hasnt listed it", "kent hasnt agreed", "will wasnt sure",
    # given names that are everyday words, said of a thing
    "will wasn't sure about the plan", "may wasnt a good month for the family", "hope wasnt lost",
    "mark wasnt recorded", "summer wasnt easy for the family", "bill wasnt paid", "may cant be right",
    "will cant be changed", "hope cant be the only plan", "mark cant be removed", "will isnt signed",
    "hope isnt enough",
    # common words that are names, doing what a thing does
    "grace wasnt given", "jack wasnt used to lift the car", "amber wasnt the right rating", "faith didnt help her",
    "faith isnt important to dad", "jack didnt work so we used another", "penny didnt drop for mum",
    "grace didnt apply to this case", "chase didnt happen", "joy didnt last long", "rose wasnt in the vase",
    "jack up the heating", "faith drew her back to church", "grace drew attention to the risks",
    "faith doesnt play a part", "drew up a safety plan with mum", "yes, the child drew a picture of her family",
    # with a capital, what a thing does not do ("Joy won't last long" as 'Joy will not last long')
    "Joy won't last long.", "Chase can't happen in time.", "Joy didn't last long.", "Penny didn't drop for mum.",
    "Hope won't be enough.",
    # places and services, which do not go to school
    "kent wont engage with us", "kent didnt attend the meeting", "devon didnt reply", "surrey hasnt agreed",
    "court wont list it", "cafcass hasnt reported", "kent's schools are full",
    # people by role
    "no, mum wasnt at home", "the yp wasnt at home", "sw didnt visit", "dad isnt in school", "nan hasnt been seen",
    # a teacher called miss, and what she did, is no 'Miss Cant' ('he said miss jones cant help' names her)
    "he said miss didnt listen", "miss can't make the meeting", "she said miss won't let her go",
    "he said miss said no", "MISS CAN'T MAKE IT",
    # the curly apostrophe phones type is no name after a family word ("wasn’t" is "wasn't")
    "mum wasn’t sure", "dad didn’t come to the meeting", "nan hasn’t been seen", "mum isn’t working",
    # plurals and verbs ending in s before a family word
    "she hopes mum will engage", "bite marks mum explained were from the dog", "the roses mum planted died",
    "different faiths mum and dad follow", "friends mum said she was fine", "boys mum said she was fine",
    "mates mum drove him", "queens school", "princes teacher", "today's school run was late",
    "the child's school said", "Priya's manager agreed",
])
def test_everyday_words_before_a_contraction_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


# -- properties
NEGATIONS = {
    "was": ["wasnt", "wasn't", "wasn’t", "was not"],
    "is": ["isnt", "isn't", "isn’t", "is not"],
    "did": ["didnt", "didn't", "didn’t", "did not"],
    "does": ["doesnt", "doesn't", "doesn’t", "does not"],
    "will": ["wont", "won't", "won’t", "will not"],
    "can": ["cant", "can't", "can’t", "cannot"],
    "has": ["hasnt", "hasn't", "hasn’t", "has not"],
}
PREDICATES = {
    "was": ["at home", "in school today", "at school again"], "is": ["at school", "being seen alone"],
    "did": ["go to school", "come home", "attend"], "does": ["want to go home", "feel safe"],
    "will": ["engage", "come home", "talk to me"], "can": ["sleep", "say why"], "has": ["been seen", "been to school"],
}
STARTS = ["", "no, ", "yes, ", "seen at home. ", "update: "]
ENDINGS = ["", " what do i do", " again", " today?"]


@given(name=st.sampled_from(GIVEN), start=st.sampled_from(STARTS), end=st.sampled_from(ENDINGS),
       verb=st.sampled_from(sorted(NEGATIONS)), data=st.data())
def test_any_census_first_name_before_a_negated_persons_verb_is_refused(
        council_screen: Screen, name: str, start: str, end: str, verb: str, data: st.DataObject) -> None:  # noqa: F811
    """Any census first name that is no everyday word, place, day or title (as in the other sentence-start rules),
    with any negation, apostrophe or none, and what only a person does."""
    negation = data.draw(st.sampled_from(NEGATIONS[verb]))
    predicate = data.draw(st.sampled_from(PREDICATES[verb]))
    assert ("name", name) in found(council_screen, f"{start}{name} {negation} {predicate}{end}")


OWNED = ["mum", "dad", "nan", "brother", "sister", "social worker", "teacher", "foster carer"]
# whose possessive without its apostrophe is no everyday word ('les' gives 'less') nor an acronym ('pam', 'PAMS')
POSSESSORS = sorted(name for name in GIVEN if name + "s" not in _LEXICON.everyday_words
                    and name + "s" not in _LEXICON.never_names)


@given(name=st.sampled_from(POSSESSORS), start=st.sampled_from(STARTS), end=st.sampled_from(ENDINGS),
       mark=st.sampled_from(["s", "'s", "’s"]), owned=st.sampled_from(OWNED),
       after=st.sampled_from(["", " wont engage", " said", " didnt call back"]))
def test_any_census_first_names_possessive_before_a_family_word_or_teacher_is_refused(
        council_screen: Screen, name: str, start: str, end: str, mark: str, owned: str, after: str) -> None:  # noqa: F811
    """With its apostrophe or without: 'jacks mum', "ruby's teacher", 'aarons social worker'."""
    assert ("name", f"{name}{mark}") in found(council_screen, f"{start}{name}{mark} {owned}{after}{end}")
