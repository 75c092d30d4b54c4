"""Trial 44 (F1): a child missing now ("went awol again", "hasn't come back to placement", "still missing") is a live
situation: the steer, the missing entry and what to do now (report to the police under the missing plan, tell the
manager or the emergency duty team). Questions on missing in general, a child already back, or "missing" said of
contact, school or a file are not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.urgent import nearest_entries, situation_steers, sounds_urgent

MISSING = "missing-from-home-and-care"
LIVE = [
    "kid went awol again from resi what do i do",
    "has gone awol from his placement",
    "hasn't come back to placement",
    "hasnt come back to placement since last night",
    "she is still missing what do i do",
    "yp went missing again last night",
    "kid ran away last night what do we do",
    "14yo not back at the foster home yet, who do i tell",
    "he is mfc again what do i do",
    "keeps going missing and is missing again now",
]
GENERAL = [
    "what is a return home interview",
    "what should happen when a child goes missing from home or care?",
    "missing child procedure",
    "a child keeps going missing, what do i do",
    "what do i do when a child goes missing again",
    "mum keeps missing contact again",
    "the chronology is still missing from the file",
    "what is missing from this plan",
    "mum hasn't returned my calls since monday",
    "how many children went missing from care last year",
    "what is a missing episode",
    "child missing education what do i do",
    "when is a child classed as missing",
    "what does mfh mean",
]


@pytest.mark.parametrize("question", LIVE)
def test_a_child_missing_now_gets_the_steer_the_missing_entry_and_what_to_do(question: str) -> None:
    assert sounds_urgent(question)
    assert nearest_entries(question) == (MISSING,)
    (steer,) = situation_steers(question)
    assert "police" in steer and "missing plan" in steer and "emergency duty team" in steer


@pytest.mark.parametrize("question", GENERAL)
def test_a_question_on_missing_in_general_gets_no_steer(question: str) -> None:
    assert not sounds_urgent(question)
    assert not situation_steers(question)


def test_the_other_live_situations_say_nothing_more_than_the_steer() -> None:
    assert sounds_urgent("teen said he wants to kill himself")
    assert situation_steers("teen said he wants to kill himself") == ()


@given(st.sampled_from(LIVE), st.sampled_from(["when a child", "if a young person", "return home interview",
                                              "he came back this morning"]))
def test_a_general_opening_or_a_child_back_takes_the_missing_steer_away(live: str, general: str) -> None:
    assert not situation_steers(f"{general} {live}")
    assert not situation_steers(f"{live} {general}")


@given(st.text(max_size=80))
def test_any_text_is_read_without_error(text: str) -> None:
    steers = situation_steers(text)
    assert isinstance(sounds_urgent(text), bool)
    assert all(isinstance(steer, str) and steer for steer in steers)
    assert not steers or nearest_entries(text)
