"""Aggregate queries behind the weekly digests and the dashboard: GROUP BY in SQLite, never rows in Python.

Every function answers for many teams at once (or all teams when `team_ids` is None), so the digest for
fifty teams is a handful of queries over the `audits_submitted` index rather than fifty times as many.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.storage.common import COMPLETED_SQL, GRADE_OF_RECORD_SQL, utc_text
from bot.storage.db import Storage


def _team_filter(team_ids: Sequence[str] | None, column: str = "team_id") -> tuple[str, list[str]]:
    if team_ids is None:
        return "", []
    return f" AND {column} IN ({','.join('?' * len(team_ids))})", list(team_ids)


def grade_counts_by_week(storage: Storage, boundaries: Sequence[datetime],
                         team_ids: Sequence[str] | None) -> dict[str, list[dict[str, int]]]:
    """team -> one {grade: count} per week between consecutive boundaries (completed audits only), counting each
    audit's grade of record: the moderator's once it is moderated, else the auditor's."""
    weeks = len(boundaries) - 1
    cases = " ".join(f"WHEN submitted_at < ? THEN {i}" for i in range(weeks - 1))
    bucket = f"CASE {cases} ELSE {weeks - 1} END" if cases else "0"
    where, params = _team_filter(team_ids)
    texts = [utc_text(b) for b in boundaries]
    grade = GRADE_OF_RECORD_SQL.format(a="")
    rows = storage.db.execute(
        f"SELECT team_id, {bucket} AS bucket, COALESCE({grade}, 'ungraded') AS record_grade, COUNT(*) FROM audits "
        f"WHERE submitted_at >= ? AND submitted_at < ? AND status IN {COMPLETED_SQL}{where} "
        "GROUP BY team_id, bucket, record_grade",
        [*texts[1:weeks], texts[0], texts[-1], *params],
    ).fetchall()
    found: dict[str, list[dict[str, int]]] = {}
    for team, index, grade, count in rows:
        found.setdefault(team, [{} for _ in range(weeks)])[index][grade] = count
    return found


def auditor_counts(storage: Storage, week: tuple[datetime, datetime], month: tuple[datetime, datetime],
                   team_ids: Sequence[str] | None) -> dict[str, dict[str, tuple[int, int]]]:
    """team -> auditor -> (completed in the week [start, end), completed in the month span [start, end)): the
    month runs to the week's end while it is under way, and over the whole month once it has ended."""
    where, params = _team_filter(team_ids)
    rows = storage.db.execute(
        "SELECT team_id, auditor_id, SUM(submitted_at >= ? AND submitted_at < ?), "
        "SUM(submitted_at >= ? AND submitted_at < ?) FROM audits "
        f"WHERE submitted_at >= ? AND submitted_at < ? AND status IN {COMPLETED_SQL}{where} "
        "GROUP BY team_id, auditor_id",
        [*map(utc_text, week), *map(utc_text, month), utc_text(min(week[0], month[0])),
         utc_text(max(week[1], month[1])), *params],
    ).fetchall()
    found: dict[str, dict[str, tuple[int, int]]] = {}
    for team, auditor, week_count, month_count in rows:
        found.setdefault(team, {})[auditor] = (int(week_count or 0), int(month_count or 0))
    return found


def demo_counts(storage: Storage, start: datetime, end: datetime, team_ids: Sequence[str] | None) -> dict[str, int]:
    """team -> completed audits in [start, end) that are invented demo data, so a digest can say so."""
    rows = _completed_team_sums(storage, start, end, team_ids, "COUNT(*)", "a.demo != 0")
    return {team: int(count) for team, count in rows}


def count_demo_audits(storage: Storage) -> int:
    """Invented audits anywhere in the database (`audit-bot demo-data`), for the Home tab's warning."""
    return int(storage.db.execute("SELECT COUNT(*) FROM audits WHERE demo != 0").fetchone()[0])


def flagged_question_counts(storage: Storage, start: datetime, end: datetime,
                            team_ids: Sequence[str] | None) -> dict[str, list[tuple[str, str, int]]]:
    """team -> [(checklist id, question id, audits where it was answered badly)], most first: each case once, by
    its latest audit submitted in [start, end) (trial 50: a case audited and re-audited counted twice, so one child
    made a "theme")."""
    where, params = _team_filter(team_ids, "a.team_id")
    rows = storage.db.execute(
        "SELECT a.team_id, a.checklist_id, an.question_id, COUNT(*) AS n FROM audits a "
        "JOIN answers an ON an.audit_id = a.id AND an.flagged = 1 "
        f"WHERE a.submitted_at >= ? AND a.submitted_at < ? AND a.status IN {COMPLETED_SQL}{where} "
        "AND NOT EXISTS (SELECT 1 FROM audits later WHERE later.case_ref = a.case_ref "
        f"AND later.status IN {COMPLETED_SQL} AND later.submitted_at >= ? AND later.submitted_at < ? "
        "AND (later.submitted_at > a.submitted_at OR (later.submitted_at = a.submitted_at AND later.id > a.id))) "
        "GROUP BY a.team_id, a.checklist_id, an.question_id ORDER BY n DESC, an.question_id",
        [utc_text(start), utc_text(end), *params, utc_text(start), utc_text(end)],
    ).fetchall()
    found: dict[str, list[tuple[str, str, int]]] = {}
    for team, checklist, question, count in rows:
        found.setdefault(team, []).append((checklist, question, count))
    return found


def open_and_done_action_counts(storage: Storage, as_at: datetime, week: tuple[datetime, datetime],
                                team_ids: Sequence[str] | None) -> dict[str, tuple[int, int]]:
    """team -> (actions open at `as_at`, actions marked done in the week [start, end)), of completed audits: what a
    manager's digest says of actions beside the overdue ones (trial 21: it said only "Overdue actions: 0")."""
    where, params = _team_filter(team_ids, "a.team_id")
    rows = storage.db.execute(
        "SELECT a.team_id, SUM(ac.created_at < ? AND (ac.done_at IS NULL OR ac.done_at >= ?)), "
        "SUM(ac.done_at >= ? AND ac.done_at < ?) FROM actions ac JOIN audits a ON a.id = ac.audit_id "
        f"WHERE ac.removed_at IS NULL AND a.status IN {COMPLETED_SQL} AND a.submitted_at IS NOT NULL{where} "
        "GROUP BY a.team_id",
        [utc_text(as_at), utc_text(as_at), utc_text(week[0]), utc_text(week[1]), *params],
    ).fetchall()
    return {team: (int(still or 0), int(done or 0)) for team, still, done in rows}


def done_case_counts(storage: Storage, week: tuple[datetime, datetime],
                     team_ids: Sequence[str] | None) -> dict[str, int]:
    """team -> how many cases the actions open_and_done_action_counts counts as done in the week [start, end) are
    on: what a team channel's digest says instead of naming them (fix 41)."""
    where, params = _team_filter(team_ids, "a.team_id")
    rows = storage.db.execute(
        "SELECT a.team_id, COUNT(DISTINCT a.case_ref) FROM actions ac JOIN audits a ON a.id = ac.audit_id "
        f"WHERE ac.removed_at IS NULL AND a.status IN {COMPLETED_SQL} AND a.submitted_at IS NOT NULL AND "
        f"ac.done_at >= ? AND ac.done_at < ?{where} GROUP BY a.team_id",
        [utc_text(week[0]), utc_text(week[1]), *params],
    ).fetchall()
    return {team: int(cases) for team, cases in rows}


@dataclass(frozen=True)
class DoneAction:
    """An action marked done in a digest's week: its number, its audit's case reference, and the done note (screened
    when typed), or None when none was given."""

    id: int
    case_ref: str
    note: str | None


def done_actions(storage: Storage, week: tuple[datetime, datetime], team_ids: Sequence[str] | None,
                 most: int) -> dict[str, list[DoneAction]]:
    """team -> at most `most` of the actions marked done in the week [start, end) that open_and_done_action_counts
    counts, those with a done note first, latest first: what the digest names beside the count (fix 37)."""
    where, params = _team_filter(team_ids, "a.team_id")
    rows = storage.db.execute(
        "SELECT team_id, id, case_ref, done_note FROM (SELECT a.team_id, ac.id, a.case_ref, ac.done_note, ROW_NUMBER() "
        "OVER (PARTITION BY a.team_id ORDER BY ac.done_note IS NULL, ac.done_at DESC, ac.id DESC) AS n "
        "FROM actions ac JOIN audits a ON a.id = ac.audit_id WHERE ac.removed_at IS NULL AND ac.done_at >= ? AND "
        f"ac.done_at < ? AND a.status IN {COMPLETED_SQL} AND a.submitted_at IS NOT NULL{where}) WHERE n <= ? "
        "ORDER BY team_id, n",
        [utc_text(week[0]), utc_text(week[1]), *params, most],
    ).fetchall()
    found: dict[str, list[DoneAction]] = {}
    for team, action_id, case_ref, note in rows:
        found.setdefault(team, []).append(DoneAction(int(action_id), str(case_ref), note))
    return found


def moderated_counts(storage: Storage, start: datetime, end: datetime,
                     team_ids: Sequence[str] | None) -> dict[str, tuple[int, int]]:
    """team -> (completed audits in [start, end) counted at a moderator's grade, of them regraded by one)."""
    rows = _completed_team_sums(storage, start, end, team_ids,
                                "COUNT(*), SUM(a.moderated_grade != COALESCE(a.overall_grade, ''))",
                                "a.moderated_grade IS NOT NULL")
    return {team: (int(moderated), int(regraded or 0)) for team, moderated, regraded in rows}


def moderated_of_submitted(storage: Storage, start: datetime, end: datetime,
                           team_ids: Sequence[str] | None) -> dict[str, tuple[int, int]]:
    """team -> (of the completed audits submitted in [start, end), how many a moderator has decided, however they
    decided, how many there are): where a QA lead's monthly sample stands, team by team (trial 62 F4)."""
    rows = _completed_team_sums(storage, start, end, team_ids,
                                "SUM(EXISTS (SELECT 1 FROM moderations m WHERE m.audit_id = a.id AND m.decided_at "
                                "IS NOT NULL AND m.agrees IS NOT NULL)), COUNT(*)")
    return {team: (int(moderated or 0), int(submitted)) for team, moderated, submitted in rows}


def _completed_team_sums(storage: Storage, start: datetime, end: datetime, team_ids: Sequence[str] | None,
                         sums: str, condition: str = "1") -> list[Any]:
    """(team, *`sums`) rows: the aggregates `sums` (SQL on the audit `a`) over each team's completed audits submitted
    in [start, end) that meet `condition`. The one query behind the digest's per-team counts of audits (demo,
    moderated, decided of submitted), which differed only in what they counted and of which audits."""
    where, params = _team_filter(team_ids, "a.team_id")
    return storage.db.execute(
        f"SELECT a.team_id, {sums} FROM audits a WHERE {condition} AND a.submitted_at >= ? AND a.submitted_at < ? "
        f"AND a.status IN {COMPLETED_SQL}{where} GROUP BY a.team_id",
        [utc_text(start), utc_text(end), *params],
    ).fetchall()


def reaudit_grades(storage: Storage, start: datetime, end: datetime, team_ids: Sequence[str] | None
                   ) -> dict[str, list[tuple[int, str | None, str | None, str | None, str | None]]]:
    """team -> one row per re-audit completed in [start, end): an audit of a case with a completed audit submitted
    before it. Each row is the re-audit's number, then the audit before it (auditor's grade, moderator's) then the
    re-audit's, as `/audit compare` sets them side by side (bot.core.grade_verdict). One row a re-audit, so a week's
    few at most."""
    where, params = _team_filter(team_ids, "a.team_id")
    rows = storage.db.execute(
        "SELECT a.team_id, a.id, p.overall_grade, p.moderated_grade, a.overall_grade, a.moderated_grade FROM audits a "
        "JOIN audits p ON p.id = (SELECT e.id FROM audits e WHERE e.case_ref = a.case_ref AND e.id != a.id AND "
        f"e.status IN {COMPLETED_SQL} AND e.submitted_at IS NOT NULL AND (e.submitted_at < a.submitted_at OR "
        "(e.submitted_at = a.submitted_at AND e.id < a.id)) ORDER BY e.submitted_at DESC, e.id DESC LIMIT 1) "
        f"WHERE a.submitted_at >= ? AND a.submitted_at < ? AND a.status IN {COMPLETED_SQL}{where} ORDER BY a.id",
        [utc_text(start), utc_text(end), *params],
    ).fetchall()
    found: dict[str, list[tuple[int, str | None, str | None, str | None, str | None]]] = {}
    for team, audit_id, *grades in rows:
        found.setdefault(team, []).append((int(audit_id), grades[0], grades[1], grades[2], grades[3]))
    return found


def moderation_agreement(storage: Storage, start: datetime | None, end: datetime | None,
                         team_ids: Sequence[str] | None, campaign_id: int | None = None) -> dict[str, tuple[int, int]]:
    """team -> (of the completed audits submitted in [start, end), or of campaign `campaign_id`'s with no dates, how
    many a moderator agreed with, how many were decided), whenever the decision was made: the one count behind every
    agreement figure (bot.core.agreement says why).

    By the audit's submission, as the digest counts grades: counting by decision date put a moderation decided after
    the week ended into that week's grades (the grade of record) but into no agreement figure, so a digest said "1 of
    them regraded" beside "100% agreed". The latest decision of each audit counts, once."""
    scope, values = _agreement_scope(start, end, campaign_id)
    return agreement_counts(storage, "a.team_id", scope, values, team_ids)


def _agreement_scope(start: datetime | None, end: datetime | None,
                     campaign_id: int | None) -> tuple[list[str], list[Any]]:
    """The audits an agreement figure counts, as SQL conditions on `a` and their values: submitted in [start, end),
    and of campaign `campaign_id`, where given."""
    scope: list[str] = []
    values: list[Any] = []
    if start is not None and end is not None:
        scope.append("a.submitted_at >= ? AND a.submitted_at < ?")
        values += [utc_text(start), utc_text(end)]
    if campaign_id is not None:
        scope.append("a.id IN (SELECT audit_id FROM campaign_allocations WHERE campaign_id = ? "
                     "AND audit_id IS NOT NULL)")
        values.append(campaign_id)
    return scope, values


def agreement_counts(storage: Storage, key: str, scope: Sequence[str], values: Sequence[Any],
                     team_ids: Sequence[str] | None) -> dict[str, tuple[int, int]]:
    """`key` (a column of the audit `a`: its team, its auditor) -> (agreed, decided) of the completed audits of these
    teams (all when None) within `scope` (SQL conditions on `a`, filled by `values`), each audit once at its latest
    decision: the one place the team and auditor agreement figures count, so the two never count apart."""
    rows = _latest_decision_sums(storage, key, "SUM(m.agrees), COUNT(*)", "m.agrees IS NOT NULL", scope, values,
                                 team_ids)
    return {group: (int(agreed or 0), int(decided)) for group, agreed, decided in rows}


def _latest_decision_sums(storage: Storage, key: str, sums: str, decision: str, scope: Sequence[str],
                          values: Sequence[Any], team_ids: Sequence[str] | None) -> list[Any]:
    """(`key`, *`sums`) rows: the aggregates `sums` (SQL on the moderation `m` and its audit `a`) over the completed
    audits of these teams within `scope`, each at its latest decision when that decision meets `decision`. The one
    query behind agreement (every decision) and its direction (the disagreements), so the two count the same audits."""
    where, params = _team_filter(team_ids, "a.team_id")
    return storage.db.execute(
        f"SELECT {key}, {sums} FROM moderations m JOIN audits a ON a.id = m.audit_id "
        f"WHERE {' AND '.join([*scope, '1'])} AND a.status IN {COMPLETED_SQL} AND {decision} "
        "AND m.id = (SELECT l.id FROM moderations l WHERE l.audit_id = a.id AND l.decided_at IS NOT NULL "
        f"ORDER BY l.decided_at DESC, l.id DESC LIMIT 1){where} GROUP BY {key}",
        [*values, *params],
    ).fetchall()


# A grade's place, best first, as the checklist schema orders them: a moderator's grade placed after the auditor's
# moved it down (the audit was graded too generously), before it up.
GRADE_PLACE_SQL = ("CASE {col} WHEN 'outstanding' THEN 1 WHEN 'good' THEN 2 WHEN 'requires_improvement' THEN 3 "
                   "WHEN 'inadequate' THEN 4 END")


def moderation_direction(storage: Storage, start: datetime | None, end: datetime | None,
                         team_ids: Sequence[str] | None, campaign_id: int | None = None) -> dict[str, tuple[int, int]]:
    """team -> (moderated down, moderated up): of the audits `moderation_agreement` counts (the same scope, each at
    its latest decision), how many a moderator disagreed with by grading lower than the auditor, how many higher.
    Agreement alone hides which way a team's grades lean (trial 62 F2: "which team over-grades")."""
    scope, values = _agreement_scope(start, end, campaign_id)
    moderator, auditor = GRADE_PLACE_SQL.format(col="m.grade"), GRADE_PLACE_SQL.format(col="a.overall_grade")
    rows = _latest_decision_sums(storage, "a.team_id", f"SUM({moderator} > {auditor}), SUM({moderator} < {auditor})",
                                 "m.agrees = 0", scope, values, team_ids)
    return {team: (int(down or 0), int(up or 0)) for team, down, up in rows}


def latest_checklists(storage: Storage, checklist_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """checklist id -> its most recently seen snapshot, for question texts and guidance."""
    if not checklist_ids:
        return {}
    rows = storage.db.execute(
        "SELECT checklist_id, content FROM checklist_versions cv WHERE checklist_id IN "
        f"({','.join('?' * len(checklist_ids))}) AND first_seen = (SELECT MAX(first_seen) FROM checklist_versions "
        "WHERE checklist_id = cv.checklist_id)",
        list(checklist_ids),
    ).fetchall()
    return {checklist: json.loads(content) for checklist, content in rows}
