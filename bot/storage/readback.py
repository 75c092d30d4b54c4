"""Reading submitted audits back: the lists people may read, a moderation's outcome, and the auditor's response.

The list filter (who may read what) is decided by bot.core.policy; here it arrives as plain ids and runs in SQL
before the limit, so a long run of audits someone may not read cannot hide one they may.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from bot.storage.audits import AuditRow, audit_row, write_waiting
from bot.storage.common import GRADE_OF_RECORD_SQL, people_and_teams_scope, select, utc_text
from bot.storage.db import Storage
from bot.storage.errors import Conflict
from bot.storage.trail import record_trail

READABLE_STATUSES = ("submitted", "in_moderation", "moderated")


def readable_audits(storage: Storage, *, people: Collection[str] | None = None,
                    teams: Collection[str] | None = None, case_ref: str | None = None,
                    moderator: str | None = None, grade: str | None = None, limit: int = 20,
                    offset: int = 0) -> tuple[int, list[AuditRow]]:
    """How many submitted (or moderated, or reopened for changes) audits match, and the newest `limit` of them
    after skipping `offset`.

    `people` keeps audits done by, or of the cases of, those people; `teams` keeps those teams' audits;
    `moderator` keeps the audits that person holds open for moderation or decided; given several, an audit
    matching any is kept; none means every audit (QA leads and admins). `grade` keeps those whose standing grade
    (the moderated one where moderation changed it) is that grade (`/audit list inadequate`).
    """
    # a reopened audit (a draft again, once submitted) is still listed: policy.may_view reads it as submitted
    marks = ", ".join("?" * len(READABLE_STATUSES))
    where = [f"(status IN ({marks}) OR (status = 'draft' AND submitted_at IS NOT NULL))"]
    params: list[Any] = list(READABLE_STATUSES)
    if case_ref is not None:
        where.append("case_ref = ?")
        params.append(case_ref)
    if grade is not None:
        where.append(f"{GRADE_OF_RECORD_SQL.format(a='')} = ?")
        params.append(grade)
    if people is not None or teams is not None or moderator is not None:
        who, values = people_and_teams_scope(people, teams)
        params += values
        if moderator is not None:
            who.append("id IN (SELECT audit_id FROM moderations WHERE moderator_id = ?)")
            params.append(moderator)
        where.append("(" + " OR ".join(who) + ")" if who else "0")
    clause = " AND ".join(where)
    total = int(storage.db.execute(f"SELECT COUNT(*) FROM audits WHERE {clause}", params).fetchone()[0])
    rows = select(storage.db, f"SELECT * FROM audits WHERE {clause} "
                              "ORDER BY COALESCE(submitted_at, updated_at) DESC, id DESC LIMIT ? OFFSET ?",
                  [*params, limit, offset])
    return total, [audit_row(r) for r in rows]


def reflected_audit_ids(storage: Storage, worker_id: str) -> set[int]:
    """The audits this worker has added reflections to (a withdrawn reflection is gone): a manager's picture of one
    worker counts them against the audits of their cases."""
    rows = storage.db.execute("SELECT DISTINCT audit_id FROM reflections WHERE worker_id = ?", [worker_id])
    return {int(row[0]) for row in rows.fetchall()}


def moderators_of(storage: Storage, audit_ids: Collection[int]) -> dict[int, set[str]]:
    """audit id -> who holds its moderation open or decided it (a moderation taken over is the new holder's)."""
    ids = sorted(set(audit_ids))
    if not ids:
        return {}
    found: dict[int, set[str]] = {}
    rows = storage.db.execute(f"SELECT audit_id, moderator_id FROM moderations WHERE audit_id IN "
                              f"({', '.join('?' * len(ids))})", ids).fetchall()
    for audit_id, moderator_id in rows:
        found.setdefault(int(audit_id), set()).add(moderator_id)
    return found


def latest_moderation(storage: Storage, audit_id: int) -> dict[str, Any] | None:
    """The audit's decided moderation (the latest, should there be several), with the auditor's response."""
    rows = list(select(storage.db, "SELECT * FROM moderations WHERE audit_id = ? AND decided_at IS NOT NULL "
                                   "ORDER BY decided_at DESC, id DESC LIMIT 1", [audit_id]))
    return rows[0] if rows else None


def decided_moderations(storage: Storage, audit_id: int) -> list[dict[str, Any]]:
    """Every decided moderation of the audit, the first decided first, each with the auditor's response: a decision
    changed (`change moderation 12`) keeps the earlier one on record."""
    return list(select(storage.db, "SELECT * FROM moderations WHERE audit_id = ? AND decided_at IS NOT NULL "
                                   "ORDER BY decided_at, id", [audit_id]))


def awaiting_response(storage: Storage, auditor_id: str) -> list[int]:
    """The auditor's moderated audits whose latest decided moderation has no response yet (Accept or Respond still
    open to them), oldest decision first: Home, `/audit reminders` and `respond` alone list them (trial 28: they
    were only found by opening each audit)."""
    rows = storage.db.execute(
        "SELECT a.id FROM audits a JOIN moderations m ON m.audit_id = a.id "
        "WHERE a.auditor_id = ? AND a.status = 'moderated' AND m.response IS NULL AND m.id = ("
        " SELECT m2.id FROM moderations m2 WHERE m2.audit_id = a.id AND m2.decided_at IS NOT NULL "
        " ORDER BY m2.decided_at DESC, m2.id DESC LIMIT 1) "
        "ORDER BY m.decided_at, a.id", [auditor_id]).fetchall()
    return [int(row[0]) for row in rows]


def respond_to_moderation(storage: Storage, moderation_id: int, auditor_id: str, text: str | None,
                          now: datetime, waiting: dict[str, Any] | None = None) -> None:
    """Store the auditor's one response: accepted (`text` None) or a short reply; a second one changes nothing
    and raises Conflict."""
    with storage.write() as db:
        cursor = db.execute(
            "UPDATE moderations SET response = ?, response_text = ?, responded_at = ? "
            "WHERE id = ? AND response IS NULL AND decided_at IS NOT NULL",
            ["accepted" if text is None else "replied", text, utc_text(now), moderation_id])
        if cursor.rowcount != 1:
            raise Conflict(None, "already responded")
        record_trail(storage, auditor_id, "audit.moderation_response",
                     {"moderation": moderation_id, "accepted": text is None}, now)
        write_waiting(db, auditor_id, waiting, now)


def submitted_order(audit: AuditRow) -> tuple[str, int]:
    """Where an audit stands among the audits of its case: when it was first submitted, then its number. A
    reopened and resubmitted audit keeps its first submission, so its place does not move."""
    return audit.submitted_at or audit.updated_at, audit.id


def audit_before(storage: Storage, audit: AuditRow) -> AuditRow | None:
    """The audit of the same case submitted most recently before `audit` (submitted or moderated: never a draft
    or a cancelled one), for `/audit compare`; None when `audit` is the case's first."""
    when, audit_id = submitted_order(audit)
    marks = ", ".join("?" * len(READABLE_STATUSES))
    rows = select(storage.db,
                  f"SELECT * FROM audits WHERE case_ref = ? AND status IN ({marks}) AND id != ? AND "
                  "(COALESCE(submitted_at, updated_at) < ? OR (COALESCE(submitted_at, updated_at) = ? AND id < ?)) "
                  "ORDER BY COALESCE(submitted_at, updated_at) DESC, id DESC LIMIT 1",
                  [audit.case_ref, *READABLE_STATUSES, audit_id, when, when, audit_id])
    return audit_row(rows[0]) if rows else None
