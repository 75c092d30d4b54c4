"""`accept 1` / `reject 1` typed by someone who is not a QA lead or admin: what the words are, not something else.

Trial 53, F9: a practitioner's `reject 1` was offered as "Did you mean `reflect 1`?", and a manager's `accept 1` got
the knowledge-base entry on the suggested grade. These words are the QA leads' review of learned wordings (`/audit kb
learned`, bot.asking.learned_admin, which reads them for QA leads and admins at a later priority): anyone else is told
so, in one line. Runs after every step waiting for typed text (an audit's step, a moderation: priorities 20-26, where
`accept` may mean something of their own) and before the QA leads' reader (85), the near-miss offer (87) and the
search (90). `restore N` is left alone: it is `/audit restore`, restoring a cancelled audit, for everyone.
"""

from __future__ import annotations

import re

from bot.core import policy
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as audit_store
from bot.storage import readback as readback_store

PRIORITY = 84
# `accept 3`, `reject #3`, `reject wording 3 wrong entry`: the words `kb learned` says to type (`kb accept 3` is the
# `kb` command, refused with whom to ask)
REVIEW_WORDS = re.compile(r"\s*(?:accept|reject)\s+(?:wording\s+)?#?(\d{1,9})\b(?:\s*[-:,–—]?\s+\S.*)?",
                          re.IGNORECASE | re.DOTALL)
SAID = ("`accept`, `reject` and `restore` with a number are the QA leads' review of learned wordings (`/audit kb "
        "learned`), so nothing was done.")


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The line said back as what it is, for someone who may not review learned wordings (for a number that is an
    audit of theirs, what they can do with it; never the knowledge base); None for anyone else or other words."""
    found = REVIEW_WORDS.fullmatch(text)
    if found is None or turn.person is None or policy.may_keep_knowledge(turn.person):
        return None
    audit = audit_store.get_audit(services.storage, int(found.group(1)))
    if audit is not None and turn.person.user_id in (audit.auditor_id, audit.worker_id):
        return [Reply(text=_own_audit_said(services, turn.user_id, audit))]
    return [Reply(text=SAID)]


def _own_audit_said(services: Services, user_id: str, audit: audit_store.AuditRow) -> str:
    """For the auditor or worker of audit N (trial 55 F2: the North manager's `accept 1` got the knowledge-base entry
    on the suggested grade): that nothing was done, and what they can do with that audit, answering its moderation
    only when it waits for them."""
    audit_id, whose = audit.id, "you audited" if audit.auditor_id == user_id else "of your case"
    told = (f"Nothing was done: `accept` and `reject` with a number are the QA leads' review of learned wordings "
            f"(`/audit kb learned`). Audit #{audit_id} ({whose}): `show {audit_id}` opens it")
    if audit_id in readback_store.awaiting_response(services.storage, user_id):
        return f"{told}, and `respond {audit_id} accept` accepts its moderation (you can respond once)."
    return f"{told}."


def install(engine: Engine, services: Services) -> None:
    """Register the reader (see the module)."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
