"""Where an audit stands, shown: storing a step and then showing the screen of the state it leads to."""

from __future__ import annotations

from dataclasses import replace

from bot.audits import lifecycle
from bot.audits.core import Ctx, load, waiting_at
from bot.audits.step_screens import STEP_SCREENS
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store


def render(services: Services, ctx: Ctx) -> list[Reply]:
    """The message for wherever the audit now stands: its step's screen (the same one the conversation table shows)."""
    if ctx.audit.status != "draft":
        return [Reply(text=f"Audit #{ctx.audit.id} is {ctx.audit.status.replace('_', ' ')}.")]
    return STEP_SCREENS[ctx.step.name](services, ctx)


def advance_and_render(services: Services, turn: Turn, ctx: Ctx, version: int, move: store.Move,
                       before: list[Reply] | None = None) -> list[Reply]:
    """Store one step with compare-and-set, and in the same transaction that the bot now waits at the step it
    leads to; then show it. A duplicate press shows nothing."""
    moved = advance(services, turn, ctx, version, move)
    return [] if moved is None else list(before or []) + render(services, moved)


def advance(services: Services, turn: Turn, ctx: Ctx, version: int, move: store.Move) -> Ctx | None:
    """Store one step as advance_and_render does, without showing it: where the audit stands now, for a line that
    answers the step it leads to too (trial 60, F5); None for a duplicate press."""
    move = replace(move, waiting=waiting_at(ctx.audit.id, move.step))
    try:
        lifecycle.advance(services.storage, ctx.audit.id, version, turn.user_id, move, turn.now)
    except lifecycle.DuplicatePress:
        return None
    return load(services, ctx.audit.id)
