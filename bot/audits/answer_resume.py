"""Where an audit goes on after an earlier answer is changed mid-audit ("change my answer to q3" at question 9).

Trial 26 typed `change q3` and `actualy i need to change my answer to q3, …` at a grade question and was told to give
a grade. bot.audits.answer_change now jumps to question 3 and stores the step it was typed at as `resume_at`; once
question 3 (and its evidence note, and any follow-up the new answer brings in) is done, the audit goes straight back
there rather than through questions 4 to 8 again, as `back` would.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits.core import Ctx
from bot.audits.flow import Step
from bot.core.audit_rules import visible_questions
from knowledge.checklist_schema import Answer


def resume_step(ctx: Ctx, answers: Mapping[str, Answer], following: Step) -> Step:
    """The step after a changed answer: the step the change was typed at (`resume_at`) where the flow would next show
    a question already answered before it; otherwise `following`, a follow-up the change brought in among them."""
    resume = _resume_at(ctx, answers)
    if resume is None or following.name != "question" or following.question_id not in answers:
        return following
    at = ctx.checklist.position(following.question_id or "")
    return resume if at < ctx.checklist.position(resume.question_id or "") else following


def used_up(ctx: Ctx, following: Step) -> dict[str, Any]:
    """`resume_at` cleared once the audit reaches it, or goes past it, so a later `back` walks the questions again."""
    resume = ctx.audit.state.get("resume_at")
    if not resume:
        return {}
    target = Step.parse(resume)
    if following.name not in ("question", "evidence") or following.question_id is None \
            or ctx.checklist.position(following.question_id) >= ctx.checklist.position(target.question_id or ""):
        return {"resume_at": None}
    return {}


def _resume_at(ctx: Ctx, answers: Mapping[str, Answer]) -> Step | None:
    """The stored step to come back to, if its question is still asked (a changed answer may hide it)."""
    resume = ctx.audit.state.get("resume_at")
    if not resume:
        return None
    step = Step.parse(resume)
    visible = {question.id for question in visible_questions(ctx.checklist, dict(answers))}
    if step.question_id not in visible or (step.name == "evidence" and step.question_id not in answers):
        return None
    return step
