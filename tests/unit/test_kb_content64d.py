"""Knowledge-base content and out-of-scope questions trial 57 found wanting: a pension question answered with the
entry on a child protection plan moving council (F11), a school admissions appeal offered school entries (F12),
honour-based abuse with no steer (F13), a child in hospital whose parents will not take him home offered pre-birth
first (F14), whether parents can stop an adoption after a placement order (F19), who consents to surgery for a s20
child (F20), and benefits questions about NRPF families and care leavers declined as the DWP's."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch
from knowledge.urgent import nearest_entries, situation_steers, sounds_urgent

KB = load_knowledge()
SEARCH = KnowledgeSearch(KB)


def answered(question: str) -> str | None:
    """The entry the bot answers the question with outright, or None when it only offers or declines."""
    result = SEARCH.search(question)
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


def declined(question: str) -> str:
    """The out-of-scope reply the question gets ("I can't help with that here: …"), or "" when it is not declined."""
    result = SEARCH.search(question)
    assert result.outcome == "none" and result.answer is None
    return result.topic.reply if result.topic else ""


def test_a_pension_transfer_is_declined_not_answered_with_a_cp_plan_moving_council() -> None:
    """F11: "can i transfer my local govt pension if i move councils" got the cp-transfer-in entry outright."""
    reply = declined("can i transfer my local govt pension if i move councils")
    assert "Local Government Pension Scheme" in reply and "pension fund" in reply
    assert "pension" in declined("how do i check my lgps pension")


@pytest.mark.parametrize("question, says", [
    ("parent wants help appealing a school admissions decision, can we support that", "school admissions team"),
    ("how much is child benefit for 2 kids", "DWP"),
])
def test_near_domain_questions_get_the_out_of_scope_reply(question: str, says: str) -> None:
    """F12: a school admissions appeal got "Did you mean…" school moves and exclusions; child benefit is the DWP's."""
    assert says in declined(question)
    assert not SEARCH.search(question).suggestions


def test_honour_based_abuse_with_a_threat_shows_the_urgent_steer_and_the_forced_marriage_entry() -> None:
    """F13: a father threatening his daughter over a boyfriend (HBV) got suggestions and no urgent banner."""
    question = "HBV - dad threatening 15yo daughter over her boyfriend, what do we do"
    assert sounds_urgent(question)
    assert nearest_entries(question) == ("forced-marriage",)
    assert any("Honour-based abuse" in steer for steer in situation_steers(question))
    assert answered(question) == "forced-marriage"
    assert not sounds_urgent("what is honour based abuse")
    assert not sounds_urgent("hbv training next week")


def test_a_child_whose_parents_will_not_take_him_home_from_hospital_gets_section_20_first() -> None:
    """F14: the pre-birth assessment entry was offered first."""
    question = ("kid been in hospital 3 wks after an overdose, ready for discharge but parents wont have him home, "
                "whos responsible")
    assert answered(question) == "section-20-accommodation"


def test_parents_opposing_an_adoption_after_a_placement_order_is_answered() -> None:
    """F19: the placement order entry never said parents need the court's leave to oppose the adoption order."""
    assert answered("can birth parents stop an adoption once theres a placement order") == "placement-order"
    answer = KB.entries["placement-order"].answer
    assert "only with the court's *leave*" in answer and "*change in circumstances*" in answer


def test_consent_to_an_operation_for_a_section_20_child_is_said_plainly() -> None:
    """F20: the s20 entry only implied who signs a consent form for surgery."""
    question = "child in care in hospital needs an operation, s20, who signs the consent form"
    assert answered(question) == "section-20-accommodation"
    answer = KB.entries["section-20-accommodation"].answer
    assert "a parent with parental responsibility signs the consent, not the council" in answer
    assert "cannot consent in their place" in answer and "delegated authority" in answer


@pytest.mark.parametrize("question", [
    "can an nrpf family get universal credit",
    "can a care leaver claim universal credit at 18",
])
def test_a_benefit_named_with_a_topic_the_kb_covers_is_not_declined(question: str) -> None:
    """fix63b's benefits topic declined every question naming a benefit, even about NRPF families or care leavers."""
    assert SEARCH.search(question).topic is None


@pytest.mark.parametrize("question", [
    "how much carers allowance can a parent of a disabled child get",
    "how do I claim carers allowance",
])
def test_a_benefit_alone_is_still_declined(question: str) -> None:
    """Whether a family can get a benefit, and how to claim it, stay the DWP's."""
    assert "DWP" in declined(question)
