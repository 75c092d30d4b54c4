"""Moderation agreement auditor by auditor: the query behind "which auditors do we disagree with most"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.storage.common import COMPLETED_SQL, utc_text
from bot.storage.db import Storage


def agreement_by_auditor(storage: Storage, start: datetime, end: datetime,
                         team_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
    """auditor -> (agreed, decided) of these teams' completed audits submitted in [start, end): each audit once, at
    its latest decision, as bot.storage.reports.digests.moderation_agreement counts a team's."""
    if not team_ids:
        return {}
    rows = storage.db.execute(
        "SELECT a.auditor_id, SUM(m.agrees), COUNT(*) FROM moderations m JOIN audits a ON a.id = m.audit_id "
        f"WHERE a.submitted_at >= ? AND a.submitted_at < ? AND a.status IN {COMPLETED_SQL} AND m.agrees IS NOT NULL "
        "AND m.id = (SELECT l.id FROM moderations l WHERE l.audit_id = a.id AND l.decided_at IS NOT NULL "
        "ORDER BY l.decided_at DESC, l.id DESC LIMIT 1) "
        f"AND a.team_id IN ({','.join('?' * len(team_ids))}) GROUP BY a.auditor_id",
        [utc_text(start), utc_text(end), *team_ids],
    ).fetchall()
    return {auditor: (int(agreed or 0), int(decided)) for auditor, agreed, decided in rows}
