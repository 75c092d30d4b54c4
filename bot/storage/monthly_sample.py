"""The monthly moderation sample's rows (`/audit moderate sample`, trial 62 F4): the audits a month's draw may take,
the draw recorded once a month, and the drawn audits as they stand now (moderated since, or still waiting).

A month is kept as 'YYYY-MM'; the bounds of the month are the caller's (the council's local month, as aware
datetimes), as bot.storage.reports.digests.moderated_of_submitted takes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage
from bot.storage.trail import record_trail


@dataclass(frozen=True)
class SampleAudit:
    """A submitted audit as the monthly sample sees it: in the draw's pool, or drawn (with its status now)."""

    audit_id: int
    team_id: str | None
    grade: str | None
    auditor_id: str
    status: str = "submitted"


@dataclass(frozen=True)
class Drawn:
    """A month's draw: when and by whom, the share it used, and its audits as they stand now, in number order."""

    month: str
    drawn_at: datetime
    drawn_by: str
    share: float
    audits: tuple[SampleAudit, ...]


def eligible(storage: Storage, start: datetime, end: datetime, reader_id: str) -> list[SampleAudit]:
    """The audits a month's draw takes from: submitted in [start, end), waiting for moderation (not opened, not
    decided), neither done by the reader nor about a case where they are the worker; in number order."""
    rows = storage.db.execute(
        "SELECT id, team_id, overall_grade, auditor_id FROM audits WHERE status = 'submitted' AND submitted_at >= ? "
        "AND submitted_at < ? AND auditor_id != ? AND (worker_id IS NULL OR worker_id != ?) ORDER BY id",
        [utc_text(start), utc_text(end), reader_id, reader_id]).fetchall()
    return [SampleAudit(int(r[0]), r[1], r[2], r[3]) for r in rows]


def submitted_counts(storage: Storage, start: datetime, end: datetime) -> dict[str | None, int]:
    """team -> how many of its audits were submitted in [start, end), however they stand now (moderated or not):
    what "2 of the team's 14" counts."""
    rows = storage.db.execute(
        "SELECT team_id, COUNT(*) FROM audits WHERE submitted_at >= ? AND submitted_at < ? AND status IN "
        "('submitted', 'in_moderation', 'moderated') GROUP BY team_id", [utc_text(start), utc_text(end)]).fetchall()
    return {r[0]: int(r[1]) for r in rows}


def record_draw(storage: Storage, month: str, chosen: Sequence[SampleAudit], share: float, actor: str,
                now: datetime) -> bool:
    """Keep the month's draw, once: False (nothing written) when it was drawn already, by anyone. The trail keeps
    who drew it and which audits."""
    with storage.write() as db:
        cursor = db.execute("INSERT OR IGNORE INTO monthly_samples (month, drawn_at, drawn_by, share) "
                            "VALUES (?, ?, ?, ?)", [month, utc_text(now), actor, share])
        if cursor.rowcount != 1:
            return False
        db.conn.executemany("INSERT INTO monthly_sample_audits (month, audit_id, team_id) VALUES (?, ?, ?)",
                            [(month, a.audit_id, a.team_id) for a in chosen])
        record_trail(storage, actor, "moderation.monthly_sample",
                     {"month": month, "share": share, "audits": [a.audit_id for a in chosen]}, now)
    return True


def drawn(storage: Storage, month: str) -> Drawn | None:
    """The month's draw with its audits as they are now; None when it has not been drawn."""
    head = storage.db.execute("SELECT drawn_at, drawn_by, share FROM monthly_samples WHERE month = ?",
                              [month]).fetchone()
    if head is None:
        return None
    rows = storage.db.execute(
        "SELECT a.id, s.team_id, a.overall_grade, a.auditor_id, a.status "
        "FROM monthly_sample_audits s JOIN audits a ON a.id = s.audit_id WHERE s.month = ? ORDER BY a.id",
        [month]).fetchall()
    audits = tuple(SampleAudit(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows)
    return Drawn(month, parse_utc(head[0]), head[1], float(head[2]), audits)


def sample_months(storage: Storage, audit_ids: Sequence[int]) -> dict[int, str]:
    """audit -> the month ('YYYY-MM') whose monthly sample drew it, for those of `audit_ids` drawn: how
    `/audit moderate` marks them."""
    if not audit_ids:
        return {}
    rows = storage.db.execute(
        f"SELECT audit_id, MAX(month) FROM monthly_sample_audits WHERE audit_id IN ({', '.join('?' * len(audit_ids))}) "
        "GROUP BY audit_id", list(audit_ids)).fetchall()
    return {int(r[0]): r[1] for r in rows}
