"""Queries for one person's part of the Home tab: their drafts, open actions and audits this month."""

from __future__ import annotations

from datetime import datetime

from bot.storage.common import COMPLETED_SQL, parse_utc, utc_text
from bot.storage.db import Storage


def drafts_of(storage: Storage, user_id: str,
              limit: int) -> tuple[int, list[tuple[int, str, datetime, datetime | None, str | None]]]:
    """(how many drafts, the most recently touched few as (audit id, checklist title, updated at, reopened at, case
    reference)): `reopened at` is when a submitted audit was reopened for changes (a draft again, out of
    moderation), else None for a draft never submitted; the case reference names which case (trial 41)."""
    total = storage.db.execute(
        "SELECT COUNT(*) FROM audits WHERE auditor_id = ? AND status = 'draft'", [user_id]
    ).fetchone()[0]
    rows = storage.db.execute(
        "SELECT a.id, cv.title, a.updated_at, CASE WHEN a.submitted_at IS NOT NULL THEN "
        "(SELECT MAX(r.changed_at) FROM revisions r WHERE r.audit_id = a.id AND r.field = 'status' "
        "AND r.new_value = 'reopened') END, a.case_ref "
        "FROM audits a JOIN checklist_versions cv ON cv.hash = a.checklist_hash "
        "WHERE a.auditor_id = ? AND a.status = 'draft' ORDER BY a.updated_at DESC LIMIT ?",
        [user_id, limit],
    ).fetchall()
    return int(total), [(r[0], r[1], parse_utc(r[2]), parse_utc(r[3]) if r[3] else None, r[4]) for r in rows]


def completed_by(storage: Storage, user_id: str, start: datetime, end: datetime) -> int:
    """Audits this person completed in [start, end), over the auditor index."""
    row = storage.db.execute(
        f"SELECT COUNT(*) FROM audits WHERE auditor_id = ? AND status IN {COMPLETED_SQL} "
        "AND submitted_at >= ? AND submitted_at < ?",
        [user_id, utc_text(start), utc_text(end)],
    ).fetchone()
    return int(row[0])
