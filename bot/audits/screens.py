"""Where an audit stands, shown: storing a step and then showing the screen of the state it leads to."""

from __future__ import annotations

from dataclasses import replace

from bot.audits import lifecycle
from bot.audits.core import Ctx, control_choices, grade_label, load, render_question, waiting_at
from bot.audits.flow import progress
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store


def render(services: Services, ctx: Ctx) -> list[Reply]:
    """The message for wherever the audit now stands: the screen bot.audits.conversation.STATES gives its state."""
    if ctx.audit.status != "draft":
        return [Reply(text=f"Audit #{ctx.audit.id} is {ctx.audit.status.replace('_', ' ')}.")]
    # The table names the handlers that call render, so it is read here rather than imported at the top.
    from bot.audits.conversation import step_screen

    return step_screen(services, ctx)


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
                  note=progress(ctx.checklist, ctx.answers, question.id))]


def advance_and_render(services: Services, turn: Turn, ctx: Ctx, version: int, move: store.Move,
                       before: list[Reply] | None = None) -> list[Reply]:
    """Store one step with compare-and-set, and in the same transaction that the bot now waits at the step it
    leads to; then show it. A duplicate press shows nothing."""
    move = replace(move, waiting=waiting_at(ctx.audit.id, move.step))
    try:
        lifecycle.advance(services.storage, ctx.audit.id, version, turn.user_id, move, turn.now)
    except lifecycle.DuplicatePress:
        return []
    return list(before or []) + render(services, load(services, ctx.audit.id))
