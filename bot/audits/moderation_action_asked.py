"""A moderator asking to add an action to an audit: `can i add an action to 27? the sw needs to see the children alone`.

Trial 33 (M4): after disagreeing with a grade other than Inadequate there was no way to add an action, and the question
got an unrelated "Did you mean…" and went on the QA leads' unanswered list. A moderation sets an action only with its
decision: an Inadequate grade of record needs one, and a disagreement is offered one after its reason
(bot.audits.moderation_action; fix41d); an audit's other actions are its auditor's. Asked at that offer, it is told to
type the action there. So the question is answered plainly, for the audit it names: open and undecided, `send back 27
<what needs doing>` returns it to its auditor with that note, to add the action and submit again; moderated, its auditor
is named to ask. What follows the question is never stored or said back (it may name a child). Anyone but a moderator
asking about an audit that is not theirs to moderate goes on to the knowledge base, as before.
"""

from __future__ import annotations

import re

from bot.audits.moderation import MODERATORS
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store
from bot.storage import moderation as moderation_store

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)
_ASKED = re.compile(r"^\s*(?:(?:ok|okay|so|hi|please|sorry|also)\b[\s,]*)*"
                    r"(?:(?:can|could|may|do|should|how\s+(?:do|can|would))\s+(?:i|we)\s+(?:also\s+)?|"
                    r"i\s+(?:want|need|would\s+like)\s+to\s+|i['’]?d\s+like\s+to\s+|let\s+me\s+|"
                    r"is\s+there\s+(?:a\s+)?way\s+to\s+|how\s+to\s+)?"
                    r"(?:add|set|give|put|raise|make)\s+(?:an?\s+|another\s+|one\s+more\s+)?(?:new\s+|extra\s+)?"
                    r"actions?\s+(?:to|on|for|against)\s+(?:audit\s+)?#?(?P<id>\d{1,9})\b", re.IGNORECASE)
_ONLY_INADEQUATE = ("A moderation sets an action with its decision only when you disagree with the grade (one is "
                    "offered after your reason) or grade it **Inadequate**; an audit's other actions are its "
                    "auditor's to add.")


def answer(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The plain answer for a moderator asking to add an action to an audit they may moderate; None otherwise."""
    asked = _ASKED.match(text or "")
    if asked is None or turn.person.role not in MODERATORS:
        return None
    audit_id = int(asked.group("id"))
    audit = store.get_audit(services.storage, audit_id)
    if audit is None or audit.auditor_id == turn.user_id or audit.status == "draft":
        return None  # their own audit, a draft, or none: not a moderator's question
    auditor = services.directory.label(audit.auditor_id)
    held = moderation_store.current_moderation(services.storage, audit_id)
    if audit.status == "moderated":
        how = (f"Audit #{audit_id} is moderated, so ask its auditor, {auditor}, to add it (it is theirs to add, "
               "with its owner and due date).")
    elif held is not None and held.moderator_id == turn.user_id and _offered_now(services, turn, audit_id):
        how = ("Type it now, at the question below: what needs to happen (its owner and due date are asked next), or "
               "`skip` to finish without one.")
    elif held is not None and held.moderator_id == turn.user_id:
        how = (f"To have one added to audit #{audit_id}, type `send back {audit_id} <what needs doing>` instead of "
               f"deciding: it goes back to its auditor, {auditor}, with your note, to add the action and submit it "
               "again.")
    else:
        how = (f"To have one added to audit #{audit_id}, open it (`moderate {audit_id}`) and type `send back "
               f"{audit_id} <what needs doing>`: it goes back to its auditor, {auditor}, with your note.")
    after = " Nothing you typed after the question was saved." if text[asked.end():].strip(" ?.!") else ""
    return [Reply(text=f"{_ONLY_INADEQUATE} {how}{after}")]


def _offered_now(services: Services, turn: Turn, audit_id: int) -> bool:
    """Whether the moderator is at the action offered with their disagreement on this audit (fix41d)."""
    waiting = store.conversation(services.storage, turn.user_id)
    return waiting.get("awaiting") == "moderation_action" and waiting.get("audit_id") == audit_id


def install(engine: Engine, services: Services) -> None:
    """Register the question, before the knowledge base answers it."""
    engine.add_message_handler(lambda turn, text: answer(services, turn, text), priority=PRIORITY)
