"""A question that reads as a child at risk now is told who to turn to first; ordinary questions are not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.urgent import DISCLOSURE, HARM, URGENT, sounds_urgent

LIVE = ["need help urgently - child disclosed dad hit her with a belt this morning, who do i call",
        "what do i do if a 15yo tells me she is pregnant by a 22 year old",
        "child said mum hits him",
        "young person is not safe to go home tonight",
        "13 yr old has gone missing again and is with older men right now"]
ORDINARY = ["when is the icpc due", "what does good look like for the voice of the child",
            "how do i record a missing episode", "how often should i visit a child on a cp plan",
            "the auditor said the voice of the child is missing from my file", "are we now obliged to report abuse",
            "what is the guidance on physical abuse"]


@pytest.mark.parametrize("question", LIVE)
def test_a_live_concern_is_recognised(question: str) -> None:
    assert sounds_urgent(question)


@pytest.mark.parametrize("question", ORDINARY)
def test_an_ordinary_question_is_not(question: str) -> None:
    assert not sounds_urgent(question)


EVERYDAY = ("when", "is", "the", "review", "due", "how", "do", "i", "plan", "a", "visit", "for", "supervision", "what",
            "does", "good", "look", "like", "in", "an", "audit", "of", "my", "team", "case", "file")
PLAIN = st.lists(st.sampled_from(EVERYDAY), max_size=12).map(" ".join)


@given(PLAIN, st.sampled_from(sorted(HARM - {w for w in HARM if "-" in w})),
       st.sampled_from(sorted((DISCLOSURE | URGENT) - {w for w in URGENT if "-" in w})), PLAIN)
def test_harm_with_a_disclosure_or_urgency_is_urgent_anywhere_in_any_case(before: str, harm: str, live: str,
                                                                           after: str) -> None:
    assert sounds_urgent(f"{before} {live.upper()} {after}, {harm}?")


@given(PLAIN)
def test_words_of_everyday_practice_questions_never_are(question: str) -> None:
    assert not sounds_urgent(question)


# Trial 37: a child left where the risk is, now, in words with no harm word at all
PRESENT_RISK = ["had a strat yesterday, police want to do a joint visit but cant til next week and the child is still "
                "at home with dad who is the alleged perpetrator. do i wait for police?",
                "is it safe to leave the kids with dad until police can visit next week",
                "child still lives with the alleged abuser",
                "can the kids stay with mum tonight when the perpetrator is still in the house",
                "police cant see the child till monday and she is still living with him",
                "mum has let her boyfriend move back in and he is a risk to children, the kids are there now",
                "is it safe for her to go home to mum after what she said",
                "reading a file for an audit I realised the kid is probably not safe at home right now, what do I do"]
RISK_ONLY = ["what is a safety plan", "who is the alleged perpetrator in a strategy discussion",
             "what does significant harm mean", "when is a child at risk of significant harm",
             "how do i assess if the risk to the child has reduced before closing",
             "do i need to wait for police before a section 47", "how long until the police share information",
             "when does a child stay at home with a safety plan", "how do i record a visit tonight"]


@pytest.mark.parametrize("question", PRESENT_RISK)
def test_a_child_with_the_risk_now_or_left_waiting_is_urgent(question: str) -> None:
    assert sounds_urgent(question)


@pytest.mark.parametrize("question", RISK_ONLY)
def test_words_of_risk_or_of_time_alone_are_not(question: str) -> None:
    assert not sounds_urgent(question)


RISK_SAID = ("dad who is the alleged perpetrator", "the alleged abuser", "is it safe", "she is not safe",
             "he is a risk to them", "it is unsafe", "the person who hurt her", "police can't come")
NOW_SAID = ("still at home with", "until police can visit next week", "tonight", "can't wait til monday", "left with",
            "leave the kids with", "going home to", "still living with", "wait for police")


@given(PLAIN, st.sampled_from(RISK_SAID), PLAIN, st.sampled_from(NOW_SAID), PLAIN, st.booleans())
def test_a_risk_with_the_child_with_it_now_or_waiting_is_urgent_in_any_order(
        before: str, risk: str, between: str, now: str, after: str, risk_first: bool) -> None:
    first, second = (risk, now) if risk_first else (now, risk)
    assert sounds_urgent(f"{before} {first} {between} {second.upper()} {after}?")


@given(PLAIN, st.sampled_from([said for said in RISK_SAID + NOW_SAID if said != "she is not safe"]), PLAIN)
def test_a_risk_or_a_time_on_its_own_in_an_everyday_question_is_not(before: str, said: str, after: str) -> None:
    """("she is not safe" is urgent on its own, as "not safe to go home" always was.)"""
    assert not sounds_urgent(f"{before} {said} {after}")
