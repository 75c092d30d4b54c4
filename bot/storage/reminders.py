"""Queries behind the reminders: drafts, open actions, audits awaiting moderation, quotas, away and snoozes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from bot.storage.common import COMPLETED_SQL, parse_utc, utc_text
from bot.storage.db import Storage


def draft_audits(storage: Storage) -> list[tuple[int, str, str, datetime, datetime | None]]:
    """(audit id, auditor, checklist title, last touched, when reopened) of every draft; `when reopened` is set for
    a submitted audit its auditor reopened for changes (a draft again, out of moderation), else None."""
    rows = storage.db.execute(
        "SELECT a.id, a.auditor_id, cv.title, a.updated_at, CASE WHEN a.submitted_at IS NOT NULL THEN "
        "(SELECT MAX(r.changed_at) FROM revisions r WHERE r.audit_id = a.id AND r.field = 'status' "
        "AND r.new_value = 'reopened') END FROM audits a "
        "JOIN checklist_versions cv ON cv.hash = a.checklist_hash WHERE a.status = 'draft' ORDER BY a.id"
    ).fetchall()
    return [(r[0], r[1], r[2], parse_utc(r[3]), parse_utc(r[4]) if r[4] else None) for r in rows]


def open_actions_due_by(storage: Storage, horizon: date
                        ) -> list[tuple[int, str, str, date, bool, int, str, datetime | None]]:
    """(action id, owner, description, due date, escalated, audit id, case reference, when last reopened) of open
    actions due on or before `horizon`.

    Only actions of submitted audits: one written into a draft that is later cancelled never nags anyone.
    """
    rows = storage.db.execute(
        "SELECT ac.id, ac.owner_id, ac.description, ac.due_date, ac.escalated_at IS NOT NULL, a.id, a.case_ref, "
        "ac.reopened_at "
        "FROM actions ac "
        "JOIN audits a ON a.id = ac.audit_id WHERE ac.done_at IS NULL AND ac.removed_at IS NULL AND ac.due_date <= ? "
        f"AND a.status IN {COMPLETED_SQL} AND a.submitted_at IS NOT NULL ORDER BY ac.due_date, ac.id",
        [horizon.isoformat()],
    ).fetchall()
    return [(r[0], r[1], r[2], date.fromisoformat(r[3]), bool(r[4]), r[5], r[6], parse_utc(r[7]) if r[7] else None)
            for r in rows]


def completed_counts_by_auditor(storage: Storage, start: datetime, end: datetime) -> dict[str, int]:
    """Audits each auditor completed (submitted) in [start, end): one GROUP BY over the submitted index."""
    rows = storage.db.execute(
        "SELECT auditor_id, COUNT(*) FROM audits WHERE submitted_at >= ? AND submitted_at < ? "
        f"AND status IN {COMPLETED_SQL} GROUP BY auditor_id",
        [utc_text(start), utc_text(end)],
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def mark_actions_escalated(storage: Storage, action_ids: Iterable[int], now: datetime) -> None:
    """Once a manager has the overdue list, the owner is no longer nudged about those actions."""
    ids = list(action_ids)
    if not ids:
        return
    with storage.write() as db:
        db.execute(
            f"UPDATE actions SET escalated_at = ? WHERE escalated_at IS NULL AND id IN ({','.join('?' * len(ids))})",
            [utc_text(now), *ids],
        )


def away_on(storage: Storage, day: date) -> dict[str, tuple[date, str | None]]:
    """Who is away on `day`: user -> (until, cover). A time away booked to start later does not count yet."""
    rows = storage.db.execute(
        "SELECT user_id, until, cover_id FROM away WHERE until >= ? AND (starts IS NULL OR starts <= ?)",
        [day.isoformat(), day.isoformat()],
    ).fetchall()
    return {r[0]: (date.fromisoformat(r[1]), r[2]) for r in rows}


def away_booked(storage: Storage, user_id: str, day: date) -> tuple[date, date, str | None] | None:
    """This person's time away booked to start after `day`: (first day, last day, cover), or None."""
    row = storage.db.execute("SELECT starts, until, cover_id FROM away WHERE user_id = ? AND starts > ?",
                             [user_id, day.isoformat()]).fetchone()
    return (date.fromisoformat(row[0]), date.fromisoformat(row[1]), row[2]) if row else None


def set_away(storage: Storage, user_id: str, until: date, cover_id: str | None, now: datetime,
             starts: date | None = None) -> None:
    """Pause this person's reminders until `until`, from now or from `starts` (booked ahead); one per person, so
    this replaces any earlier one."""
    with storage.write() as db:
        db.execute(
            "INSERT INTO away (user_id, until, cover_id, set_at, starts) VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id) "
            "DO UPDATE SET until = excluded.until, cover_id = excluded.cover_id, set_at = excluded.set_at, "
            "starts = excluded.starts, caught_up_at = NULL",
            [user_id, until.isoformat(), cover_id, utc_text(now), starts.isoformat() if starts else None],
        )


def away_period(storage: Storage, user_id: str) -> tuple[date | None, date, str | None] | None:
    """This person's time away, under way or booked: (first day when booked ahead, else None; last day; cover)."""
    row = storage.db.execute("SELECT starts, until, cover_id FROM away WHERE user_id = ?", [user_id]).fetchone()
    return (date.fromisoformat(row[0]) if row[0] else None, date.fromisoformat(row[1]), row[2]) if row else None


def covering_for(storage: Storage, cover_id: str, day: date) -> list[tuple[str, date | None, date]]:
    """Whom this person covers, now or booked, not yet over on `day`: (who is away, first day or None, last day)."""
    rows = storage.db.execute("SELECT user_id, starts, until FROM away WHERE cover_id = ? AND until >= ? "
                              "ORDER BY COALESCE(starts, set_at), user_id", [cover_id, day.isoformat()]).fetchall()
    return [(r[0], date.fromisoformat(r[1]) if r[1] else None, date.fromisoformat(r[2])) for r in rows]


def back_from_away(storage: Storage, day: date) -> list[tuple[str, date | None, datetime, date]]:
    """People whose time away ended before `day` and who have not had their catch-up: (user, first day when booked
    ahead else None, when it was set, last day away)."""
    rows = storage.db.execute("SELECT user_id, starts, set_at, until FROM away "
                              "WHERE until < ? AND caught_up_at IS NULL ORDER BY user_id", [day.isoformat()]).fetchall()
    return [(r[0], date.fromisoformat(r[1]) if r[1] else None, parse_utc(r[2]), date.fromisoformat(r[3]))
            for r in rows]


def away_not_caught_up(storage: Storage, user_id: str) -> tuple[date | None, datetime, date] | None:
    """This person's time away whose catch-up has not been given: (first day when booked ahead else None, when it
    was set, last day away), or None."""
    row = storage.db.execute("SELECT starts, set_at, until FROM away WHERE user_id = ? AND caught_up_at IS NULL",
                             [user_id]).fetchone()
    if row is None:
        return None
    return date.fromisoformat(row[0]) if row[0] else None, parse_utc(row[1]), date.fromisoformat(row[2])


def mark_caught_up(storage: Storage, user_id: str, until: date, now: datetime) -> None:
    """Record that this person had the catch-up for their time away ending `until` (a later time away is left)."""
    with storage.write() as db:
        db.execute("UPDATE away SET caught_up_at = ? WHERE user_id = ? AND until = ? AND caught_up_at IS NULL",
                   [utc_text(now), user_id, until.isoformat()])


def reflections_not_added(storage: Storage, since: datetime) -> list[tuple[int, str, str, datetime]]:
    """(audit id, worker, case reference, submitted at) of audits submitted since `since` by someone other than the
    case's worker, not cancelled, that the worker has added no reflections to: each asked the worker for them."""
    rows = storage.db.execute(
        "SELECT a.id, a.worker_id, a.case_ref, a.submitted_at FROM audits a WHERE a.submitted_at >= ? "
        f"AND a.status IN {COMPLETED_SQL} AND a.worker_id IS NOT NULL AND a.worker_id != a.auditor_id "
        "AND NOT EXISTS (SELECT 1 FROM reflections r WHERE r.audit_id = a.id AND r.worker_id = a.worker_id) "
        "ORDER BY a.submitted_at, a.id", [utc_text(since)]).fetchall()
    return [(r[0], r[1], r[2], parse_utc(r[3])) for r in rows]


def clear_away(storage: Storage, user_id: str) -> bool:
    with storage.write() as db:
        return db.execute("DELETE FROM away WHERE user_id = ?", [user_id]).rowcount > 0


def snoozed_on(storage: Storage, day: date) -> set[tuple[str, str]]:
    """(user, reminder key) pairs snoozed on `day`."""
    rows = storage.db.execute(
        "SELECT user_id, key FROM reminder_snoozes WHERE until >= ?", [day.isoformat()]
    ).fetchall()
    return {(r[0], r[1]) for r in rows}


def snooze(storage: Storage, user_id: str, keys: Iterable[str], until: date) -> None:
    with storage.write() as db:
        for key in keys:
            db.execute(
                "INSERT INTO reminder_snoozes (user_id, key, until) VALUES (?, ?, ?) "
                "ON CONFLICT(user_id, key) DO UPDATE SET until = excluded.until",
                [user_id, key, until.isoformat()],
            )
