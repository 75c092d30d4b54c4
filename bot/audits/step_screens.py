"""What a draft audit shows at each step of the flow: one screen per step, shared by `screens.render` (after a
step is stored) and the conversation table (`conversation.STATES`), so the two cannot disagree."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from bot.audits.core import Ctx, control_choices, grade_label, render_question, render_worker
from bot.audits.finish_screens import render_overall_grade, render_prompt, render_review, render_submit
from bot.audits.numbering import progress
from bot.core.replies import Reply
from bot.core.services import Services

StepScreen = Callable[[Services, Ctx], list[Reply]]


def render_question_step(services: Services, ctx: Ctx) -> list[Reply]:
    """The question the audit stands at."""
    return render_question(ctx, ctx.checklist.question(ctx.step.question_id or ""), services.local_now().date())


def render_evidence(services: Services, ctx: Ctx) -> list[Reply]:
    """After a scale grade: why this grade?"""
    question = ctx.checklist.question(ctx.step.question_id or "")
    grade = grade_label(ctx.answers[question.id].value) if question.id in ctx.answers else "this grade"
    return [Reply(text=f"**Why this grade?** You graded _{question.text}_ as **{grade}**. In a sentence or two, "
                       "what did you see on the file that supports it?", kind="question",
                  prompt="Type your evidence note.", choices=tuple(control_choices(ctx)),
                  note=progress(ctx.checklist, question.id), numbers_pick=True)]


STEP_SCREENS: Mapping[str, StepScreen] = MappingProxyType({
    "worker": render_worker,
    "question": render_question_step,
    "evidence": render_evidence,
    "review": render_review,
    "overall_grade": render_overall_grade,
    "grade_reason": render_prompt,
    "strengths": render_prompt,
    "development": render_prompt,
    "actions": render_prompt,
    "action_owner": render_prompt,
    "action_due": render_prompt,
    "submit": render_submit,
})
