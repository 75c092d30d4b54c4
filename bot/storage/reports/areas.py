"""Grades by practice area (checklist): the query behind `/audit areas` (bot.digests.areas)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.storage.common import COMPLETED_SQL, GRADE_OF_RECORD_SQL, utc_text
from bot.storage.db import Storage


def grades_by_checklist(storage: Storage, start: datetime, end: datetime,
                        team_ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """checklist id -> {grade of record (or 'ungraded'): count} of the completed audits of these teams submitted in
    [start, end): each audit once, at the moderator's grade once moderated, as the digests count grades."""
    if not team_ids:
        return {}
    grade = GRADE_OF_RECORD_SQL.format(a="")
    rows = storage.db.execute(
        f"SELECT checklist_id, COALESCE({grade}, 'ungraded') AS record_grade, COUNT(*) FROM audits "
        f"WHERE submitted_at >= ? AND submitted_at < ? AND status IN {COMPLETED_SQL} "
        f"AND team_id IN ({','.join('?' * len(team_ids))}) GROUP BY checklist_id, record_grade",
        [utc_text(start), utc_text(end), *team_ids],
    ).fetchall()
    found: dict[str, dict[str, int]] = {}
    for checklist_id, record_grade, count in rows:
        found.setdefault(checklist_id, {})[record_grade] = int(count)
    return found
