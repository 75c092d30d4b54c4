"""Campaign storage: every SQL statement audit campaigns need (campaigns, allocations, the sample, and the
aggregates behind progress and the report). Allocations point at ordinary audits, which stay in `audits`."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.storage.common import COMPLETED_SQL, GRADE_OF_RECORD_SQL, select, utc_text
from bot.storage.db import Storage
from bot.storage.trail import record_trail


@dataclass(frozen=True)
class Campaign:
    """A stored campaign."""

    id: int
    name: str
    theme: str
    checklist_id: str
    teams: tuple[str, ...]
    starts_on: date
    deadline: date
    per_worker: int | None
    auditors: str
    moderation_share: int
    status: str
    created_by: str
    created_at: str
    sample_drawn_at: str | None = None
    closed_at: str | None = None
    closed_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class Allocation:
    """One case given to one auditor; `audit_status` is the linked audit's status (None before Start)."""

    id: int
    campaign_id: int
    case_ref: str | None
    worker_id: str
    team_id: str
    auditor_id: str
    status: str
    audit_id: int | None = None
    sampled: bool = False
    audit_status: str | None = None
    submitted_at: str | None = None
    audit_case_ref: str | None = None  # the case its audit is of: the auditor's choice when the campaign named none

    @property
    def started(self) -> bool:
        return self.audit_id is not None and self.audit_status not in (None, "cancelled")

    @property
    def submitted(self) -> bool:
        return self.started and self.submitted_at is not None

    @property
    def moderated(self) -> bool:
        return self.audit_status == "moderated"


ALLOCATION_SQL = (
    "SELECT al.*, a.status AS audit_status, a.submitted_at AS submitted_at, a.case_ref AS audit_case_ref "
    "FROM campaign_allocations al "
    "LEFT JOIN audits a ON a.id = al.audit_id")
# An allocation cancelled (fix77c) keeps its row, so the campaign's report and `campaign show` still say it was
# allocated and cancelled; every count, list and change of the campaign's allocations reads only the live ones.
LIVE = "al.cancelled_at IS NULL"
NOT_STARTED = "(audit_id IS NULL OR audit_id IN (SELECT id FROM audits WHERE status = 'cancelled'))"


@dataclass(frozen=True)
class Cancelled:
    """An allocation taken out of its campaign: its case, who cancelled it and why, and when."""

    id: int
    case_ref: str | None
    worker_id: str
    cancelled_by: str
    reason: str
    cancelled_at: str


def _campaign(row: dict[str, Any]) -> Campaign:
    return Campaign(id=row["id"], name=row["name"], theme=row["theme"], checklist_id=row["checklist_id"],
                    teams=tuple(t for t in row["teams"].split(",") if t),
                    starts_on=date.fromisoformat(row["starts_on"]), deadline=date.fromisoformat(row["deadline"]),
                    per_worker=row["per_worker"], auditors=row["auditors"],
                    moderation_share=row["moderation_share"], status=row["status"], created_by=row["created_by"],
                    created_at=row["created_at"], sample_drawn_at=row["sample_drawn_at"],
                    closed_at=row["closed_at"], closed_by=row["closed_by"])


def _allocation(row: dict[str, Any]) -> Allocation:
    return Allocation(id=row["id"], campaign_id=row["campaign_id"], case_ref=row["case_ref"],
                      worker_id=row["worker_id"], team_id=row["team_id"], auditor_id=row["auditor_id"],
                      status=row["status"], audit_id=row["audit_id"], sampled=bool(row["sampled"]),
                      audit_status=row.get("audit_status"), submitted_at=row.get("submitted_at"),
                      audit_case_ref=row.get("audit_case_ref"))


def create_campaign(storage: Storage, spec: Any, organiser: str,
                    allotted: Sequence[tuple[str | None, str, str, str]], now: datetime) -> int:
    """The campaign and its allocations (case ref, worker, team, auditor) in one transaction, with a trail entry."""
    stamp = utc_text(now)
    with storage.write() as db:
        cursor = db.execute(
            "INSERT INTO campaigns (name, theme, checklist_id, teams, starts_on, deadline, per_worker, auditors, "
            "moderation_share, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [spec.name, spec.theme, spec.checklist_id, ",".join(spec.teams), spec.starts_on.isoformat(),
             spec.deadline.isoformat(), spec.per_worker, spec.auditors, spec.moderation_share, organiser, stamp])
        campaign_id = int(cursor.lastrowid or 0)
        db.conn.executemany(
            "INSERT INTO campaign_allocations (campaign_id, case_ref, worker_id, team_id, auditor_id, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", [(campaign_id, *row, stamp) for row in allotted])
        record_trail(storage, organiser, "campaign.create",
                     {"campaign": campaign_id, "allocations": len(allotted), "teams": list(spec.teams)}, now)
    return campaign_id


def get_campaign(storage: Storage, campaign_id: int) -> Campaign | None:
    """One campaign, or None."""
    rows = select(storage.db, "SELECT * FROM campaigns WHERE id = ?", [campaign_id])
    return _campaign(rows[0]) if rows else None


def list_campaigns(storage: Storage) -> list[Campaign]:
    """Every campaign, open ones first, newest first."""
    rows = select(storage.db, "SELECT * FROM campaigns ORDER BY status = 'closed', id DESC")
    return [_campaign(r) for r in rows]


def allocations(storage: Storage, campaign_id: int, auditor_id: str | None = None) -> list[Allocation]:
    """A campaign's allocations with their audits' status, in allocation order (optionally one auditor's)."""
    sql = f"{ALLOCATION_SQL} WHERE al.campaign_id = ? AND {LIVE}"
    params: list[object] = [campaign_id]
    if auditor_id is not None:
        sql += " AND al.auditor_id = ?"
        params.append(auditor_id)
    return [_allocation(r) for r in select(storage.db, sql + " ORDER BY al.id", params)]


def get_allocation(storage: Storage, allocation_id: int) -> Allocation | None:
    """One allocation with its audit's status, or None."""
    rows = select(storage.db, f"{ALLOCATION_SQL} WHERE al.id = ? AND {LIVE}", [allocation_id])
    return _allocation(rows[0]) if rows else None


def allocation_of_audit(storage: Storage, audit_id: int) -> Allocation | None:
    """The allocation an audit was started from, or None for an audit outside campaigns."""
    rows = select(storage.db, f"{ALLOCATION_SQL} WHERE al.audit_id = ? AND {LIVE}", [audit_id])
    return _allocation(rows[0]) if rows else None


# Case references are stored in one canonical form (bot.privacy.screen.canonical_case_reference; migration m242
# rewrote older ones) and callers pass that form, so "the same case" is plain equality, whatever was typed.
OTHER_ALLOCATION_OF_CASE = (
    "SELECT al.id FROM campaign_allocations al LEFT JOIN audits a ON a.id = al.audit_id "
    f"WHERE al.campaign_id = ? AND al.id != ? AND {LIVE} AND "
    "(al.case_ref = ? OR (a.status IS NOT NULL AND a.status != 'cancelled' AND a.case_ref = ?)) ORDER BY al.id LIMIT 1")


def allocation_with_case(storage: Storage, campaign_id: int, case_ref: str, except_allocation: int) -> int | None:
    """Another allocation of the campaign for this case (its listed case, or its audit's, unless cancelled);
    `case_ref` in its canonical form, as stored."""
    row = storage.db.execute(OTHER_ALLOCATION_OF_CASE, [campaign_id, except_allocation, case_ref, case_ref]).fetchone()
    return int(row[0]) if row else None


def link_audit(storage: Storage, allocation_id: int, auditor_id: str, audit_id: int, now: datetime) -> bool:
    """Link a started audit to its allocation, if the allocation is still this auditor's and has no live audit,
    and no other allocation of the campaign has the audit's case (checked in the same transaction)."""
    with storage.write() as db:
        row = db.execute("SELECT al.campaign_id, a.case_ref FROM campaign_allocations al, audits a "
                         "WHERE al.id = ? AND a.id = ?", [allocation_id, audit_id]).fetchone()
        if row is None or allocation_with_case(storage, row[0], row[1], allocation_id) is not None:
            return False
        cursor = db.execute(
            "UPDATE campaign_allocations SET audit_id = ?, status = 'started', updated_at = ? WHERE id = ? AND "
            f"auditor_id = ? AND cancelled_at IS NULL AND {NOT_STARTED}",
            [audit_id, utc_text(now), allocation_id, auditor_id])
        return cursor.rowcount == 1


def reassign(storage: Storage, changes: Iterable[tuple[int, str, str]], actor: str, reason: str,
             now: datetime) -> None:
    """Give allocations (id, from auditor, to auditor) to their new auditors in one transaction, each only if it
    is still with its old auditor and not started; a trail entry per change, with the reason."""
    stamp = utc_text(now)
    with storage.write() as db:
        for allocation_id, old, new in changes:
            cursor = db.execute(
                "UPDATE campaign_allocations SET auditor_id = ?, status = 'allocated', audit_id = NULL, "
                f"updated_at = ? WHERE id = ? AND auditor_id = ? AND cancelled_at IS NULL AND {NOT_STARTED}",
                [new, stamp, allocation_id, old])
            if cursor.rowcount != 1:
                raise LookupError(allocation_id)
            record_trail(storage, actor, "campaign.reassign",
                         {"allocation": allocation_id, "from": old, "to": new, "reason": reason}, now)


def cancel_allocation(storage: Storage, allocation: Allocation, actor: str, reason: str, now: datetime) -> bool:
    """Take one allocation not yet started out of its campaign (progress, reminders and lists no longer count it),
    kept as cancelled (who, when, why: `campaign show` says so), with a trail entry; False when it was started or
    changed meanwhile."""
    with storage.write() as db:
        cursor = db.execute(
            "UPDATE campaign_allocations SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ?, audit_id = NULL "
            f"WHERE id = ? AND auditor_id = ? AND cancelled_at IS NULL AND {NOT_STARTED}",
            [utc_text(now), actor, reason, allocation.id, allocation.auditor_id])
        if cursor.rowcount != 1:
            return False
        record_trail(storage, actor, "campaign.allocation_cancelled",
                     {"campaign": allocation.campaign_id, "allocation": allocation.id, "worker": allocation.worker_id,
                      "auditor": allocation.auditor_id, "case_ref": allocation.case_ref, "reason": reason}, now)
    return True


TEAM_TAKEN_OUT = "its team was taken out of the campaign"


def cancelled_allocations(storage: Storage, campaign_id: int) -> list[Cancelled]:
    """The campaign's cancelled allocations, in the order they were cancelled: its history, for `campaign show`."""
    rows = select(storage.db, "SELECT id, case_ref, worker_id, cancelled_by, cancel_reason, cancelled_at FROM "
                              "campaign_allocations WHERE campaign_id = ? AND cancelled_at IS NOT NULL "
                              "ORDER BY cancelled_at, id", [campaign_id])
    return [Cancelled(int(r["id"]), r["case_ref"], str(r["worker_id"]), str(r["cancelled_by"] or ""),
                      str(r["cancel_reason"] or ""), str(r["cancelled_at"])) for r in rows]


def mark_sample(storage: Storage, campaign_id: int, allocation_ids: Sequence[int], actor: str,
                now: datetime) -> bool:
    """Record the moderation sample once per campaign; False when it was already drawn."""
    with storage.write() as db:
        cursor = db.execute("UPDATE campaigns SET sample_drawn_at = ? WHERE id = ? AND sample_drawn_at IS NULL",
                            [utc_text(now), campaign_id])
        if cursor.rowcount != 1:
            return False
        db.conn.executemany("UPDATE campaign_allocations SET sampled = 1 WHERE id = ? AND campaign_id = ?",
                            [(a, campaign_id) for a in allocation_ids])
        record_trail(storage, actor, "campaign.sample", {"campaign": campaign_id, "audits": len(allocation_ids)},
                     now)
    return True


def close_campaign(storage: Storage, campaign_id: int, actor: str, now: datetime) -> bool:
    """Close an open campaign; False when it was closed already (a second press, or the scheduled job)."""
    with storage.write() as db:
        cursor = db.execute("UPDATE campaigns SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ? AND "
                            "status = 'open'", [utc_text(now), actor, campaign_id])
        if cursor.rowcount == 1:
            record_trail(storage, actor, "campaign.close", {"campaign": campaign_id}, now)
            _release_drafts(storage, campaign_id, actor, now)
        return cursor.rowcount == 1


def draft_answer_counts(storage: Storage, campaign_id: int) -> dict[int, int]:
    """audit id -> answers given, for each of the campaign's drafts (not submitted)."""
    rows = storage.db.execute(
        "SELECT al.audit_id, (SELECT COUNT(*) FROM answers an WHERE an.audit_id = al.audit_id) "
        "FROM campaign_allocations al JOIN audits a ON a.id = al.audit_id "
        f"WHERE al.campaign_id = ? AND {LIVE} AND a.submitted_at IS NULL", [campaign_id]).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}


RELEASED = "campaign.draft_released"


def _release_drafts(storage: Storage, campaign_id: int, actor: str, now: datetime) -> None:
    """At close, each draft of the campaign leaves it: its auditor keeps it as an ordinary audit, and the report
    posted at close stays true whenever the draft is finished (trial 56: finishing one changed a closed report from
    0 of 2 to 1 of 2, with no sample and nobody told). The trail says which, for the auditor's submit reply."""
    drafts = storage.db.execute(
        "SELECT al.audit_id, al.id FROM campaign_allocations al JOIN audits a ON a.id = al.audit_id "
        f"WHERE al.campaign_id = ? AND {LIVE} AND a.submitted_at IS NULL", [campaign_id]).fetchall()
    for audit_id, allocation_id in drafts:
        storage.db.execute("UPDATE campaign_allocations SET audit_id = NULL, status = 'allocated', updated_at = ? "
                           "WHERE campaign_id = ? AND audit_id = ?", [utc_text(now), campaign_id, audit_id])
        record_trail(storage, actor, RELEASED, {"campaign": campaign_id, "audit": audit_id,
                                                "allocation": allocation_id}, now)


def released_from(storage: Storage, audit_id: int) -> int | None:
    """The closed campaign this audit was a draft of when it closed (so it is an ordinary audit now), or None."""
    row = storage.db.execute(f"SELECT json_extract(detail, '$.campaign') FROM trail WHERE action = '{RELEASED}' "
                             "AND json_extract(detail, '$.audit') = ? ORDER BY id DESC LIMIT 1",
                             [audit_id]).fetchone()  # the action as a literal: the partial index (m580) fits it
    return int(row[0]) if row else None


def released_drafts(storage: Storage, campaign_id: int, auditor_id: str) -> dict[int, tuple[int, str | None]]:
    """The auditor's drafts this closed campaign released that are still drafts, by the allocation each was started
    from: allocation id -> (audit id, case reference), so `campaign mine N` says where the draft went (fix63c)."""
    rows = storage.db.execute(
        f"SELECT json_extract(t.detail, '$.allocation'), a.id, a.case_ref FROM trail t JOIN audits a ON a.id = "
        f"json_extract(t.detail, '$.audit') WHERE t.action = '{RELEASED}' AND json_extract(t.detail, '$.campaign') = ? "
        "AND a.auditor_id = ? AND a.status = 'draft' AND json_extract(t.detail, '$.allocation') IS NOT NULL",
        [campaign_id, auditor_id]).fetchall()
    return {int(r[0]): (int(r[1]), r[2]) for r in rows}


def rename_campaign(storage: Storage, campaign_id: int, name: str, theme: str, actor: str, now: datetime) -> bool:
    """A new name and theme (already checked) for an open campaign, with a trail entry that says the campaign, not
    the words; False when it is closed or gone."""
    with storage.write() as db:
        cursor = db.execute("UPDATE campaigns SET name = ?, theme = ? WHERE id = ? AND status = 'open'",
                            [name, theme, campaign_id])
        if cursor.rowcount == 1:
            record_trail(storage, actor, "campaign.rename", {"campaign": campaign_id}, now)
        return cursor.rowcount == 1


def move_deadline(storage: Storage, campaign_id: int, deadline: date, actor: str, now: datetime) -> bool:
    """A new deadline (already checked) for an open campaign, with a trail entry; False when it is closed or gone."""
    with storage.write() as db:
        cursor = db.execute("UPDATE campaigns SET deadline = ? WHERE id = ? AND status = 'open'",
                            [deadline.isoformat(), campaign_id])
        if cursor.rowcount == 1:
            record_trail(storage, actor, "campaign.deadline",
                         {"campaign": campaign_id, "deadline": deadline.isoformat()}, now)
        return cursor.rowcount == 1


def change_teams(storage: Storage, campaign_id: int, teams: Sequence[str], removed: Sequence[int],
                 added: Sequence[tuple[str | None, str, str, str]], actor: str, now: datetime) -> bool:
    """An open campaign's new teams in one transaction: the allocations `removed` (none started) deleted, those
    `added` (case ref, worker, team, auditor) inserted, with a trail entry; False when it is closed or gone, or an
    allocation to remove was started meanwhile (then nothing changes)."""
    stamp = utc_text(now)
    with storage.write() as db:
        cursor = db.execute("UPDATE campaigns SET teams = ? WHERE id = ? AND status = 'open'",
                            [",".join(teams), campaign_id])
        if cursor.rowcount != 1:
            return False
        db.conn.executemany(  # added first, so no new allocation takes the number of one taken away
            "INSERT INTO campaign_allocations (campaign_id, case_ref, worker_id, team_id, auditor_id, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", [(campaign_id, *row, stamp) for row in added])
        for allocation_id in removed:
            gone = db.execute(  # kept as cancelled (fix77c), as `campaign cancel` keeps one
                "UPDATE campaign_allocations SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ?, "
                "audit_id = NULL "
                f"WHERE id = ? AND campaign_id = ? AND cancelled_at IS NULL AND {NOT_STARTED}",
                [stamp, actor, TEAM_TAKEN_OUT, allocation_id, campaign_id])
            if gone.rowcount != 1:
                raise LookupError(allocation_id)
        record_trail(storage, actor, "campaign.teams", {"campaign": campaign_id, "teams": list(teams),
                                                        "removed": len(removed), "added": len(added)}, now)
    return True


def due_to_close(storage: Storage, today: date) -> list[Campaign]:
    """Open campaigns whose deadline is today or past (the job runs at the end of the working day)."""
    rows = select(storage.db, "SELECT * FROM campaigns WHERE status = 'open' AND deadline <= ? ORDER BY id",
                  [today.isoformat()])
    return [_campaign(r) for r in rows]


def unsubmitted_by_auditor(storage: Storage, today: date, workers: Collection[str] | None = None
                           ) -> list[tuple[int, str, str, date, int, int]]:
    """(campaign id, name, auditor, deadline, not submitted, allocated) for open campaigns that have started; with
    `workers` (those in teams.yaml now), a case of anyone else not yet started is left out: a leaver's case is not
    chased (trial 62 F7)."""
    listed = ("AND (al.worker_id IN (SELECT value FROM json_each(?)) OR "
              "(a.id IS NOT NULL AND a.status != 'cancelled')) " if workers is not None else "")
    params = [today.isoformat(), *([json.dumps(sorted(workers))] if workers is not None else [])]
    rows = storage.db.execute(
        "SELECT c.id, c.name, al.auditor_id, c.deadline, "
        f"SUM(CASE WHEN a.submitted_at IS NOT NULL AND a.status IN {COMPLETED_SQL} THEN 0 ELSE 1 END), COUNT(*) "
        "FROM campaigns c JOIN campaign_allocations al ON al.campaign_id = c.id "
        f"LEFT JOIN audits a ON a.id = al.audit_id WHERE c.status = 'open' AND c.starts_on <= ? AND {LIVE} {listed}"
        "GROUP BY c.id, al.auditor_id ORDER BY c.id, al.auditor_id", params).fetchall()
    return [(r[0], r[1], r[2], date.fromisoformat(r[3]), r[4], r[5]) for r in rows if r[4] > 0]


def sampled_audit_ids(storage: Storage) -> set[int]:
    """Audits in any campaign's moderation sample (they come first in the moderation queue)."""
    rows = storage.db.execute("SELECT audit_id FROM campaign_allocations WHERE sampled = 1 AND audit_id IS NOT "
                              "NULL").fetchall()
    return {r[0] for r in rows}


def sample_campaigns(storage: Storage, audit_ids: Sequence[int]) -> dict[int, int]:
    """audit -> the campaign whose moderation sample drew it, for those of `audit_ids` drawn (a page of the queue):
    how `/audit moderate` marks them, as the monthly sample's are (bot.storage.monthly_sample.sample_months)."""
    if not audit_ids:
        return {}
    rows = storage.db.execute(
        f"SELECT audit_id, MAX(campaign_id) FROM campaign_allocations WHERE sampled = 1 AND audit_id IN "
        f"({', '.join('?' * len(audit_ids))}) GROUP BY audit_id", list(audit_ids)).fetchall()
    return {int(r[0]): int(r[1]) for r in rows}


# -- the report's aggregates: one GROUP BY each, over the campaign's submitted audits ------------------------

SUBMITTED_JOIN = ("FROM campaign_allocations al JOIN audits a ON a.id = al.audit_id WHERE al.campaign_id = ? "
                  f"AND a.submitted_at IS NOT NULL AND a.status IN {COMPLETED_SQL}")


def grades_by_team(storage: Storage, campaign_id: int) -> list[tuple[str, str | None, int]]:
    """(team, grade of record, audits): the moderator's grade once an audit is moderated, else the auditor's."""
    grade = GRADE_OF_RECORD_SQL.format(a="a.")
    return [tuple(r) for r in storage.db.execute(
        f"SELECT al.team_id, {grade} AS record_grade, COUNT(*) {SUBMITTED_JOIN} GROUP BY al.team_id, record_grade",
        [campaign_id]).fetchall()]


def answers_by_team(storage: Storage, campaign_id: int) -> list[tuple[str, str, int, int, int, int]]:
    """(team, question id, yes answers, no answers, flagged answers, all answers), from the totals the database
    keeps as answers, audits and allocations change (schema m230): a few hundred rows however many audits."""
    return [tuple(r) for r in storage.db.execute(
        "SELECT team_id, question_id, yes, no, flagged, answered FROM campaign_answer_totals "
        "WHERE campaign_id = ? AND answered != 0 ORDER BY team_id, question_id", [campaign_id]).fetchall()]


def answers_by_team_recounted(storage: Storage, campaign_id: int) -> list[tuple[str, str, int, int, int, int]]:
    """The same figures counted from every answer (what the kept totals must always equal; the tests compare)."""
    return [tuple(r) for r in storage.db.execute(
        "SELECT al.team_id, an.question_id, SUM(an.value = 'yes'), SUM(an.value = 'no'), SUM(an.flagged), "
        "COUNT(*) "
        f"FROM answers an JOIN audits a ON a.id = an.audit_id JOIN campaign_allocations al ON al.audit_id = a.id "
        f"WHERE al.campaign_id = ? AND a.submitted_at IS NOT NULL AND a.status IN {COMPLETED_SQL} "
        "GROUP BY al.team_id, an.question_id ORDER BY al.team_id, an.question_id", [campaign_id]).fetchall()]


def actions_by_team(storage: Storage, campaign_id: int, overdue_before: date) -> list[tuple[str, int, int]]:
    """(team, actions raised, actions open and overdue: due before `overdue_before`, which bot.core.action_due
    gives)."""
    return [tuple(r) for r in storage.db.execute(
        "SELECT al.team_id, COUNT(*), SUM(ac.done_at IS NULL AND ac.due_date < ?) FROM actions ac "
        "JOIN audits a ON a.id = ac.audit_id JOIN campaign_allocations al ON al.audit_id = a.id "
        f"WHERE al.campaign_id = ? AND a.submitted_at IS NOT NULL AND a.status IN {COMPLETED_SQL} "
        "AND ac.removed_at IS NULL GROUP BY al.team_id", [overdue_before.isoformat(), campaign_id]).fetchall()]


def campaign_ids_of_audits(storage: Storage, audit_ids: Sequence[int]) -> dict[int, int]:
    """audit id -> campaign id, for the exports."""
    found: dict[int, int] = {}
    for start in range(0, len(audit_ids), 500):
        chunk = list(audit_ids[start:start + 500])
        rows = storage.db.execute(
            f"SELECT audit_id, campaign_id FROM campaign_allocations WHERE audit_id IN ({','.join('?' * len(chunk))})",
            chunk).fetchall()
        found.update({r[0]: r[1] for r in rows})
    return found
