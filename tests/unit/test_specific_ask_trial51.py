"""Trial 51 F8: a threshold or score asked for ("whats the dash threshold", "what score on the sdq") and a timescale
asked as "how long before … has to be …", answered by an entry with no number, get the "This entry doesn't give…"
line; an entry that gives the number (or the legal threshold in words) does not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.specific_ask import asked_kind, lacking

DOMESTIC_ABUSE = ("Use a recognised risk tool (for example the DASH risk checklist); high risk victims are referred to "
                  "a MARAC (multi-agency risk assessment conference).")
DASH_SCORE = "A DASH of 14 or more ticks is visible high risk and is referred to MARAC."
CME = ("Refer to your council's children missing education team, and tell the allocated worker if the child is known "
       "to social care.")
CME_TIMESCALE = "Schools must tell the council within 5 school days when a pupil is taken off the roll."
SECTION_31 = "The court may make a care order only if the child is suffering, or likely to suffer, significant harm."

THRESHOLD_ASKS = [
    "mum says dad strangled her last nite, kids were in the house. marac referral?? whats the dash threshold",
    "what is the threshold for a marac referral",
    "what score on the dash means marac",
    "how many ticks on the dash for marac",
    "at what score do we refer to marac",
    "whats the cut off on the dash",
]
HOW_LONG_BEFORE = [
    "how long before a child missing education has to be reported",
    "how long after a pupil is off roll must the council be told",
    "how long until the cme referral has to be made",
]


@pytest.mark.parametrize("question", THRESHOLD_ASKS)
def test_a_threshold_asked_of_an_entry_without_one_is_named(question: str) -> None:
    found = lacking(question, DOMESTIC_ABUSE)
    assert found is not None and found.named == "a threshold or score"


@pytest.mark.parametrize("question", THRESHOLD_ASKS)
def test_an_entry_giving_the_score_gets_no_line(question: str) -> None:
    assert lacking(question, DASH_SCORE) is None


@pytest.mark.parametrize("question", HOW_LONG_BEFORE)
def test_how_long_before_it_has_to_be_done_asked_of_an_entry_without_a_timescale_is_named(question: str) -> None:
    found = lacking(question, CME)
    assert found is not None and found.key == "deadline"
    assert lacking(question, CME_TIMESCALE) is None


def test_the_legal_threshold_given_in_words_is_a_threshold() -> None:
    assert lacking("whats the threshold for a care order", SECTION_31) is None


@pytest.mark.parametrize("question", [
    "the score came back 19, what does that mean",
    "s31 threshold",
    "how long has the child been missing education",
    "does this meet threshold for a strategy discussion",
])
def test_a_question_not_plainly_asking_for_a_threshold_or_timescale_is_not_flagged(question: str) -> None:
    assert asked_kind(question) is None


@given(st.sampled_from(["what is the", "whats the", "what's the", "which"]),
       st.sampled_from(["dash", "sdq", "marac", "risk", ""]),
       st.sampled_from(["threshold", "score", "cut off"]),
       st.sampled_from(["", "?", " for marac", " please"]),
       st.integers(min_value=1, max_value=99))
def test_a_threshold_ask_is_flagged_without_a_number_and_not_with_one(what: str, tool: str, noun: str, end: str,
                                                                      number: int) -> None:
    question = " ".join(f"{what} {tool} {noun}".split()) + end
    assert lacking(question, DOMESTIC_ABUSE) is not None
    assert lacking(question, f"Refer when the score is {number} or more.") is None
