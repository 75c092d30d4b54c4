"""Trial 51 found two faults in the identifier screen:
- F1: 'the boy is the only year 4 pupil with a brother in the PRU, dad is in HMP Durham and mum works at the Tesco on
  the high street' was stored and sent to the worker; a named prison, a parent's workplace with its place and 'the
  only…' in a class, school or area are now refused, each saying what to write instead (bot/privacy/jigsaw.py), while
  'dad is in prison', 'mum works part-time', 'the only adult in the home' and 'HMP' alone pass;
- F2: 'looks after mum with MS' was refused as initials: an illness's letters after a person 'with', 'has' or
  'diagnosed with' are the illness (CONDITIONS in bot/privacy/initials.py), while 'mum KT' and 'child J.S.' are
  still initials.
The sweep's items are in tests/data/privacy/corpus_tuning7.yaml."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.privacy_bench import load_corpus, measure, new_screen
from bot.errors import UserError
from bot.privacy.initials import CONDITIONS
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import found

TRIAL_NOTE = ("plan has no dates. the boy is the only year 4 pupil with a brother in the PRU, dad is in HMP Durham "
              "and mum works at the Tesco on the high street")

REFUSED = [
    ("dad is in HMP Durham", "prison", "HMP Durham"),
    ("dad is in hmp durham on remand", "prison", "hmp durham"),
    ("brother is at HMP/YOI Hindley", "prison", "HMP/YOI Hindley"),
    ("stepdad is in Strangeways prison", "prison", "Strangeways prison"),
    ("dad is in durham prison", "prison", "durham prison"),
    ("mum works at the Tesco on the high street", "workplace", "Tesco on the high street"),
    ("mum works at Greggs in the town centre", "workplace", "Greggs in the town centre"),
    ("dad works at Patels Garage", "workplace", "Patels Garage"),
    ("the boy is the only year 4 pupil with a brother in the PRU", "unique", "only year 4 pupil"),
    ("she is the only girl in her year who wears a headscarf", "unique", "only girl"),
    ("they are the only traveller family on the estate", "unique", "only traveller family"),
]

PASSED = [
    "dad is in prison", "mum works part-time", "the only adult in the home is grandma",
    "HMP visits have to be booked online", "the family liaison officer at the HMP can help", "the only concern is "
    "attendance", "only one of the children was seen alone", "the only child seen alone was the eldest",
    "he is the only child in the household", "dad works at Tesco on nights", "mum works at Asda in the evenings",
    "dad has been released from prison", "he is in an open prison", "dad works for the council",
    "mum works at the hospital on the children's ward", "the only option is a strategy discussion",
]


@pytest.mark.parametrize(("text", "kind", "words"), REFUSED)
def test_details_that_identify_a_family_are_refused(identifier_screen: Screen, text: str, kind: str,
                                                    words: str) -> None:
    assert (kind, words) in found(identifier_screen, text)


@pytest.mark.parametrize("text", PASSED)
def test_everyday_practice_text_passes(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


def test_the_trial_note_is_refused_saying_what_to_write_instead(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text(TRIAL_NOTE, identifier_screen, "that note")
    said = str(refused.value)
    assert "“H… D…” looks like a named prison: write 'in prison' instead" in said
    assert "a parent's workplace and where it is: write 'works in a shop' or 'works locally' instead" in said
    assert "a description only one child or family fits" in said
    assert "Durham" not in said and "Tesco" not in said and "Nothing was saved" in said


RELATIVES = ["mum", "dad", "nan", "grandad", "brother", "sister", "a parent", "my client's mum", "the child"]
LINKS = ["with", "who has", "has", "has got", "diagnosed with", "who was diagnosed with", "living with"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(RELATIVES), st.sampled_from(LINKS), st.sampled_from(sorted(CONDITIONS)),
       st.sampled_from(["", ".", " and needs help at home", " - who does the young carers assessment"]))
def test_an_illness_after_a_relative_is_never_initials(identifier_screen: Screen, relative: str, link: str,
                                                       condition: str, end: str) -> None:
    text = f"young carer looks after {relative} {link} {condition}{end}"
    assert [f for f in found(identifier_screen, text) if f[0] == "initials"] == []


@pytest.mark.parametrize(("text", "words"), [
    ("mum KT said no", "KT"), ("child J.S. said he was scared", "J.S."), ("mum KT has MS", "KT"),
    ("spoke to MS about school", "MS"), ("direct work with MS.", "MS"),
])
def test_real_initials_are_still_refused(identifier_screen: Screen, text: str, words: str) -> None:
    assert ("initials", words) in found(identifier_screen, text)


def test_the_trial_young_carer_question_passes(identifier_screen: Screen) -> None:
    assert found(identifier_screen, "young carer 12yo does all the cooking and looks after mum with MS - who does "
                                    "the young carers assessment") == []


def test_the_sweep_corpus_figures(identifier_screen: Screen) -> None:
    figures = measure(load_corpus("tuning7"), new_screen(identifier_screen))
    assert [item["text"] for item in figures.missed] == []
    assert figures.over_refused == []
