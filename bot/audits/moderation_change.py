"""A moderator changes their own decision: `change moderation 137` (or in words, "i need to change my moderation on
137, i was too harsh"). Trial 26's head of service got "I don't know that yet", and `moderate 137` said "nothing left
to decide", after an Inadequate that had already alerted both QA leads.

The moderation opens again for them (bot.storage.moderation.reopen_decision, in the trail), the audit in moderation
and read-only for its auditor, who is told; the earlier decision stays the grade of record until the new one is made,
at the usual *Agree* / *Disagree*. Alerts already sent cannot be recalled: the new decision tells those an earlier
Inadequate reached that it no longer stands, or alerts when it is Inadequate now (bot.audits.moderation_changed).
Only the moderator of the latest decision may change it; anyone else is told who can."""

from __future__ import annotations

import re
from typing import Any

from bot.audits import lifecycle, moderation
from bot.audits.moderation_unchanged import decided_on, decision_said
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.near_miss import NUMBER
from bot.engine.routing import Engine, Turn
from bot.errors import StaleAction, UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage import moderation as moderation_store
from bot.storage import readback as readback_store
from bot.storage.errors import Conflict, NotFound

# "change moderation 137", "i need to change my moderation on 137, i was too harsh", "redo my moderation of #137",
# "can i reopen the moderation for audit 137?", "undo moderation 137"
TYPED = re.compile(r"^\s*(?:(?:i\s+(?:need|want|would\s+like|have)\s+to|i['’]?d\s+like\s+to|can\s+i|could\s+i|"
                   r"please|let\s+me|how\s+do\s+i)\s+)?(?:change|redo|re-do|undo|re-?open|revise|amend|correct|fix|"
                   r"rethink|reconsider)\s+(?:my\s+|the\s+)?moderation(?:\s+decision)?\s+(?:(?:on|of|for)\s+)?"
                   r"(?:audit\s+)?#?(?P<id>\d{1,9})\b(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
PRIORITY = 24  # before the moderation's own typed words (25): a whole request naming its audit


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A moderation asked to change, by its audit's number; None for other text."""
    asked = TYPED.match(text)
    if asked is None or len(asked.group("rest")) > 300:
        return None
    return change(services, turn, int(asked.group("id")))


def change(services: Services, turn: Turn, audit_id: int) -> list[Reply]:
    """Open the moderation of `audit_id` again for its moderator, with what happens to what it set off."""
    audit = store.get_audit(services.storage, audit_id)
    earlier = readback_store.latest_moderation(services.storage, audit_id) if audit is not None else None
    if audit is None or earlier is None:
        raise lifecycle.no_such_audit(audit_id, lifecycle.MODERATION_LISTED) if audit is None else UserError(
            f"Audit #{audit_id} has not been moderated, so there is no decision to change.")
    if earlier["moderator_id"] != turn.user_id:
        raise UserError(f"Only {services.directory.label(earlier['moderator_id'])}, who moderated audit #{audit_id}, "
                        "can change that decision: ask them.")
    if audit.status == "in_moderation":
        return moderation.deciding(services, turn, audit_id)  # re-opened already: the decision waits
    try:
        moderation_store.reopen_decision(services.storage, audit_id, turn.user_id, turn.now)
    except (Conflict, NotFound):
        raise StaleAction(f"Audit #{audit_id} is {audit.status.replace('_', ' ')}, so its moderation can't be "
                          "changed now.") from None
    told = Reply(to_user=audit.auditor_id, kind="notice",
                 text=f"{services.directory.label(turn.user_id)} is changing their moderation of your audit "
                      f"#{audit_id} (they {decision_said(earlier)}). It is read-only for you until they decide again; "
                      "you will be told the new decision.")
    return [Reply(kind="notice", text=_opened_text(services, audit, earlier)),
            *moderation.deciding(services, turn, audit_id), told]


def _opened_text(services: Services, audit: store.AuditRow, earlier: dict[str, Any]) -> str:
    """What re-opening means for the moderator: the decision stands until the new one, and what it set off."""
    lines = [f"Your moderation of audit #{audit.id} is open again (on {decided_on(services, earlier)} you "
             f"{decision_said(earlier)}). "
             "Decide it afresh below; until you do, that decision stays its grade of record. The auditor is told."]
    if earlier.get("grade") == "inadequate":
        lines.append("The alerts its Inadequate grade sent have gone and can't be recalled: if you now grade it "
                     "otherwise, I'll tell everyone they reached that it no longer stands.")
    if _set_at_moderation(services, audit.id, earlier):
        lines.append("The action you set on it stays open: its owner can mark it done.")
    lines.append("`pause` steps out and leaves it for you to decide (`/audit moderate` lists it); `cancel` keeps your "
                 "decision as it was.")
    return "\n".join(lines)


def _set_at_moderation(services: Services, audit_id: int, earlier: dict[str, Any]) -> bool:
    """Whether an action the moderator set on this audit is still open."""
    return any(a.created_by == earlier["moderator_id"] and a.done_at is None
               for a in action_store.actions_of_audit(services.storage, audit_id))


USAGE = "/audit change moderation <audit number>"


def command(services: Services, turn: Turn, rest: str) -> list[Reply]:
    """`/audit change moderation 9`, the form the auditor's response DM names (trial 62 F1: only the bare words ran,
    the slash command was "I don't know /audit change"): read as the bare line is; other words get the usage."""
    replies = typed(services, turn, f"change moderation {rest}")
    if replies is None:
        raise UserError(f"That isn't how `/audit change moderation` is typed: `{USAGE}`, like `change moderation 12`.")
    return replies


def install(engine: Engine, services: Services) -> None:
    """Register the typed request to change a moderation, and `/audit change moderation N` (two words: a bare
    `change 3` stays the audit review's, bot.engine.routing.Engine.dispatch_command)."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
    engine.add_command("change moderation", lambda turn, rest: command(services, turn, rest),
                       "open your own moderation of an audit again to revise it", usage=USAGE,
                       roles=moderation.MODERATORS, who_can="QA leads, team managers and admins",
                       typed=NUMBER)  # typed bare, `change moderation 9` and its wordings are `typed`'s, above
