"""A checklist switch still waiting: its list of checklists, or its "Switch …? answers would be lost" question.

Trial 25: a `yes` typed in a new terminal session, where only the audit's question was shown ("Picking up where you
left off"), confirmed a switch asked in the session before, and two answers were lost. A new session now shows the
waiting switch question (or list) again, so what is typed answers what is on screen; one gone stale (the audit moved
on) is dropped, and the audit's own question is shown. At the list, a checklist's name typed (`cp`, `child protection
plan`) picks it, as its button does: it was read as the answer to the question behind ("Please answer yes or no").
"""

from __future__ import annotations

from bot.audits import checklist_switch as switch
from bot.audits import lifecycle
from bot.audits.core import Ctx, checklists, split_value
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage import audits as store


def _current(services: Services, turn: Turn, ctx: Ctx, value: object) -> str | None:
    """The checklist key of a waiting switch's button value when it is still for this draft at this step."""
    if not isinstance(value, str):
        return None
    audit_id, version, key = split_value(value)
    if audit_id != ctx.audit.id or lifecycle.switch_refusal(ctx.audit, turn.user_id, version) is not None:
        return None
    return key


def shown_again(services: Services, turn: Turn, ctx: Ctx) -> list[Reply] | None:
    """As a new session opens: the switch question or the list still waiting for this draft, asked again; a stale
    one is dropped (None), so a typed `yes` answers the audit's question shown instead."""
    conversation = store.conversation(services.storage, turn.user_id)
    pending = conversation.get(confirmations.KEY)
    if isinstance(pending, dict) and (pending.get("yes") or [None])[0] == switch.CONFIRM:
        store.keep_aside(services.storage, turn.user_id, confirmations.KEY, None, turn.now)
        new = checklists(services).get(_current(services, turn, ctx, pending["yes"][1]) or "")
        kept, dropped = switch.split_answers(ctx.checklist, new, ctx.answers) if new else ([], [])
        if new is not None and dropped:
            return [confirmations.ask(services, turn, switch.question(services, ctx, new, kept, dropped))]
    if _current(services, turn, ctx, conversation.get(switch.LISTED)) is not None:
        return [switch.listed(services, turn, ctx)]
    store.keep_aside(services.storage, turn.user_id, switch.LISTED, None, turn.now)
    return None


def typed_at_list(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """A checklist's name typed while the list waits picks it; several fitting, the list again; None for other
    text (the list no longer waits, and the step reads the line)."""
    waiting = store.conversation(services.storage, turn.user_id).get(switch.LISTED)
    if _current(services, turn, ctx, waiting) is None:
        return None
    store.keep_aside(services.storage, turn.user_id, switch.LISTED, None, turn.now)
    found = switch.named_checklists(services, text)
    if len(found) == 1:
        return switch.chosen(services, turn, ctx, ctx.version, found[0])
    if found:
        return [switch.listed(services, turn, ctx, f"More than one checklist fits {text.strip()!r}. ")]
    return None
