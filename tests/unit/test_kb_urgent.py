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
