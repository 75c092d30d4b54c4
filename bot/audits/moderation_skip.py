"""*Skip* pressed at the action offered with a moderator's disagreement (bot.audits.moderation_action.offer).

In the terminal chat `skip` finishes a moderation without an action; in Slack there was no button for it, so a
moderator had to know to type it (fix43b). The button does exactly what the typed word does
(bot.audits.moderation.action_skipped), and only while the offer it was shown with is still the question waiting:
a second tap, or Slack sending the press again, finds the moderation saved (or the moderator at another question)
and changes nothing. Two taps at once both reach the save, whose compare-and-set (bot.storage.moderation
decide_moderation) lets one through; the other is told it was already saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits import moderated, moderation, moderation_action
from bot.core import buttons
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import StaleAction
from bot.storage import audits as store
from bot.storage import readback as readback_store

HINT = "type `/audit moderate` to see the moderations you hold"


def offered_here(waiting: Mapping[str, Any], audit_id: int) -> bool:
    """Whether the conversation waits at the offered (not needed) action of this audit's moderation."""
    return (waiting.get("awaiting") == moderation_action.WHAT and bool(waiting.get(moderation_action.OPTIONAL))
            and waiting.get("audit_id") == audit_id)


def on_skip(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Skip*: the moderation saved without an action, as `skip` typed there saves it; once only."""
    audit_id = buttons.record_id(value, HINT)
    waiting = store.conversation(services.storage, turn.user_id)
    if not offered_here(waiting, audit_id):
        raise StaleAction(out_of_date(services, turn, audit_id))
    try:
        return moderation.action_skipped(services, turn, dict(waiting))
    except StaleAction:  # a tap at the same moment saved it first (or the moderation is no longer theirs)
        raise StaleAction(out_of_date(services, turn, audit_id)) from None


def out_of_date(services: Services, turn: Turn, audit_id: int) -> str:
    """What a Skip pressed after its question has gone is told: saved already (by them), or no longer asked."""
    latest = readback_store.latest_moderation(services.storage, audit_id)
    if latest is not None and latest.get("moderator_id") == turn.user_id and not _reopened(services, turn, audit_id):
        return (f"Your moderation of audit #{audit_id} is already saved, so Skip changed nothing. `/audit show "
                f"{audit_id}` shows it.")
    return (f"That Skip is out of date: audit #{audit_id}'s moderation is not waiting for it any more, so nothing "
            f"changed; {HINT}.")


def _reopened(services: Services, turn: Turn, audit_id: int) -> bool:
    """Whether this moderator holds the audit's moderation open again (`change moderation N`) after deciding it."""
    waiting = store.conversation(services.storage, turn.user_id)
    return waiting.get("audit_id") == audit_id and str(waiting.get("awaiting", "")).startswith("moderation_")


def install(engine: Engine, services: Services) -> None:
    """Register *Skip*, its refusals worded as every audit button's are (bot.audits.moderated)."""
    engine.add_action(moderation_action.SKIP, lambda turn, value: moderated.worded(
        services, lambda: on_skip(services, turn, value)))
