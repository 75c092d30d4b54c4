"""`undo` straight after `reflect 132 …` (trial 41): the reflection just saved is withdrawn.

`undo` after `reflect` went to the knowledge base, and a reflection saved by mistake (the wrong audit, half a
thought) could not be taken back. As after `done 19` (bot.audits.done_note), the reply saving a reflection offers
*Withdraw* and the words that undo it, typed next; the reflection is removed, the auditor (told it was added) is told
it was withdrawn, and the worker is told how to add it again.
"""

from __future__ import annotations

from bot.audits.done_note import UNDO_WORDS
from bot.core import buttons
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import StaleAction
from bot.storage import audits as store

WITHDRAW = "reflection.withdraw"
WORDS = (*UNDO_WORDS, "withdraw", "withdraw it", "withdraw that", "delete it", "delete that", "remove it",
         "remove that", "take it back")


def offered(services: Services, turn: Turn, saved: Reply, reflection_id: int) -> Reply:
    """The reply saving a reflection, with *Withdraw* and `undo` (typed next) offered to take it back."""
    reply = Reply(text=f"{saved.text}\nSaved by mistake? Type `undo` (or press Withdraw) to take it back.",
                  choices=(Choice("Withdraw", WITHDRAW, str(reflection_id)),))
    return confirmations.offer(services, turn, reply, WORDS)


def on_withdraw(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Withdraw the worker's own reflection: said to them with the way to add it again, and to the auditor."""
    reflection_id = buttons.record_id(value)
    withdrawn = store.withdraw_reflection(services.storage, reflection_id, turn.user_id, turn.now)
    if withdrawn is None:
        raise StaleAction("That reflection has already been withdrawn.")
    audit_id = int(withdrawn["audit_id"])
    audit = store.get_audit(services.storage, audit_id)
    mine = [Reply(text=f"Withdrawn: your reflections are no longer on audit #{audit_id}. To add them again, type "
                       f"`/audit reflect {audit_id}`.")]
    if audit is None or audit.auditor_id == turn.user_id:
        return mine
    return [*mine, Reply(text=f"{services.directory.label(turn.user_id)} withdrew the reflections they added to audit "
                              f"#{audit_id}.", to_user=audit.auditor_id)]
