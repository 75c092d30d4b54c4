"""Trial 51 (F6, F16): a girl at risk of FGM ("mum talked about a cutting ceremony over summer hols") and a child
blackmailed over images ("kid being sextorted on snapchat, sent nudes, now being blackmailed") are live situations:
the steer, the nearest entry and what to do now (a strategy discussion with the police for FGM risk; the police and
CEOP, evidence kept, images never viewed or forwarded, for sextortion). Questions on the law or the topic, and "cut"
said of self-harm, hair or contact, are not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.urgent import nearest_entries, situation_steers, sounds_urgent

FGM = "fgm-mandatory-reporting"
FGM_RISK = [
    "11yo girl from sudan, mum talked about a cutting ceremony over summer hols, what do i do",
    "school says a year 5 girl told them she is going back home to be cut in the holidays",
    "mum said her daughter will have the sunna when they visit somalia at half term",
    "dad mentioned his girls will be circumcised on the trip to see their grandmother",
    "8 year old told her teacher there is a special ceremony for her this summer where she will be cut",
    "aunt is arranging for the niece to have fgm done abroad, flights booked",
]
FGM_NOT = [
    "what is the fgm mandatory reporting duty",
    "fgm training for the team next month",
    "girl cut herself over the summer hols",  # self-harm: a situation of its own, not FGM
    "mum cut her off from seeing her nan over the holidays",
    "she had her hair cut before the trip",
    "budget cuts mean no summer holiday scheme for the girls",
    "baby boy circumcision ceremony planned, is that a safeguarding issue",
]
SEXTORTION = "online-harm"
SEXTORTION_LIVE = [
    "kid being sextorted on snapchat, sent nudes, now being blackmailed",
    "14 year old sent pics to someone online and is now being blackmailed for money",
    "boy sent a nude and they are threatening to share it unless he pays, what do i do",
    "girl on my caseload is being sextorted tonight",
]
SEXTORTION_NOT = [
    "what is sextortion",
    "sextortion of a teenage boy",
    "policy on sharing nudes in schools",
    "how do i use the report remove tool for images",
]


@pytest.mark.parametrize("question", FGM_RISK)
def test_a_girl_at_risk_of_fgm_gets_the_steer_the_fgm_entry_and_a_strategy_discussion(question: str) -> None:
    assert sounds_urgent(question)
    assert FGM in nearest_entries(question)
    steer = next(steer for steer in situation_steers(question) if "FGM" in steer)
    assert "strategy discussion" in steer and "police" in steer and "protection order" in steer


@pytest.mark.parametrize("question", FGM_NOT)
def test_fgm_law_self_harm_hair_or_contact_is_not_fgm_risk(question: str) -> None:
    assert FGM not in nearest_entries(question)
    assert not any("FGM" in steer for steer in situation_steers(question))


@pytest.mark.parametrize("question", SEXTORTION_LIVE)
def test_a_child_blackmailed_over_images_gets_police_ceop_and_keep_the_evidence(question: str) -> None:
    assert sounds_urgent(question)
    assert SEXTORTION in nearest_entries(question)
    (steer,) = situation_steers(question)
    assert "police" in steer and "CEOP" in steer and "do not delete" in steer and "do not view" in steer


@pytest.mark.parametrize("question", SEXTORTION_NOT)
def test_sextortion_asked_as_a_topic_gets_no_sextortion_steer(question: str) -> None:
    assert not situation_steers(question)


@given(st.sampled_from(FGM_RISK + SEXTORTION_LIVE), st.sampled_from(["training", "in general", "policy"]))
def test_a_general_question_on_the_same_words_gets_no_steer(live: str, general: str) -> None:
    assert not situation_steers(f"{live} {general}")


@given(st.text(max_size=80))
def test_any_text_is_read_without_error(text: str) -> None:
    steers = situation_steers(text)
    assert all(isinstance(steer, str) and steer for steer in steers)
    assert not steers or nearest_entries(text)
