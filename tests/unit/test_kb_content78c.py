"""Knowledge-base wordings trial 63 found wanting (fix78c): practitioners asking what good looks like got the wrong
entry first among "Did you mean…", or none of the right one: a supervision record met supervised family time (F6); a
plan that only lists services was never offered the SMART plans entry (F7a); a teenager who won't talk was only
offered the voice of the child (F7b); a child who won't go to contact got case recording first (Q5);
a long CP plan with nothing changing offered when a plan should end before drift and delay (F7c)."""

from __future__ import annotations

import pytest

from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered_to


def first_choice(search: KnowledgeSearch, question: str) -> str | None:
    """The entry answered outright, else the first one offered: what the worker reads first."""
    result = search.search(question)
    first = result.answer if result.outcome == "answer" else (result.suggestions[0] if result.suggestions else None)
    return first.entry_id if first is not None else None


@pytest.mark.parametrize("question", [
    "what should a supervision record include",
    "what should my supervision notes cover",
])
def test_a_supervision_record_leads_to_reflective_supervision_not_family_time(
        question: str, shipped: KnowledgeSearch) -> None:
    """F6: the family time entry came first, through "supervised contact recording"."""
    assert first_choice(shipped, question) == "reflective-supervision"


def test_supervision_notes_in_few_words_are_answered(shipped: KnowledgeSearch) -> None:
    """F6, another wording: read as one idea, the supervision record, not supervised contact."""
    assert answered_to(shipped, "what goes in supervision notes") == "reflective-supervision"


def offered(search: KnowledgeSearch, question: str) -> list[str]:
    """Every entry the worker sees: the answer, or the suggestions in order."""
    result = search.search(question)
    shown = [result.answer] if result.outcome == "answer" and result.answer else []
    return [match.entry_id for match in (*shown, *result.suggestions)]


def test_a_plan_that_only_lists_services_is_offered_smart_plans(shipped: KnowledgeSearch) -> None:
    """F7a: Did-you-mean offered audit actions and child in need, never the entry on writing good plans."""
    assert "smart-plans" in offered(shipped, "my plan just lists services, what should a good plan say")


def test_a_plan_naming_services_but_no_outcomes_is_answered_with_smart_plans(shipped: KnowledgeSearch) -> None:
    """F7a, another wording."""
    assert answered_to(shipped, "plan lists what services are involved but no outcomes") == "smart-plans"


def test_showing_the_voice_of_a_teenager_who_will_not_talk_is_answered(shipped: KnowledgeSearch) -> None:
    """F7b: Did-you-mean before, with the voice of the child entry first."""
    question = "I've got a 14 year old who won't talk to me, how do I show her voice in the assessment?"
    assert answered_to(shipped, question) == "voice-of-the-child-good"


def test_a_child_refusing_to_speak_leads_to_the_voice_of_the_child(shipped: KnowledgeSearch) -> None:
    """F7b, another wording: "won't speak to me" is a way of saying the child won't talk, as "won't talk to me" is."""
    assert first_choice(shipped, "my 13 year old won't speak to me, how do i get his wishes and feelings on the file") \
        == "voice-of-the-child-good"


@pytest.mark.parametrize("question", [
    "child won't go to contact with dad, what do i write",
    "she refuses to go to contact with mum, how do i record it",
])
def test_a_child_refusing_contact_leads_to_family_time(question: str, shipped: KnowledgeSearch) -> None:
    """Q5: case recording, SMART plans and court reports were offered, the family time entry not first."""
    assert first_choice(shipped, question) == "family-time"


@pytest.mark.parametrize("question", [
    "CP plan has been going 18 months and nothing is changing",
    "child has been on a child protection plan for two years and nothing has improved",
])
def test_a_long_plan_with_nothing_changing_leads_to_drift_and_delay(question: str, shipped: KnowledgeSearch) -> None:
    """F7c: the entry on ending a CP plan came first, though drift and delay names plans over 18 months."""
    assert first_choice(shipped, question) == "drift-and-delay"
