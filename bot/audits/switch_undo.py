"""`undo` straight after a checklist switch: the draft goes back to the checklist it was on, with its answers.

Trial 59 (F6): `switch to neglect` dropped 5 answers, and `undo` straight after went back one question on Neglect,
while switching back asked the 5 questions again: the answers were gone. The switch now keeps what it changed with the
draft (bot.storage.audits.SWITCHED_FROM) until the next step is taken, so `undo`, or picking the old checklist again,
straight after the switch puts the audit back as it was: its checklist, its step, its grades and the answers.
"""

from __future__ import annotations

from typing import Any

from bot.audits import lifecycle
from bot.audits.core import Ctx, load, waiting_at
from bot.audits.numbering import question_label
from bot.audits.screens import render
from bot.core.replies import Reply, count_of
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.engine.undo_words import said_undo
from bot.storage import audits as store

UNDO_HINT = " Type `undo` straight away to switch back with them."


def waiting_undo(ctx: Ctx) -> dict[str, Any] | None:
    """The switch `undo` would take back, if the draft is still where the switch left it; else None."""
    undo = ctx.audit.state.get(store.SWITCHED_FROM)
    return undo if isinstance(undo, dict) and undo.get("to") == ctx.audit.checklist_id else None


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """`undo` (`oops undo that`) straight after a checklist switch; None for other words, or with no switch to undo
    (then `undo` is one step back, as at any step)."""
    if not said_undo(text) or waiting_undo(ctx) is None:
        return None
    return switch_back(services, turn, ctx)


def back_to(services: Services, turn: Turn, ctx: Ctx, checklist_id: str) -> list[Reply] | None:
    """The checklist the draft was just switched from, picked again straight after: the switch undone, with the
    answers it dropped; None otherwise (an ordinary switch)."""
    undo = waiting_undo(ctx)
    return switch_back(services, turn, ctx) if undo and undo.get("checklist_id") == checklist_id else None


def switch_back(services: Services, turn: Turn, ctx: Ctx) -> list[Reply]:
    """Undo the switch, then say which checklist the audit is on again and which answers came back."""
    undo = waiting_undo(ctx) or {}
    lifecycle.undo_switch(services.storage, ctx.audit.id, ctx.version, turn.user_id, turn.now,
                          waiting=waiting_at(ctx.audit.id, str(undo.get("step"))))
    now = load(services, ctx.audit.id)
    ids = {row["question_id"] for row in undo.get("answers", [])}
    shown = [question_label(now.checklist, q.id) for q in now.checklist.questions() if q.id in ids & set(now.answers)]
    back = "" if not shown else (f", with your {'answer' if len(shown) == 1 else count_of(len(shown), 'answer')} to "
                                 f"{'question' if len(shown) == 1 else 'questions'} {_joined(shown)} back")
    said = Reply(kind="notice", text=f"Undone: audit #{now.audit.id} is on the **{now.checklist.title}** checklist "
                 f"again{back}, at the step it was at.")
    return [said, *render(services, now)]


def _joined(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
