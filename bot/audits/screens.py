"""Where an audit stands, shown: the one place that picks the message for the current step."""

from __future__ import annotations

from bot.audits import lifecycle
from bot.audits.core import Ctx, control_choices, grade_label, load, render_question, render_worker
from bot.audits.finish_screens import render_finish_step
from bot.audits.flow import progress
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store


def render(services: Services, ctx: Ctx) -> list[Reply]:
    """The message for wherever the audit now stands."""
    step = ctx.step
    name = step.name
    if ctx.audit.status != "draft":
        return [Reply(text=f"Audit #{ctx.audit.id} is {ctx.audit.status.replace('_', ' ')}.")]
    if name == "worker":
        return render_worker(services, ctx)
    if name == "question":
        return render_question(ctx, ctx.checklist.question(step.question_id or ""), services.local_now().date())
    if name == "evidence":
        question = ctx.checklist.question(step.question_id or "")
        grade = grade_label(ctx.answers[question.id].value) if question.id in ctx.answers else "this grade"
        return [Reply(text=f"**Why this grade?** You graded _{question.text}_ as **{grade}**. In a sentence or two, "
                           "what did you see on the file that supports it?", kind="question",
                      prompt="Type your evidence note.", choices=tuple(control_choices(ctx)),
                      note=progress(ctx.checklist, ctx.answers, question.id))]
    return render_finish_step(services, ctx)


def advance_and_render(services: Services, turn: Turn, ctx: Ctx, version: int, move: store.Move,
                       before: list[Reply] | None = None) -> list[Reply]:
    """Store one step with compare-and-set, then show the next; a duplicate press shows nothing."""
    try:
        lifecycle.advance(services.storage, ctx.audit.id, version, turn.user_id, move, turn.now)
    except lifecycle.DuplicatePress:
        return []
    store.set_conversation(services.storage, turn.user_id,
                           {"feature": "audit", "awaiting": "audit", "audit_id": ctx.audit.id}, turn.now)
    return list(before or []) + render(services, load(services, ctx.audit.id))
