"""A grade change left half-made by another conversation is said to be dropped, not dropped in silence.

`/audit edit 12 grade inadequate <why>` on an audit with no open action waits for the action first
(bot.audits.regrade_action), and nothing is stored until the action has an owner and a due date. The person's
conversation holds the change meanwhile, so whatever starts another conversation there (`resume`, `start audit`,
*Disagree* on a moderation opened aside, a second `/audit edit 14 grade inadequate …`, pressed or typed) replaces it.
That is right, since only one question can wait at a time, but the auditor was not told, and could believe the audit
regraded. A draft left this way still waits in `/audit resume`, and a moderation stays held (`/audit moderate`); a
grade change is not kept half-made (as `pause` says), so they are told it was not made and how to make it: as a
reflection left unwritten is (bot.audits.reflection_wait), after whichever command, message or button replaced it
(`Engine.add_turn_watch`), and before the new conversation's own question, which stays last.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.audits import lifecycle, not_a_reason, regrade_action, regrade_check, regrade_confirm
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

FIRST = regrade_action.FIRST_ACTION
WAITING = frozenset({regrade_action.REASON_ASKED, FIRST.description_state, FIRST.owner_state, FIRST.due_state})


def watch(services: Services, turn: Turn, typed: str | None) -> Callable[[list[Reply]], list[Reply]] | None:
    """Around a command, message (`typed`) or button press while a grade change waits for its action: afterwards,
    when something else replaced it, one sentence saying it was not made and how to make it."""
    held = store.conversation(services.storage, turn.user_id)
    if held.get("feature") != "audit" or held.get("awaiting") not in WAITING:
        return None

    def afterwards(_replies: list[Reply]) -> list[Reply]:
        now = store.conversation(services.storage, turn.user_id)
        if not _dropped(services, turn.user_id, held, now, typed):
            return []
        audit_id = held["audit_id"]
        grade = held.get("named") or "inadequate"  # the grade as typed, when its reason was asked
        return [Reply(kind="notice", text=f"Your grade change of audit #{audit_id} was not made: type `/audit edit "
                                          f"{audit_id} grade {grade} <why>` again to make it.")]

    return afterwards


def _dropped(services: Services, actor: str, held: Mapping[str, Any], now: Mapping[str, Any],
             typed: str | None) -> bool:
    """Whether the change `held` was replaced unmade: not still asked (its own questions, or asked again by the same
    `/audit edit`), not ended by its own `cancel` or `pause` (which say so), not stored (the audit's grade moved on:
    made, or changed meanwhile, which its last question says), not waiting at the check before the alert or asked
    back (bot.audits.regrade_confirm), and still
    one `actor` could make (an audit a moderator opened meanwhile is said so by bot.audits.regrade_reason, and typing
    the change again would only be refused)."""
    audit_id = held.get("audit_id")
    if now.get("awaiting") in WAITING and now.get("audit_id") == audit_id:
        return False
    if typed is not None and (regrade_action.left(typed)
                              or (held.get("awaiting") == regrade_action.REASON_ASKED
                                  and not_a_reason.putting_off(typed))):
        return False
    audit = store.get_audit(services.storage, int(audit_id)) if isinstance(audit_id, int) else None
    if audit is None or audit.overall_grade != held.get("was"):
        return False
    if lifecycle.edit_refusal(audit, actor, "overall_grade") is not None:
        return False
    return not any(isinstance(checking := now.get(key), dict) and checking.get("audit") == audit_id
                   for key in (regrade_check.KEY, regrade_confirm.KEY))
