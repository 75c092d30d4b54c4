"""A fresh sweep (fix43c, 4): 60 sentences naming a child in ways the screen may miss and 60 ordinary ones that could be
refused, written for tests/data/privacy/corpus_tuning5.yaml before they were run. On main 17 of the 60 names passed
and 5 ordinary sentences were refused; the rules below were then written for what the misses have in common, and each
is tested here on sentences that are not in that file:
- a virtue or blessing name (Blessing, Goodness, Testimony, Comfort; bot/privacy/data/virtue_names.txt) told of as only
  a person is told of, set off after 'the eldest', or met as 'met with'; and a capitalised given name set off by commas
  after 'the youngest' ('the youngest, Grace, is doing well');
- a nickname that is an English word ('peanut', 'bean') starting a sentence, with what is said only of a small child
  after it ('peanut was asleep in the cot');
- what only a child is: late for school, excluded from school, arrested, clingy ('mercy has been late to school',
  'storm was excluded for a day');
- a name with 'and her little sister' after it, and one seen 'on his own';
- a role's word that is a given name, met with no name after it ('spoke to Justice about his court date');
- an initial before a surname ('J. Kowalczyk declined');
and a venue's street ('the Salvation Army hall on King Street') is no home."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.privacy_bench import load_corpus, measure, new_screen
from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

REFUSED = [
    ("Goodness told the teacher that she had not eaten since Friday", "Goodness"),
    ("Testimony said she was scared to go home", "Testimony"),
    ("the eldest, blessing, looks after the little ones", "blessing"),
    ("the youngest, Goodness, is in reception", "Goodness"),
    ("the youngest, Grace, is doing well", "Grace"),
    ("we met with favour and her dad at school", "favour"),
    ("bean was asleep in the cot when we arrived", "bean"),
    ("Peanut was crying in the high chair and mum ignored her", "Peanut"),
    ("hope has been late for school every day this week", "hope"),
    ("grace was excluded from school on tuesday", "grace"),
    ("storm was arrested last night with two older lads", "storm"),
    ("little precious was clingy at nursery", "precious"),
    ("reign and her big brother were seen at nans", "reign"),
    ("we need to see legend alone before the review", "legend"),
    ("Spoke to Justice about school, he says it is going well", "Justice"),
    ("J. Kowalczyk declined the parenting course", "J. Kowalczyk"),
    ("mum (A. Nowakowska) did not attend", "A. Nowakowska"),
    ("patience was quiet at school and didnt want to talk to me", "patience"),
]

PASSED = [
    "the plan was met with praise by the IRO",
    "the changes were met with favour by the panel",
    "the meeting was at the Salvation Army hall on King Street",
    "the contact centre on Mill Road is closed for the holidays",
    "dog was asleep in the kitchen",
    "baby was asleep in the cot when we arrived",
    "everyone was upset at the news",
    "justice was done at the final hearing",
    "Justice Munby said the child's welfare is paramount",
    "Mr Justice Cobb gave the judgment",
    "costs were excluded from the budget",
    "goodness knows how she coped",
    "Praise was given to the foster carers at panel",
    "Plan B was agreed at the core group",
    "Grade A was given by the moderator",
    "I met with Horizon Housing about the arrears",
    "faith was important to her and helped her cope",
    "the eldest, However, is doing well at school",
    "the neighbour was upset about the noise",
    "dog was asleep in the kitchen when we arrived",
]


@pytest.mark.parametrize(("text", "name"), REFUSED)
def test_what_the_sweep_missed_is_refused(council_screen: Screen, text: str, name: str) -> None:  # noqa: F811
    assert ("name", name) in found(council_screen, text)


@pytest.mark.parametrize("text", PASSED)
def test_the_sentences_closest_to_them_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@given(st.sampled_from(["Blessing", "Goodness", "Testimony", "Comfort", "Favour", "Precious", "Marvel"]),
       st.sampled_from(["said she was scared", "told the teacher about dad", "was hit by mum", "ran off after school",
                        "was not at school today", "cried when mum left"]),
       st.sampled_from(["", "On the visit. ", "Yesterday "]))
def test_a_virtue_name_told_of_as_a_person_is_refused(identifier_screen: Screen, name: str, said: str,
                                                      lead: str) -> None:
    assert ("name", name) in found(identifier_screen, f"{lead}{name} {said}")


@given(st.sampled_from(["J", "T", "K", "S", "M"]), st.sampled_from([".", ""]),
       st.sampled_from(["Kowalczyk", "Nowakowska", "Mensah", "Okonkwo", "Begum", "Wojcik"]),
       st.sampled_from(["declined the course", "did not attend", "is the dad", "missed contact"]))
def test_an_initial_before_a_surname_is_refused(identifier_screen: Screen, initial: str, dot: str, surname: str,
                                                said: str) -> None:
    findings = found(identifier_screen, f"{initial}{dot} {surname} {said}")
    assert any(kind == "name" and surname in words for kind, words in findings)


@given(st.sampled_from(["peanut", "bean", "bubs", "moo", "smudge", "button"]),
       st.sampled_from(["was asleep in the cot", "was crying in the pram", "was clingy with mum",
                        "was upset when I arrived", "was seen alone"]))
def test_a_nickname_told_of_as_a_small_child_is_refused(identifier_screen: Screen, nickname: str, said: str) -> None:
    assert ("name", nickname) in found(identifier_screen, f"{nickname} {said}")


def test_the_sweep_corpus_figures(identifier_screen: Screen) -> None:
    """Every name in the sweep is refused, the last two ('keep an eye on success as she seems low', 'lil man was really
    chatty') since fix44c (tests/unit/test_privacy_sweep44.py), and no ordinary sentence is."""
    figures = measure(load_corpus("tuning5"), new_screen(identifier_screen))
    assert [item["text"] for item in figures.missed] == []
    assert figures.over_refused == []
