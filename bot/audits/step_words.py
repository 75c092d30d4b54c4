"""Where a draft audit stands, in words: "Q2", "Q7 (Why this grade?)", "the overall grade", "the urgent alert's
confirmation (Q1)". One name for each step, said wherever a draft's place is named.

Trial 60 (F4): a new session picking up a draft at a question said "Picking up audit #139 (CR-771234, Neglect) at
Q2:", but at the urgent alert's confirmation or at the overall grade only "Picking up where you left off:", naming
no audit, case or step. Every step of the flow (bot.audits.flow.FLOW_STEPS) and the two questions a draft can wait at
besides (cancelling it, sending an urgent alert) has its name here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from bot.audits.numbering import question_label
from knowledge.checklist_schema import Checklist

# The steps that are not about one question, by the name the flow stores (bot.audits.flow.FLOW_STEPS).
STEP_NAMES: Mapping[str, str] = MappingProxyType({
    "choose_checklist": "the choice of checklist",
    "case_reference": "the case reference",
    "worker": "whose case it is",
    "review": "the review of the answers",
    "overall_grade": "the overall grade",
    "grade_reason": "the reason for the overall grade",
    "strengths": "the strengths",
    "development": "the areas for development",
    "actions": "the actions",
    "action_owner": "an action's owner",
    "action_due": "an action's due date",
    "submit": "the last check before submitting",
})

# What a draft can be asked on top of its step (bot.audits.conversation.State), named with the step it came from.
ASKING_NAMES: Mapping[str, str] = MappingProxyType({
    "confirm_alert": "the urgent alert's confirmation",
    "confirm_cancel": "the question whether to cancel it",
})

EVIDENCE_PROMPT = "Why this grade?"


def step_in_words(checklist: Checklist, step_key: str) -> str:
    """The step stored as `step_key` ("question:q2", "overall_grade") in words: "Q2", "Q7 (Why this grade?)" (the
    evidence note of a grade), "the overall grade"; "" for a question the checklist no longer has."""
    name, _, question_id = step_key.partition(":")
    if not question_id:
        return STEP_NAMES.get(name, "")
    if question_id not in {question.id for question in checklist.questions()}:
        return ""
    label = f"Q{question_label(checklist, question_id)}"
    return f"{label} ({EVIDENCE_PROMPT})" if name == "evidence" else label


def waiting_in_words(checklist: Checklist, step_key: str, asking: str | None = None) -> str:
    """Where a draft waits, the question it is being asked first when there is one (`asking`, a conversation state's
    value): "the urgent alert's confirmation (Q1)", "the overall grade"."""
    step = step_in_words(checklist, step_key)
    asked = ASKING_NAMES.get(asking or "")
    if asked is None:
        return step
    return f"{asked} ({step})" if step else asked
