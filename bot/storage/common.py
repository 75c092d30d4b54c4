"""Small storage facts shared by every query module: the clock format, plain reads and replay keys."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from bot.storage.db import Storage

# Statuses of an audit that counts as completed, always alongside a submitted_at condition: an audit
# reopened for changes before moderation is a draft again but keeps its first submission, and still counts.
COMPLETED_SQL = "('submitted', 'in_moderation', 'moderated', 'draft')"
# The grade that counts (the grade of record): the moderator's once an audit is moderated, else the auditor's.
GRADE_OF_RECORD_SQL = "COALESCE({a}moderated_grade, {a}overall_grade)"


def utc_text(moment: datetime | None = None) -> str:
    """Times go into the database as UTC ISO text so they sort and compare as strings."""
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous across the clock change; pass an aware one")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def select(db: Database, sql: str,
           params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
    """Rows of a read as dicts, in one statement.

    sqlite-utils' `query` wraps every read in a SAVEPOINT and RELEASE; on the path of every button press
    those two extra statements are a measurable share of the time, and a plain SELECT needs neither.
    """
    cursor = db.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


SLACK_EVENT_IDS_KEPT = timedelta(days=7)
"""How long a Slack event id is remembered (by the daily housekeeping job, `forget_processed_events`). An id is
kept only so that Slack's retry of the same event is not acted on twice, and Slack retries an event three times
within about five minutes of the first try; a week covers that many times over, even for a run missed over a long
weekend. Kept for ever, the ids were a fifth of a five-year database."""


def mark_event_processed(storage: Storage, event_id: str, at: datetime | None = None) -> bool:
    """Return True the first time an event id is seen; Slack retries carry the same id."""
    cursor = storage.db.execute(
        "INSERT OR IGNORE INTO processed_events (event_id, received_at) VALUES (?, ?)",
        [event_id, utc_text(at)],
    )
    return cursor.rowcount == 1


def forget_processed_events(storage: Storage, now: datetime, keep: timedelta = SLACK_EVENT_IDS_KEPT) -> int:
    """Drop the event ids received more than `keep` before `now` (a retry of them can no longer come); returns how
    many went. Run once a day by the housekeeping job rather than on every event: the table has no index on the
    time, and a daily pass over a week of ids costs nothing."""
    with storage.write() as db:
        return db.execute("DELETE FROM processed_events WHERE received_at < ?", [utc_text(now - keep)]).rowcount


def mark_request_processed(storage: Storage, key: str, at: datetime,
                           keep: timedelta = timedelta(minutes=11)) -> bool:
    """Return True the first time a signed request is seen; a replay of it within `keep` returns False.

    Slack accepts a signature whose timestamp is up to five minutes either side of now, so a request can be
    replayed for up to ten minutes after it arrived: remembering it a little longer covers the whole window.
    Older keys are dropped as new ones arrive.
    """
    storage.db.execute("DELETE FROM processed_requests WHERE received_at < ?", [utc_text(at - keep)])
    cursor = storage.db.execute(
        "INSERT OR IGNORE INTO processed_requests (key, received_at) VALUES (?, ?)", [key, utc_text(at)]
    )
    return cursor.rowcount == 1


def people_and_teams_scope(people: Collection[str] | None, teams: Collection[str] | None,
                           prefix: str = "") -> tuple[list[str], list[Any]]:
    """The SQL conditions (to be joined with OR) and their parameters for "audits done by or of one of
    `people`, or in one of `teams`": what a reader may see, shared by the lists that filter by it."""
    conditions: list[str] = []
    params: list[Any] = []
    ids = sorted(people or ())
    if ids:
        marks = ", ".join("?" * len(ids))
        conditions.append(f"{prefix}auditor_id IN ({marks}) OR {prefix}worker_id IN ({marks})")
        params += ids + ids
    team_ids = sorted(teams or ())
    if team_ids:
        conditions.append(f"{prefix}team_id IN ({', '.join('?' * len(team_ids))})")
        params += team_ids
    return conditions, params
