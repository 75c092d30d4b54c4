"""Moderation: the queue a moderator may take, opening and deciding one, and how often moderators agree.

`moderation_queue` is what one moderator may take now (submitted, not theirs, not their team's);
`held_moderations` / `current_moderation` are the opened, undecided ones (who holds each, since when), so the holder
can get back to theirs and another moderator can take over an abandoned one (`take_over_moderation`);
`not_yet_moderated` is every audit still waiting for a decision (submitted or in moderation), for reminders.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.storage.audits import AuditRow, audit_row, get_audit, write_waiting
from bot.storage.common import parse_utc, select, utc_text
from bot.storage.db import Storage
from bot.storage.errors import Conflict, NotFound
from bot.storage.trail import record_trail


@dataclass(frozen=True)
class HeldModeration:
    """An opened moderation with no decision yet: the audit is read-only for its auditor while it is held."""

    id: int
    audit_id: int
    moderator_id: str
    opened_at: datetime


_HELD_SQL = ("SELECT m.id AS moderation_id, m.moderator_id, m.opened_at, a.* FROM moderations m "
             "JOIN audits a ON a.id = m.audit_id WHERE a.status = 'in_moderation' AND m.decided_at IS NULL "
             "AND m.id = (SELECT MAX(m2.id) FROM moderations m2 WHERE m2.audit_id = a.id)")


def _held(row: dict[str, Any]) -> HeldModeration:
    return HeldModeration(int(row["moderation_id"]), int(row["id"]), row["moderator_id"], parse_utc(row["opened_at"]))


def held_moderations(storage: Storage) -> list[tuple[AuditRow, HeldModeration]]:
    """Every audit opened for moderation and not yet decided, with who holds it, the longest held first."""
    rows = select(storage.db, _HELD_SQL + " ORDER BY m.opened_at, a.id")
    return [(audit_row(r), _held(r)) for r in rows]


def current_moderation(storage: Storage, audit_id: int) -> HeldModeration | None:
    """Who holds this audit's moderation open, and since when; None unless it is in moderation."""
    rows = select(storage.db, _HELD_SQL + " AND a.id = ?", [audit_id])
    return _held(rows[0]) if rows else None


def take_over_moderation(storage: Storage, held: HeldModeration, moderator_id: str, now: datetime) -> None:
    """Hand an opened, undecided moderation to another moderator; Conflict (with the audit as it is) when it was
    decided or changed hands since `held` was read. The trail keeps who had it."""
    with storage.write() as db:
        cursor = db.execute("UPDATE moderations SET moderator_id = ?, opened_at = ?, draft = NULL WHERE id = ? "
                            "AND audit_id = ? "
                            "AND moderator_id = ? AND decided_at IS NULL",
                            [moderator_id, utc_text(now), held.id, held.audit_id, held.moderator_id])
        if cursor.rowcount != 1:
            raise Conflict(get_audit(storage, held.audit_id), "moderation decided or taken over meanwhile")
        record_trail(storage, moderator_id, "audit.moderation_taken_over",
                     {"audit": held.audit_id, "from": held.moderator_id, "opened_at": utc_text(held.opened_at)}, now)


CAMPAIGN_SAMPLED = ("EXISTS (SELECT 1 FROM campaign_allocations c WHERE c.audit_id = audits.id "
                    "AND c.sampled = 1)")
MONTHLY_SAMPLED = "EXISTS (SELECT 1 FROM monthly_sample_audits s WHERE s.audit_id = audits.id)"


def _queue_filter(moderator_id: str, excluded_teams: Collection[str]) -> tuple[str, list[Any]]:
    """The WHERE clause and its parameters of what this moderator may take (moderation_queue)."""
    teams = sorted(excluded_teams)
    where = "status = 'submitted' AND auditor_id != ? AND (worker_id IS NULL OR worker_id != ?)"
    if teams:
        where += f" AND (team_id IS NULL OR team_id NOT IN ({', '.join('?' * len(teams))}))"
    return where, [moderator_id, moderator_id, *teams]


def queue_samples(storage: Storage, moderator_id: str, excluded_teams: Collection[str] = ()) -> tuple[bool, bool]:
    """(whether any audit in this moderator's queue was drawn for a campaign's moderation sample, whether any for a
    month's): the queue's heading says the order it is in, and sampled audits come between only when there are any."""
    where, params = _queue_filter(moderator_id, excluded_teams)
    row = storage.db.execute(f"SELECT EXISTS (SELECT 1 FROM audits WHERE {where} AND {CAMPAIGN_SAMPLED}), "
                             f"EXISTS (SELECT 1 FROM audits WHERE {where} AND {MONTHLY_SAMPLED})",
                             [*params, *params]).fetchone()
    return bool(row[0]), bool(row[1])


def moderation_queue(storage: Storage, moderator_id: str, excluded_teams: Collection[str] = (),
                     limit: int = 20, offset: int = 0) -> tuple[int, list[AuditRow]]:
    """How many submitted audits this moderator may take, and `limit` of them from `offset` on (a page): Inadequate,
    sampled, oldest, in an order that is the same from one page to the next (the id breaks ties).

    The filter (never an audit they did or of their own case, never a team in `excluded_teams`) runs in SQL
    before the limit,
    so a long run of audits they may not moderate cannot hide one they may.
    """
    where, params = _queue_filter(moderator_id, excluded_teams)
    total = int(storage.db.execute(f"SELECT COUNT(*) FROM audits WHERE {where}", params).fetchone()[0])
    # Inadequate audits come first (the managers were alerted: they are urgent), then audits drawn for a campaign's
    # moderation sample or a month's (bot.storage.monthly_sample), then the oldest.
    inadequate_first = "(overall_grade = 'inadequate') DESC"
    sampled_first = f"({CAMPAIGN_SAMPLED} OR {MONTHLY_SAMPLED}) DESC"
    rows = select(storage.db, f"SELECT * FROM audits WHERE {where} ORDER BY {inadequate_first}, {sampled_first}, "
                              "submitted_at, id LIMIT ? OFFSET ?", [*params, limit, offset])
    return total, [audit_row(r) for r in rows]


def open_moderation(storage: Storage, audit_id: int, moderator_id: str, now: datetime) -> int:
    """Take a submitted audit into moderation: from here on it is read-only for the auditor.

    Opening it again by the same moderator returns the same moderation. NotFound when there is no such audit;
    Conflict (with the audit as it is) when another moderator has it open or it is not waiting for moderation.
    """
    with storage.write() as db:
        audit = get_audit(storage, audit_id)
        if audit is None:
            raise NotFound("audit", audit_id)
        if audit.status == "in_moderation":
            rows = list(select(db, "SELECT id, moderator_id FROM moderations WHERE audit_id = ? AND decided_at IS "
                                 "NULL ORDER BY id DESC", [audit_id]))
            if rows and rows[0]["moderator_id"] == moderator_id:
                return int(rows[0]["id"])
            raise Conflict(audit, "opened by another moderator")
        if audit.status != "submitted":
            raise Conflict(audit, "not waiting for moderation")
        db.execute("UPDATE audits SET status = 'in_moderation', step_version = step_version + 1, updated_at = ? "
                   "WHERE id = ?", [utc_text(now), audit_id])
        cursor = db.execute("INSERT INTO moderations (audit_id, moderator_id, opened_at) VALUES (?, ?, ?)",
                            [audit_id, moderator_id, utc_text(now)])
        record_trail(storage, moderator_id, "audit.moderation_opened", {"audit": audit_id}, now)
        return int(cursor.lastrowid or 0)


def reopen_decision(storage: Storage, audit_id: int, moderator_id: str, now: datetime) -> dict[str, Any]:
    """Open a moderated audit's moderation again for the moderator of its latest decision, who means to change it:
    the audit is in moderation (read-only for its auditor) under a new, undecided moderation of theirs, and the
    decision it had stays on record, and stays the grade of record, until the new one is made. Returns that earlier
    decision; Conflict (with the audit as it is) when the audit is not moderated or its latest decision is not
    this moderator's."""
    with storage.write() as db:
        audit = get_audit(storage, audit_id)
        if audit is None:
            raise NotFound("audit", audit_id)
        rows = list(select(db, "SELECT * FROM moderations WHERE audit_id = ? AND decided_at IS NOT NULL "
                               "ORDER BY decided_at DESC, id DESC LIMIT 1", [audit_id]))
        if audit.status != "moderated" or not rows or rows[0]["moderator_id"] != moderator_id:
            raise Conflict(audit, "not moderated by this moderator")
        db.execute("UPDATE audits SET status = 'in_moderation', step_version = step_version + 1, updated_at = ? "
                   "WHERE id = ?", [utc_text(now), audit_id])
        db.execute("INSERT INTO moderations (audit_id, moderator_id, opened_at) VALUES (?, ?, ?)",
                   [audit_id, moderator_id, utc_text(now)])
        record_trail(storage, moderator_id, "audit.moderation_reopened",
                     {"audit": audit_id, "earlier": int(rows[0]["id"]), "grade": rows[0]["grade"]}, now)
        return dict(rows[0])


def close_reopening(storage: Storage, audit_id: int, moderator_id: str, now: datetime) -> dict[str, Any]:
    """Back out of a re-opened moderation (`reopen_decision`) undecided: the re-opening is dropped and the audit is
    moderated again, its earlier decision (returned) untouched, with the auditor's response to it if any, so it reads
    exactly as before. The trail keeps that it was re-opened and closed. Conflict (with the audit as it is) when this
    moderator holds no re-opened moderation of it."""
    with storage.write() as db:
        audit = get_audit(storage, audit_id)
        held = list(select(db, "SELECT id, moderator_id, decided_at FROM moderations WHERE audit_id = ? "
                               "ORDER BY id DESC LIMIT 1", [audit_id]))
        earlier = list(select(db, "SELECT * FROM moderations WHERE audit_id = ? AND decided_at IS NOT NULL "
                                  "ORDER BY decided_at DESC, id DESC LIMIT 1", [audit_id]))
        if (audit is None or audit.status != "in_moderation" or not held or not earlier
                or held[0]["decided_at"] is not None or held[0]["moderator_id"] != moderator_id):
            raise Conflict(audit, "no re-opened moderation held by this moderator")
        db.execute("DELETE FROM moderations WHERE id = ?", [held[0]["id"]])
        db.execute("UPDATE audits SET status = 'moderated', step_version = step_version + 1, updated_at = ? "
                   "WHERE id = ?", [utc_text(now), audit_id])
        record_trail(storage, moderator_id, "audit.moderation_reopen_closed",
                     {"audit": audit_id, "earlier": int(earlier[0]["id"]), "grade": earlier[0]["grade"]}, now)
        return dict(earlier[0])


def release_moderation(storage: Storage, audit_id: int, moderator_id: str, now: datetime) -> None:
    """Let go of an opened moderation with no decision ever made on the audit: the undecided moderation is dropped and
    the audit is submitted again, waiting for moderation and editable by its auditor. The trail keeps who opened and
    released it. Conflict (with the audit as it is) when this moderator holds no such moderation of it (a re-opened
    decision is backed out of with `close_reopening` instead)."""
    with storage.write() as db:
        audit = get_audit(storage, audit_id)
        rows = list(select(db, "SELECT id, moderator_id, decided_at, opened_at FROM moderations WHERE audit_id = ? "
                               "ORDER BY id DESC", [audit_id]))
        if (audit is None or audit.status != "in_moderation" or not rows or rows[0]["decided_at"] is not None
                or rows[0]["moderator_id"] != moderator_id or any(r["decided_at"] for r in rows[1:])):
            raise Conflict(audit, "no undecided moderation held by this moderator")
        db.execute("DELETE FROM moderations WHERE id = ?", [rows[0]["id"]])
        db.execute("UPDATE audits SET status = 'submitted', step_version = step_version + 1, updated_at = ? "
                   "WHERE id = ?", [utc_text(now), audit_id])
        record_trail(storage, moderator_id, "audit.moderation_released",
                     {"audit": audit_id, "opened_at": rows[0]["opened_at"]}, now)


def decide_moderation(storage: Storage, audit_id: int, moderator_id: str, agrees: bool, grade: str, reason: str,
                      now: datetime, waiting: dict[str, Any] | None = None,
                      action: tuple[str, str, str] | None = None,
                      concern: tuple[str, str] | None = None) -> None:
    """Record the moderator's decision, the action they set with it (description, owner, due date) if any, a Good
    confirmed over an immediate concern (the concern question and their reason) if so, and (with `waiting`) their
    conversation, in one transaction; Conflict when the audit is not open for moderation by this moderator (any
    more)."""
    with storage.write() as db:
        rows = list(select(db, "SELECT m.id FROM moderations m JOIN audits a ON a.id = m.audit_id WHERE "
                             "m.audit_id = ? AND m.moderator_id = ? AND m.decided_at IS NULL AND "
                             "a.status = 'in_moderation'", [audit_id, moderator_id]))
        if not rows:
            raise Conflict(get_audit(storage, audit_id), "not open for moderation by this moderator")
        stamp = utc_text(now)
        question, concern_reason = concern if concern is not None else (None, None)
        db.execute("UPDATE moderations SET decided_at = ?, agrees = ?, grade = ?, reason = ?, draft = NULL, "
                   "concern_question = ?, concern_reason = ? WHERE id = ?",
                   [stamp, int(agrees), grade, reason, question, concern_reason, rows[0]["id"]])
        db.execute("UPDATE audits SET status = 'moderated', moderated_at = ?, updated_at = ? WHERE id = ?",
                   [stamp, stamp, audit_id])
        if action is not None:
            db.execute("INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [audit_id, *action, moderator_id, stamp])
        record_trail(storage, moderator_id, "audit.moderated",
                     {"audit": audit_id, "agrees": agrees, **({"action": True} if action else {})}, now)
        write_waiting(db, moderator_id, waiting, now)


def keep_draft(storage: Storage, audit_id: int, moderator_id: str, draft: dict[str, Any] | None) -> bool:
    """Keep (None: clear) the moderator's decision so far on their held, undecided moderation of this audit; False
    when they hold none."""
    with storage.write() as db:
        cursor = db.execute("UPDATE moderations SET draft = ? WHERE audit_id = ? AND moderator_id = ? AND decided_at "
                            "IS NULL", [json.dumps(draft, sort_keys=True) if draft is not None else None, audit_id,
                                        moderator_id])
        return bool(cursor.rowcount)


def draft_of(storage: Storage, audit_id: int, moderator_id: str) -> dict[str, Any] | None:
    """The decision so far this moderator kept on their held moderation of this audit, if any."""
    rows = list(select(storage.db, "SELECT draft FROM moderations WHERE audit_id = ? AND moderator_id = ? AND "
                                   "decided_at IS NULL AND draft IS NOT NULL ORDER BY id DESC LIMIT 1",
                       [audit_id, moderator_id]))
    return dict(json.loads(rows[0]["draft"])) if rows else None


def not_yet_moderated(storage: Storage) -> list[tuple[int, datetime, str, str | None]]:
    """(audit id, submitted at, checklist title, moderator who opened it) of audits not yet moderated."""
    rows = storage.db.execute(
        "SELECT a.id, a.submitted_at, cv.title, "
        "(SELECT m.moderator_id FROM moderations m WHERE m.audit_id = a.id AND m.decided_at IS NULL "
        " ORDER BY m.opened_at DESC LIMIT 1) "
        "FROM audits a JOIN checklist_versions cv ON cv.hash = a.checklist_hash "
        "WHERE a.status IN ('submitted', 'in_moderation') AND a.submitted_at IS NOT NULL ORDER BY a.submitted_at"
    ).fetchall()
    return [(r[0], parse_utc(r[1]), r[2], r[3]) for r in rows]
