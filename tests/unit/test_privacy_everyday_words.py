"""Everyday English is not a name (user trial: "time off in lieu" was refused, 'lieu' read as a name).

The cause: in text typed all in lower case, a word in the international first-name dictionary that is also an
English word, but not frequent enough to be 'common' ('lieu', 'kin', 'hoc', 'revert'), was a name wherever it
stood. Text with capitals already let such a word pass in lower case; all-lower text now does too, outside a
person context. Names that are US census first names, or common given names, still count anywhere, and any name
in a person context ('lieu said', 'mum Grace said') is still refused.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen

EVERYDAY = ["in lieu of", "time off in lieu", "Grace period", "Hope to finish", "Will review", "next of kin",
            "ad hoc visits", "bona fide", "a sham marriage", "revert to the plan", "saline drip", "toil in lieu"]
AROUND = ["{}", "{}.", "the sw agreed {}", "agreed: {} next week", "{} was discussed with the TM",
          "Manager noted {} in supervision", "worker to take {} after the court hearing"]


def names(screen: Screen, text: str) -> list[str]:
    return [finding.words for finding in screen.find(text) if finding.kind in ("name", "initials")]


@pytest.mark.parametrize("text", ["time off in lieu", "in lieu of a visit the sw phoned", "time off in lieu was "
                                  "agreed", "TIME OFF IN LIEU AGREED", "Time off in lieu agreed with the TM",
                                  "next of kin is nan", "ad hoc visits only", "bona fide concerns"])
def test_the_trial_phrase_and_its_kind_pass(identifier_screen: Screen, text: str) -> None:
    assert names(identifier_screen, text) == []


@given(phrase=st.sampled_from(EVERYDAY), around=st.sampled_from(AROUND), lower=st.booleans())
def test_everyday_phrases_pass_wherever_they_stand(identifier_screen: Screen, phrase: str, around: str,
                                                   lower: bool) -> None:
    text = around.format(phrase)
    assert names(identifier_screen, text.lower() if lower else text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("lieu said she was scared", "lieu"), ("Lieu told the teacher", "Lieu"), ("mum Grace said she was tired", "Grace"),
    ("Hope (8) was seen alone", "Hope"), ("will has been excluded", "will"), ("met will at the cafe", "will"),
    ("kin was seen at home", "kin"), ("dad kin said", "kin"), ("zhang was seen alone", "zhang"),
    ("jayden smith was seen", "jayden smith"), ("worried about mason", "mason"), ("chidi was seen at school", "chidi"),
])
def test_names_in_a_person_context_are_still_refused(identifier_screen: Screen, text: str, name: str) -> None:
    assert names(identifier_screen, text) == [name]
