"""A moderation paused part-written keeps what was typed, and opening it again carries on where it stopped.

Trial 39: `moderate 82` / `agree` / a reason / `sorry got to go, will finish this later` said "Nothing is saved",
and `moderate 82` started again at Agree / Disagree, the reason lost. Now `pause` (or leaving words) at any step
after the decision keeps the moderator's conversation there (the decision, the grade, the reason, an Inadequate's
action so far) on their held moderation (bot.storage.moderation.keep_draft), says what was kept ("Saved so far:
Agree, reason “…”; type `moderate 82` to finish."), and `moderate 82` (or Continue) puts them back at that step with
its question shown again. Nothing is decided, sent or told until they finish; `cancel` keeps nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits.action_fields import due_near
from bot.audits.core import grade_label
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.storage import audits as store
from bot.storage import moderation as moderation_store

# The steps after Agree / Disagree, where something of the decision has been given (bot.audits.conversation.State).
KEPT_STATES = frozenset({"moderation_grade", "moderation_reason", "moderation_action", "moderation_action_owner",
                         "moderation_action_due", "moderation_confirm_alert", "moderation_confirm_concern"})
ASIDE = (confirmations.KEY, store.LISTING_KEY)  # kept beside the conversation for the moment only, never in a draft


def keep(services: Services, turn: Turn, audit_id: int, data: Mapping[str, Any]) -> str:
    """Keep the moderator's decision so far on their held moderation of `audit_id` and say so ("Saved so far: …;
    type `moderate 82` to finish."), or "" when they were at no step after the decision."""
    if data.get("awaiting") not in KEPT_STATES or data.get("audit_id") != audit_id:
        return ""
    draft = {k: v for k, v in data.items() if k not in ASIDE}
    if not moderation_store.keep_draft(services.storage, audit_id, turn.user_id, draft):
        return ""
    return f"Saved so far: {so_far(services, turn, draft)}; type `moderate {audit_id}` to finish."


def so_far(services: Services, turn: Turn, draft: Mapping[str, Any]) -> str:
    """The decision so far in words: "Agree, reason “…”", "Disagree, Requires improvement, reason “…”, action “…”",
    an action's due date with how near it is ("due Wednesday 30 December 2026 (in 28 days)", fix50g)."""
    grade = draft.get("grade")
    parts = ["Agree"] if draft.get("agrees") else ["Disagree", *([grade_label(str(grade))] if grade else [])]
    if draft.get("reason"):
        parts.append(f"reason “{draft['reason']}”")
    if draft.get("description"):
        parts.append(f"action “{draft['description']}”")
    if draft.get("owner"):
        parts.append(f"owner {services.directory.label(str(draft['owner']))}")
    if draft.get("due"):
        parts.append(f"due {due_near(services, turn, str(draft['due']))}")
    return ", ".join(parts)


def resume(services: Services, turn: Turn, audit_id: int) -> dict[str, Any] | None:
    """The decision so far kept on this moderator's held moderation of `audit_id`, now put back as their
    conversation (and no longer kept), or None when none was kept."""
    now = store.conversation(services.storage, turn.user_id)
    if now.get("awaiting") in KEPT_STATES and now.get("audit_id") == audit_id:
        return {k: v for k, v in now.items() if k not in ASIDE}  # resumed already and waiting there: kept as it is
    draft = moderation_store.draft_of(services.storage, audit_id, turn.user_id)
    if draft is None or draft.get("awaiting") not in KEPT_STATES:
        return None
    moderation_store.keep_draft(services.storage, audit_id, turn.user_id, None)
    store.set_conversation(services.storage, turn.user_id, draft, turn.now)
    return draft


def resumed_notice(services: Services, turn: Turn, audit_id: int, draft: Mapping[str, Any]) -> Reply:
    """Said above the step's question when a paused moderation is opened again."""
    return Reply(kind="notice", text=f"Back to your moderation of audit #{audit_id} where you stopped. So far: "
                                     f"{so_far(services, turn, draft)}; nothing is saved until you finish.")
