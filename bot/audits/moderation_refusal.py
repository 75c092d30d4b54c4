"""Why *this* person may not moderate an audit, and who will (trial 52 F9).

A QA lead's `moderate 125`, on her own audit, was told "moderators are QA leads, or managers of another team, and
never the auditor or the worker…": she *is* a QA lead, and the reason was left to be inferred. She is now told "You
audited #125, so someone else moderates it: it stays in the queue for the other QA leads and managers of other
teams." (likewise "it is of your case" for the worker, "you manage the team whose case it is" for its managers).
`can i moderate my own audit 125` in words gets the same answer (it got three knowledge-base suggestions), or, for
someone who may, the command that opens it.
"""

from __future__ import annotations

import re

from bot.core import policy
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied
from bot.settings.people import Role
from bot.storage import audits as store

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)
ASKED = re.compile(r"^\s*(?:can|could|may|am\s+i\s+allowed\s+to|should)\s+(?:i\s+)?(?:moderate|do\s+the\s+moderation\s+"
                   r"(?:of|on|for))\s+(?:my\s+own\s+|my\s+|our\s+|this\s+|the\s+)?(?:audit\s+|case\s+)?#?"
                   r"(?P<id>\d{1,9})\s*[?.!]*\s*$", re.IGNORECASE)


def _who_else(person_role: Role | None, audit_is_theirs: bool) -> str:
    """Who keeps the audit in their queue, said from where the person stands."""
    if person_role in (Role.QA_LEAD, Role.ADMIN) and audit_is_theirs:
        return "the other QA leads and managers of other teams"
    return "the QA leads and managers of other teams"


def reason(services: Services, user_id: str, audit: store.AuditRow) -> str:
    """One line: why this person may not moderate `audit`, and whose queue it stays in."""
    person = services.directory.person(user_id)
    role = person.role if person is not None else None
    if user_id == audit.auditor_id:
        why = f"You audited #{audit.id}, so someone else moderates it"
    elif user_id == audit.worker_id:
        why = f"#{audit.id} is the audit of your case, so someone else moderates it"
    elif role is Role.MANAGER:
        why = f"You manage the team whose case #{audit.id} is, so a manager of another team or a QA lead moderates it"
    else:
        return (f"Only QA leads and managers of other teams moderate audits, so #{audit.id} stays in their queue; you "
                f"can read it with `show {audit.id}` if it is yours to see.")
    return f"{why}: it stays in the queue for {_who_else(role, user_id == audit.auditor_id)}."


def asked(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`can i moderate my own audit 125`: the reason for this person, or for one who may, the command's reply."""
    if (said := ASKED.match(text or "")) is None:
        return None
    audit = store.get_audit(services.storage, int(said.group("id")))
    if audit is None or audit.submitted_at is None:
        return None
    if policy.may_moderate(services.directory, turn.person, audit):
        return engine.dispatch_command(turn, "moderate", str(audit.id))
    raise AccessDenied(reason(services, turn.user_id, audit))


def install(engine: Engine, services: Services) -> None:
    """Read `can i moderate 125` before the knowledge base."""
    engine.add_message_handler(lambda turn, text: asked(engine, services, turn, text), priority=PRIORITY)
