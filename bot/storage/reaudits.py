"""The one read behind re-audits: each case's latest submitted audit, when its grade of record asks for a re-audit.

Which grades ask for one, the due date and who may see it are decided above (bot.core.reaudits, bot.core.policy);
here they arrive as plain values. "Latest" is chosen over every audit of the case before the team or person filter
is applied, so a later audit in another team still clears an earlier one.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from bot.storage.audits import AuditRow, audit_row
from bot.storage.common import COMPLETED_SQL, GRADE_OF_RECORD_SQL, people_and_teams_scope, select, utc_text
from bot.storage.db import Storage


def latest_submitted_needing_reaudit(storage: Storage, grades: Collection[str], *,
                                     people: Collection[str] | None = None, teams: Collection[str] | None = None,
                                     case_ref: str | None = None,
                                     before: datetime | None = None) -> list[tuple[AuditRow, int | None]]:
    """(audit, draft re-audit id or None) for each case whose latest submitted audit has a grade of record in
    `grades`.

    Submitted means submitted and not cancelled: an audit its auditor reopened for changes is a draft again but
    keeps its submission (as every count does, COMPLETED_SQL), so it still stands; a draft never submitted is a
    re-audit under way when it was started at or after that submission. `before` counts only audits submitted (and
    drafts started) before that instant (a digest of a past week). `people` keeps cases whose latest audit was done
    by or is of one of them, `teams` those in one of the teams; given both, either; neither means every case.
    """
    if not grades:
        return []
    cutoff = utc_text(before) if before is not None else "9999"
    params: list[Any] = [cutoff, cutoff]
    scope, where = [], [f"{GRADE_OF_RECORD_SQL.format(a='latest.')} IN ({', '.join('?' * len(grades))})"]
    params += sorted(grades)
    if case_ref is not None:
        where.append("latest.case_ref = ?")
        params.append(case_ref)
    if people is not None or teams is not None:
        conditions, values = people_and_teams_scope(people, teams, "latest.")
        scope += conditions
        params += values
        where.append("(" + " OR ".join(scope) + ")" if scope else "0")
    rows = select(storage.db, f"""
        WITH done AS (
            SELECT *, ROW_NUMBER() OVER (PARTITION BY case_ref ORDER BY submitted_at DESC, id DESC) AS place
            FROM audits WHERE submitted_at IS NOT NULL AND submitted_at < ? AND status IN {COMPLETED_SQL}
        )
        SELECT latest.*, (
            SELECT MIN(draft.id) FROM audits draft WHERE draft.case_ref = latest.case_ref AND draft.status = 'draft'
            AND draft.submitted_at IS NULL AND draft.started_at >= latest.submitted_at AND draft.started_at < ?
        ) AS reaudit_draft
        FROM done AS latest WHERE latest.place = 1 AND {' AND '.join(where)}
        ORDER BY latest.submitted_at, latest.id""", params)
    return [(audit_row(row), row["reaudit_draft"]) for row in rows]


def reaudit_pairs(storage: Storage, grades: Collection[str], start: datetime, end: datetime, *,
                  people: Collection[str] | None = None,
                  teams: Collection[str] | None = None) -> list[tuple[AuditRow, AuditRow]]:
    """(earlier audit, re-audit) for each audit submitted in [start, end) whose case's submitted audit before it had
    a grade of record in `grades`: the re-audits that audit asked for, oldest first. "Before" is by submission then
    number, among completed audits (COMPLETED_SQL), as the digest's re-audit count and the re-audits due read it.
    `people` and `teams` scope by the re-audit, as latest_submitted_needing_reaudit does."""
    if not grades:
        return []
    where = [f"{GRADE_OF_RECORD_SQL.format(a='p.')} IN ({', '.join('?' * len(grades))})"]
    params: list[Any] = [utc_text(start), utc_text(end), *sorted(grades)]
    if people is not None or teams is not None:
        conditions, values = people_and_teams_scope(people, teams, "a.")
        where.append("(" + " OR ".join(conditions) + ")" if conditions else "0")
        params += values
    rows = select(storage.db, f"""
        WITH done AS (SELECT * FROM audits WHERE submitted_at IS NOT NULL AND status IN {COMPLETED_SQL})
        SELECT a.id AS reaudit, p.id AS earlier FROM done a JOIN done p ON p.id = (
            SELECT e.id FROM done e WHERE e.case_ref = a.case_ref AND e.id != a.id AND (e.submitted_at < a.submitted_at
            OR (e.submitted_at = a.submitted_at AND e.id < a.id)) ORDER BY e.submitted_at DESC, e.id DESC LIMIT 1)
        WHERE a.submitted_at >= ? AND a.submitted_at < ? AND {' AND '.join(where)}
        ORDER BY a.submitted_at, a.id""", params)
    ids = sorted({row[key] for row in rows for key in ("reaudit", "earlier")})
    found = {row["id"]: audit_row(row) for row in select(
        storage.db, f"SELECT * FROM audits WHERE id IN ({', '.join('?' * len(ids))})", ids)} if ids else {}
    return [(found[row["earlier"]], found[row["reaudit"]]) for row in rows]
