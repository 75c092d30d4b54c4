"""Trial 38 (a DPO), H3: initials written with a space were stored ('child J S told the teacher she was hit', 'the
case of K M, when is the RCPC due', 'child J S (the eldest) not seen alone since October'), while 'JS' and 'J.S.'
were refused (bot/privacy/spaced_initials.py)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy.initials import is_initials
from bot.privacy.screen import Screen

TAILS = ["", " today", ", when is the RCPC due", " - not seen alone since October", " at school"]


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


@pytest.mark.parametrize(("text", "initials"), [
    ("child J S told the teacher she was hit", "J S"),  # the trial's own
    ("the case of K M, when is the RCPC due", "K M"),
    ("child J S (the eldest) not seen alone since October", "J S"),
    ("J S (the eldest) not seen alone", "J S"),
    ("J S said she was scared", "J S"),
    ("J S aged 9 was seen", "J S"),
    ("brother K M said he was hit", "K M"),
    ("we saw J S today", "J S"),
    ("the child (J S) was seen alone", "J S"),
    ("child J S T told her teacher", "J S T"),
])
def test_spaced_initials_beside_a_person_are_refused(identifier_screen: Screen, text: str, initials: str) -> None:
    assert ("initials", initials) in found(identifier_screen, text)


@pytest.mark.parametrize("text", [
    "A and E said the child was fine", "I am worried about the plan", "Q A said the audit was fine",
    "A E said no fractures", "the J S form was sent", "grades A B C were used", "plan B is the fallback",
    "in case of K M", "seen by A N Other", "Part A B of the form", "I A said", "P E kit was missing",
    "CHILD J S TOLD THE TEACHER",  # shouted: capitals say nothing
])
def test_spaced_capitals_that_are_no_person_pass(identifier_screen: Screen, text: str) -> None:
    assert [kind for kind, _ in found(identifier_screen, text) if kind == "initials"] == []


@settings(max_examples=80, deadline=None)
@given(first=st.sampled_from(string.ascii_uppercase.replace("I", "")), second=st.sampled_from(string.ascii_uppercase),
       cue=st.sampled_from(["child {} told the teacher", "the case of {}", "{} (the eldest) was seen",
                            "brother {} said", "{} said she was hit", "{} aged 9"]),
       tail=st.sampled_from(TAILS))
def test_any_person_cue_any_spaced_initials_any_tail_is_refused(identifier_screen: Screen, first: str, second: str,
                                                                cue: str, tail: str) -> None:
    """Every pair of letters that is no acronym, role or word ('QA', 'AE', 'GP' are)."""
    initials = f"{first} {second}"
    text = cue.format(initials) + tail
    refused = ("initials", initials) in found(identifier_screen, text)
    assert refused == is_initials(first + second, identifier_screen.acronyms, identifier_screen.lexicon), text
