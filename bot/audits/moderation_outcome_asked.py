"""A moderation's outcome asked for in words: "why was my audit 76 regraded", "why did the QA lead change my grade on
audit 76", "what did moderation say about 76".

Trial 64 (F7): a manager told minutes earlier that audit 76 had been moderated asked why it was regraded and got "I
don't know that yet", the line going on the QA leads' unanswered list. The answer is the outcome as the worker and
their managers are told it (bot.audits.moderation_told.worker_verdict, bot.audits.readback.outcome_notices): the
grade the auditor gave and the moderator's, the moderator's reason and any action set, to those who may read the
audit. An audit not moderated says so; with no number, the reader's latest moderated audits readable to them.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.audits.core import can_view, grade_label
from bot.audits.moderation_told import worker_verdict
from bot.core.replies import Reply
from bot.core.sentences import as_sentence
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store
from bot.storage import readback as readback_store

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)
SHOWN = 3  # moderated audits told when none is named
_ABOUT = r"(?:regraded|re\s?graded|moderated|downgraded|upgraded|changed|moderation|moderator|regrade)"
_ASKED = re.compile(rf"^(?:why|how\s+come)\b.*\b{_ABOUT}\b|\b(?:moderation|moderator|qa\s+lead)\s+(?:say|said|"
                    r"decide|decided|think|thought|write|wrote)\b|\bchange(?:d)?\s+(?:my|the|our)\s+grade\b")
_GRADED = re.compile(r"grad|moderat")  # "why was 12 changed" is about a grade only when it says so
_NUMBER = re.compile(r"(?:audit\s*#?|#|\b)(\d{1,6})\b")


def asks_outcome(text: str) -> bool:
    """Whether `text` asks why an audit was regraded or what its moderation said (not "what is moderation", nor
    "what happens when my audit is moderated": the knowledge base's)."""
    said = plainly(text)
    return len(said.split()) <= 20 and bool(_ASKED.search(said)) and bool(_GRADED.search(said))


def answer(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The moderation outcome of the audit named, or of the reader's latest moderated ones; None when not asked."""
    if not asks_outcome(text):
        return None
    named = _NUMBER.search(plainly(text))
    if named is None:
        return [_latest(services, turn)]
    audit = store.get_audit(services.storage, int(named.group(1)))
    if audit is None or audit.status == "cancelled" or not can_view(services, turn.person, audit):
        return [Reply(text=f"I can't find an audit #{named.group(1)} you may read. `/audit list mine` lists yours.")]
    return [Reply(text=outcome(services, audit))]


def outcome(services: Services, audit: store.AuditRow) -> str:
    """What the moderation decided, as the worker and managers were told it, or that there is none yet."""
    decided = readback_store.decided_moderations(services.storage, audit.id)
    if not decided:
        return (f"Audit #{audit.id} has not been moderated: its grade is the auditor's, "
                f"**{grade_label(audit.overall_grade)}**. `/audit show {audit.id}` opens it.")
    latest, earlier = decided[-1], (decided[-2] if len(decided) > 1 else None)
    moderator = services.directory.label(latest["moderator_id"])
    moderated, verdict = worker_verdict(moderator, latest, earlier, audit.overall_grade)
    if not latest["agrees"] and earlier is None:
        verdict += f", where the auditor graded it **{grade_label(audit.overall_grade)}**"
    reason = (latest.get("reason") or "").strip()
    said = f"Audit #{audit.id} was {moderated}: {verdict}." + (f" Reason: {as_sentence(reason)}" if reason else "")
    return f"{said}\n`/audit show {audit.id}` opens it, with any action set."


def _latest(services: Services, turn: Turn) -> Reply:
    """With no number: the reader's latest moderated audits (theirs, their cases', their teams')."""
    _, audits = readback_store.readable_audits(services.storage, people=[turn.user_id],
                                               teams=services.directory.managed_team_ids(turn.user_id), limit=50)
    moderated = [a for a in audits if a.status == "moderated" and can_view(services, turn.person, a)][:SHOWN]
    if not moderated:
        return Reply(text="None of your audits has been moderated yet. Name one to ask about it: `why was audit 12 "
                          "regraded`.")
    return Reply(text="\n\n".join(outcome(services, audit) for audit in moderated))


def install(engine: Engine, services: Services) -> None:
    """Register the question, before the knowledge base answers it (and puts it on the QA leads' list)."""
    engine.add_message_handler(lambda turn, text: answer(services, turn, text), priority=PRIORITY)
