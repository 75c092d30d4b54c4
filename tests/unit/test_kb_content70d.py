"""Knowledge-base content trial 70 found wanting: what percent of audits is moderated answered with the agreement
rate (A), and a baby the hospital will not discharge to mum answered with the pre-birth assessment (C)."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered_to


@pytest.mark.parametrize("question", [
    "what percent of audits are moderated",
    "what per cent of audits get moderated",
    "how many audits get moderated",
    "what proportion of audits are moderated",
    "share of audits moderated",
])
def test_what_share_of_audits_is_moderated_is_answered_with_the_moderation_entry(
        question: str, shipped: KnowledgeSearch) -> None:
    """A: "percent" was not read as "percentage", so the agreement rate's "80 percent" won the question."""
    assert answered_to(shipped, question) == "moderation-agreement"


def test_an_agreement_rate_given_in_percent_still_gets_the_agreement_rate(shipped: KnowledgeSearch) -> None:
    assert answered_to(shipped, "our agreement rate is 60 percent, is that bad") == "agreement-rate"


@pytest.mark.parametrize("question", [
    "a baby is ready to leave hospital but the hospital won't discharge to mum",
    "hospital won't discharge newborn to mother what do i do",
    "baby ready for discharge from hospital but we have concerns about mum",
    "newborn in hospital, can we stop mum taking the baby home",
])
def test_a_baby_the_hospital_will_not_discharge_to_mum_leads_with_the_legal_route(
        question: str, shipped: KnowledgeSearch) -> None:
    """C: the pre-birth assessment (planning before the birth) led or answered; the section 20 entry now says what
    the council does when a newborn cannot safely go home, and leads."""
    result = shipped.search(question)
    first = result.answer if result.outcome == "answer" else result.suggestions[0]
    assert first is not None and first.entry_id == "section-20-accommodation"


def test_the_section_20_entry_says_the_hospital_cannot_keep_a_baby_and_when_to_seek_an_order(kb: KnowledgeBase) -> None:
    answer = kb.entries["section-20-accommodation"].answer
    assert "*A newborn ready to leave hospital:* the hospital cannot keep a baby from a parent" in answer
    assert "hold a strategy discussion" in answer and "emergency protection order or an interim care order" in answer
    assert "emergency-protection" in kb.entries["section-20-accommodation"].related


def test_discharge_planning_before_the_birth_still_gets_the_pre_birth_assessment(shipped: KnowledgeSearch) -> None:
    question = "hospital discharge planning meeting for a baby with safeguarding concerns"
    assert answered_to(shipped, question) == "pre-birth-assessment"
