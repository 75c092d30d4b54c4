"""Trial 38 (a DPO), H2: nicknames and names that are ordinary words were stored when set off by commas or standing
beside a family word ('the baby, known as Peanut, is born', 'we call her little bee', 'the twins, river and sky, were
discussed', 'Jade the mum said', 'Precious the baby has a bruise', 'blessing was not brought to the health
appointment'), while the same without commas was refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy.screen import Screen

CORPUS = Path(__file__).parents[1] / "data" / "privacy"
# Name-like words: given names, baby names that are English words, a nickname in no list.
NAMES = ["Peanut", "river", "sky", "Jade", "precious", "Blessing", "ocean", "Tunde", "storm", "Kai"]
TAILS = ["", " today", ", what now", " - seen at school", ". CP plan review due"]


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


def masks(screen: Screen, text: str, word: str) -> bool:
    """Whether the screen refuses `text` with `word` among the words it masks."""
    return any(word.casefold() in f.words.casefold().split() for f in screen.find(text))


@pytest.mark.parametrize(("text", "words"), [
    ("whats the process when the baby, known as Peanut, is born before the ICPC", ["peanut"]),  # the trial's own
    ("we call her little bee in the notes", ["little", "bee"]),
    ("yes, the twins, river and sky, were discussed", ["river", "sky"]),
    ("Jade the mum said the baby fell", ["jade"]),
    ("Precious the baby has a bruise, what now", ["precious"]),
    ("blessing was not brought to the health appointment again", ["blessing"]),
    ("the child, known as Bobby, said he was scared", ["bobby"]),
    ("the siblings, Ty and Bo, were seen alone", ["ty", "bo"]),
    ("jade the mum said the baby fell", ["jade"]),
])
def test_a_nickname_set_off_or_beside_a_family_word_is_refused(identifier_screen: Screen, text: str,
                                                               words: list[str]) -> None:
    for word in words:
        assert masks(identifier_screen, text, word), (word, found(identifier_screen, text))


@pytest.mark.parametrize("text", [
    "the child said she felt safe", "mum said the baby was seen", "the baby was seen", "Mason the IRO said",
    "the plan, known as the safety plan, was agreed", "the meeting, known as an ICPC, was held",
    "mum, known as a heavy drinker, said", "the child, known to CAMHS, said", "we call her little one",
    "call him little man", "call her little sister", "call her little bit later", "call him a little while later",
    "the children, mum and dad, were seen", "the twins, older and younger, were seen",
    "the children, boys and girls, were seen", "Hope the baby is ok", "Will the mum come to the meeting",
    "then the mum said", "Today the mum said", "Sadly the baby was born early", "Can the child be seen alone",
    "Maybe the dad will come", "the meeting was not brought forward", "Ask the child what they want",
])
def test_ordinary_practice_text_beside_these_cues_passes(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


@settings(max_examples=80, deadline=None)
@given(name=st.sampled_from(NAMES), tail=st.sampled_from(TAILS), cue=st.sampled_from([
    "the baby, known as {}, is born", "the boy, known as {}, said", "the twins, {} and Kai, were discussed",
    "we call her {}"]))
def test_any_cue_any_name_any_tail_is_refused(identifier_screen: Screen, name: str, tail: str, cue: str) -> None:
    text = cue.format(name) + tail
    assert masks(identifier_screen, text, name), found(identifier_screen, text)


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(["Jade", "precious", "Blessing", "ocean", "Tunde", "storm", "Kai", "sky"]),
       tail=st.sampled_from(TAILS),
       cue=st.sampled_from(["{} the mum said the baby fell", "{} the baby has a bruise", "{} the dad was not at home",
                            "seen at home. {} the eldest said"]))
def test_a_first_name_before_the_and_a_family_word_is_refused(identifier_screen: Screen, name: str, tail: str,
                                                              cue: str) -> None:
    """Only a word the name lists hold that is no everyday word: a capital at a sentence's start says nothing
    ('Yesterday the mum said'), and 'Will the mum come' asks."""
    text = cue.format(name) + tail
    assert masks(identifier_screen, text, name), found(identifier_screen, text)


def _ordinary_tuning_texts() -> list[str]:
    return [item["text"] for corpus in ("tuning", "tuning2", "tuning3")
            for item in yaml.safe_load((CORPUS / f"corpus_{corpus}.yaml").read_text(encoding="utf-8"))
            if item["kind"] == "none"]


@settings(max_examples=150, deadline=None)
@given(text=st.sampled_from(_ordinary_tuning_texts()))
def test_ordinary_practice_sentences_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


# fixp38, item 2: a nickname that is a dictionary word, capitalised before 'the mum said', was stored ('Peanut the
# mum said he was fine'), while 'Jade the mum said' was refused.
@pytest.mark.parametrize(("text", "word"), [
    ("Peanut the mum said he was fine", "peanut"),  # the brief's own
    ("Bubba the dad was drunk", "bubba"),
    ("Sugar the carer said no", "sugar"),
    ("visit done. Pumpkin the baby was crying", "pumpkin"),
    ("Munchkin the nan was there", "munchkin"),
])
def test_a_capitalised_nickname_before_the_and_a_family_word_is_refused(identifier_screen: Screen, text: str,
                                                                        word: str) -> None:
    assert masks(identifier_screen, text, word), found(identifier_screen, text)


# Words that open a sentence before 'the mum said' in a note: adverbs, verbs, adjectives, days, chat words.
OPENERS = ["Mum", "Today", "Yesterday", "Overall", "Afterwards", "Initially", "Meeting", "Noticed", "Hope", "Then",
           "Unsure", "Doubtful", "Aware", "Feedback", "Query", "Btw", "Fyi", "Hmm", "Sat", "Evenings", "Twice",
           "Likewise", "Whoever", "Spoke", "Glad", "Assume", "Plus", "Meanwhile", "Upstairs", "Overnight", "Prior"]


@pytest.mark.parametrize("text", [
    "Mum the day before said", "Today the mum said", "Yesterday the dad was", "Overall the mum was",
    "Mason the IRO said", "Hope the baby is ok", "Meeting the dad was hard", "Unsure the dad was honest",
])
def test_ordinary_words_before_the_and_a_family_word_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


@settings(max_examples=80, deadline=None)
@given(word=st.sampled_from(OPENERS), person=st.sampled_from(["mum", "dad", "nan", "carer", "baby"]),
       tail=st.sampled_from([" said he was fine", " was drunk", " was there", " said no"]))
def test_a_sentence_opening_word_before_the_family_word_is_never_refused(identifier_screen: Screen, word: str,
                                                                         person: str, tail: str) -> None:
    text = f"{word} the {person}{tail}"
    assert not masks(identifier_screen, text, word), found(identifier_screen, text)
