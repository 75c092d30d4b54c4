"""Trial 38 (a DPO), H1: two-letter first names in a person's place were stored ('Ty told the teacher he was hit',
'Ed told his teacher that Bo gets locked in the shed', 'Name: Ed, age 9', 'the eldest (Ty) was spoken to'), while
'Jo said' was refused (bot/privacy/short_names.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy.screen import Screen
from bot.privacy.short_names import short_name_hits

CORPUS = Path(__file__).parents[1] / "data" / "privacy"
# Two-letter first names as a note would have them.
SHORT_NAMES = ["Ty", "Ed", "Bo", "Jo", "Li", "Lu", "Vi", "Yu", "Su", "Ai"]
# Cues that put a short word in a person's place: (before, after).
CUES = [("", " told the teacher"), ("", " said"), ("", " disclosed"), ("mum said that ", " gets locked in"),
        ("Name: ", ""), ("her name is ", ""), ("the eldest (", ")"), ("mum (", ")"), ("", ", age 9"),
        ("", " aged 4"), ("known as ", "")]
TAILS = ["", " at home", ", what do I do", " - seen at school", ". CP plan review due", " and was seen alone"]


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


def masks(screen: Screen, text: str, word: str) -> bool:
    """Whether the screen refuses `text` with `word` among the words it masks."""
    return any(word.casefold() in f.words.casefold().split() for f in screen.find(text))


@pytest.mark.parametrize(("text", "words"), [
    ("Ty told the teacher he was hit at home", ["ty"]),  # the trial's own
    ("Ed told his teacher that Bo gets locked in the shed, what do I do about that", ["ed", "bo"]),
    ("Name: Ed, age 9, seen at school - what else should a visit record have", ["ed"]),
    ("yes, strat had police, health and school; the eldest (Ty) was spoken to at school", ["ty"]),
    ("ty told the teacher he was hit", ["ty"]),  # typed small, the same cues
    ("seen at school. ed said he was scared", ["ed"]),
    ("and bo disclosed that dad hits him", ["bo"]),
    ("Ty (9) was seen alone", ["ty"]),
    ("a boy called Ed", ["ed"]),
])
def test_a_two_letter_name_in_a_persons_place_is_refused(identifier_screen: Screen, text: str,
                                                         words: list[str]) -> None:
    for word in words:
        assert masks(identifier_screen, text, word), (word, found(identifier_screen, text))


@pytest.mark.parametrize("text", [
    "It told me nothing new", "Is it ok that the SW said no", "Hi, the TM said to ask here", "OK said the IRO",
    "Dr Patel said the child was fine", "Ms said she would call", "the IRO said the plan was fine",
    "GP said no concerns", "SW told the family", "TM said yes", "PA said she would come", "UK law says so",
    "so said the teacher", "ma said she would come", "pa told me", "ED said the child had no fractures",
    "it said on the form", "we told the school", "he told the teacher he was hit", "Name: the child, age 9",
    "her name is on the plan", "age 9 review", "the child (YP) said", "the eldest (16) was spoken to",
    "as said before", "No said the child", "Ok told her", "in a and e she said",
])
def test_short_words_that_are_no_names_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(SHORT_NAMES), cue=st.sampled_from(CUES), tail=st.sampled_from(TAILS),
       small=st.booleans())
def test_any_cue_any_short_name_any_tail_is_refused(identifier_screen: Screen, name: str, cue: tuple[str, str],
                                                     tail: str, small: bool) -> None:
    before, after = cue
    roman = re.fullmatch(r"[ivx]+", name.lower())  # 'vi' typed small may be a numeral ('part vi')
    word = name.lower() if small and not roman and not before and after.startswith(" ") else name
    text = f"{before}{word}{after}{tail}"
    assert masks(identifier_screen, text, word), found(identifier_screen, text)


def _ordinary_tuning_texts() -> list[str]:
    return [item["text"] for name in ("tuning", "tuning2", "tuning3", "tuning4")
            for item in yaml.safe_load((CORPUS / f"corpus_{name}.yaml").read_text(encoding="utf-8"))
            if item["kind"] == "none"]


@settings(max_examples=150, deadline=None)
@given(text=st.sampled_from(_ordinary_tuning_texts()))
def test_ordinary_practice_text_has_no_short_name(identifier_screen: Screen, text: str) -> None:
    assert short_name_hits(text, identifier_screen.acronyms, identifier_screen.lexicon) == []


# fixp38, item 1: two-letter names typed small and joined ('ty and ed are on a plan') were stored, as no word of
# the join stood before a cue of its own.
JOINED_CUES = [" are on a plan", " on a plan", " were seen", " are subject to a CP plan", " were at school",
               " told the teacher", " said they were hit", " were at the contact centre"]


@pytest.mark.parametrize(("text", "words"), [
    ("ty and ed are on a plan", ["ty", "ed"]),  # the brief's own
    ("ty and ed on a plan", ["ty", "ed"]),
    ("ty, ed and bo were seen", ["ty", "ed", "bo"]),
    ("Ty and Ed are on a plan", ["ty", "ed"]),
    ("visit done. ty & ed were at school, both fine", ["ty", "ed"]),
    ("so ty and ed told the teacher", ["ty", "ed"]),
])
def test_joined_two_letter_names_before_a_cue_are_refused(identifier_screen: Screen, text: str,
                                                          words: list[str]) -> None:
    for word in words:
        assert masks(identifier_screen, text, word), (word, found(identifier_screen, text))


@pytest.mark.parametrize("text", [
    "it and is", "on a plan", "we and they are on a plan", "me and mum were seen", "gp and sw were at the meeting",
    "ok and no", "an IRO and a TM were at the meeting", "up and down", "do and go", "ss and sc were at the meeting",
    "hv and sn were at the visit", "ot and sw were at the meeting", "dv and da are on the plan", "ty is on a plan",
    "I saw ty and ed", "so and so were seen", "in and out of care", "he and me were at school",
])
def test_ordinary_joins_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


# Two-letter words a worker writes that are no names: function words, roles and services, typed small or not.
ORDINARY_SHORT = ["it", "is", "we", "me", "ok", "no", "up", "do", "go", "on", "in", "an", "he", "so", "us", "to",
                  "gp", "sw", "tm", "hv", "ot", "dv", "pc", "ss", "sc", "ey", "sn", "ta", "yp", "la", "ma", "pa"]


@settings(max_examples=120, deadline=None)
@given(words=st.lists(st.sampled_from(ORDINARY_SHORT), min_size=2, max_size=3), cue=st.sampled_from(JOINED_CUES),
       capital=st.booleans())
def test_ordinary_two_letter_joins_are_never_refused(identifier_screen: Screen, words: list[str], cue: str,
                                                     capital: bool) -> None:
    joined = ", ".join(words[:-1]) + " and " + words[-1]
    text = (joined[0].upper() + joined[1:] if capital else joined) + cue
    assert short_name_hits(text, identifier_screen.acronyms, identifier_screen.lexicon) == [], text


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.sampled_from(["Ty", "Ed", "Bo", "Jo", "Li", "Lu", "Su", "Ai"]), min_size=2, max_size=3,
                      unique=True), cue=st.sampled_from(JOINED_CUES), small=st.booleans())
def test_any_joined_short_names_before_a_cue_are_refused(identifier_screen: Screen, names: list[str], cue: str,
                                                        small: bool) -> None:
    names = [name.lower() for name in names] if small else names
    text = ", ".join(names[:-1]) + " and " + names[-1] + cue
    for name in names:
        assert masks(identifier_screen, text, name), found(identifier_screen, text)
