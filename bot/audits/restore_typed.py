"""`restore 139` typed without `/audit` by someone who may restore cancelled audit #139: it is restored, exactly as
`/audit restore 139` does (fix70b A).

For QA leads and admins a typed `restore N` was the learned-wording undo (bot.asking.learned_admin, priority 85), so a
QA lead who had cancelled a leaver's draft with `cancel 139` and typed `restore 139` was told "There is no learned
wording #139". Now, before that reader, a cancelled audit the person may restore (their own, or a leaver's draft they
cancelled) is the audit's: restored when no rejected learned wording has that number; when one has, they are asked
which (a numbered choice, or typed `audit` / `wording`), never guessed, while the audit is within its 7 days. Anyone
else's `restore N`, and a number that is no cancelled audit of theirs, goes on as before. Pure of Slack.
"""

from __future__ import annotations

import re

from bot.audits import leaver_draft
from bot.audits import start as audits_start
from bot.core import policy
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store
from bot.storage import learned as learned_store
from bot.storage.audits import AuditRow

PRIORITY = 84  # after every step waiting for typed text, before the QA leads' learned-wording reader (85)
TYPED = re.compile(r"\s*restore\s+#?(?P<number>\d{1,9})\s*", re.IGNORECASE)
LEARNED_RESTORE = "kb.learned.restore"  # the learned wording's Restore button (bot.asking.learned_admin.RESTORE)
AUDIT_WORDS = ("audit", "the audit", "restore the audit", "draft", "the draft")
WORDING_WORDS = ("wording", "the wording", "learned wording", "the learned wording", "restore the wording")


def typed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`restore N`: the audit restored as `/audit restore N` does, or asked which when a rejected learned wording
    has the same number; None for a number that is no cancelled audit this person may restore."""
    found = TYPED.fullmatch(text)
    audit = store.get_audit(services.storage, int(found.group("number"))) if found is not None else None
    if audit is None or not _theirs(turn, audit):
        return None
    wording = policy.may_keep_knowledge(turn.person) and learned_store.restorable(services.storage, audit.id)
    if not wording:
        return engine.dispatch_command(turn, "restore", str(audit.id))
    if turn.now > store.cancelled_at(audit) + audits_start.RESTORE_WINDOW:
        return None  # too late for the audit: the wording's undo, as before
    return [confirmations.offer(services, turn, _which(services, turn, audit), AUDIT_WORDS, WORDING_WORDS)]


def _theirs(turn: Turn, audit: AuditRow) -> bool:
    """A cancelled audit this person may restore: their own, or a leaver's draft they cancelled."""
    own = audit.status == "cancelled" and policy.may_change_own_audit(turn.user_id, audit)
    return own or leaver_draft.cancelled_by(turn, audit)


def _which(services: Services, turn: Turn, audit: AuditRow) -> Reply:
    whose = "" if audit.auditor_id == turn.user_id else f" of {services.directory.label(audit.auditor_id)}"
    return Reply(kind="question",
                 text=f"`restore {audit.id}` could mean two things: cancelled audit #{audit.id} ({audit.case_ref}"
                      f"{whose}), or learned wording #{audit.id}, which a QA lead rejected. Which do you want to "
                      "restore? Nothing is restored until you pick (or type `audit` or `wording`).",
                 choices=(Choice(f"Audit #{audit.id} ({audit.case_ref})", "audit.restore", str(audit.id)),
                          Choice(f"Learned wording #{audit.id}", LEARNED_RESTORE, str(audit.id))))


def install(engine: Engine, services: Services) -> None:
    """Register the reader (see the module)."""
    engine.add_message_handler(lambda turn, text: typed(engine, services, turn, text), priority=PRIORITY)
