"""SQL for messages that could not be delivered: who should hear about it, what kind, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage


@dataclass(frozen=True)
class Undelivered:
    id: int
    kind: str
    failed_at: datetime


def record_undelivered(storage: Storage, user_id: str, kind: str, at: datetime) -> None:
    """Remember the failure (never the message text) so the person can be told when they are next in touch."""
    storage.db.execute(
        "INSERT INTO undelivered (user_id, kind, failed_at) VALUES (?, ?, ?)", [user_id, kind, utc_text(at)]
    )


def claim_undelivered(storage: Storage, user_id: str, at: datetime) -> list[Undelivered]:
    """Take the person's pending notices and mark them told in one step, so two turns at once tell once.

    Every reply asks first; a plain read answers the usual "nothing pending" without taking the write lock.
    """
    if storage.db.execute("SELECT 1 FROM undelivered WHERE user_id = ? AND told_at IS NULL LIMIT 1",
                          [user_id]).fetchone() is None:
        return []
    with storage.write() as db:
        rows = db.execute(
            "SELECT id, kind, failed_at FROM undelivered WHERE user_id = ? AND told_at IS NULL ORDER BY id",
            [user_id],
        ).fetchall()
        db.conn.executemany("UPDATE undelivered SET told_at = ? WHERE id = ?", [(utc_text(at), row[0]) for row in rows])
    return [Undelivered(row_id, kind, parse_utc(failed_at)) for row_id, kind, failed_at in rows]


def release_undelivered(storage: Storage, ids: list[int]) -> None:
    """The notice itself could not be sent: keep it pending for the next time."""
    # In a write transaction: executemany on the raw connection would open one implicitly and leave it open,
    # holding SQLite's write lock against every other writer until this thread happened to commit.
    with storage.write() as db:
        db.conn.executemany("UPDATE undelivered SET told_at = NULL WHERE id = ?", [(i,) for i in ids])


@dataclass(frozen=True)
class Failure:
    """A failed message as an admin sees it: who it was for, what kind, and when (never the text)."""

    id: int
    recipient: str
    kind: str
    failed_at: datetime


def recent_failures(storage: Storage, since: datetime, limit: int = 10) -> tuple[int, list[Failure]]:
    """How many messages failed since `since`, and the latest `limit` of them, for the admin's Home tab."""
    total = storage.db.execute("SELECT count(*) FROM undelivered WHERE failed_at >= ?", [utc_text(since)]).fetchone()
    rows = storage.db.execute(
        "SELECT id, user_id, kind, failed_at FROM undelivered WHERE failed_at >= ? ORDER BY failed_at DESC, id DESC "
        "LIMIT ?", [utc_text(since), limit]).fetchall()
    return int(total[0]), [Failure(row[0], row[1], row[2], parse_utc(row[3])) for row in rows]


def claim_admin_failures(storage: Storage, at: datetime) -> list[Failure]:
    """Failures no admin has been told about, marked told in one step so the summary goes out once."""
    if storage.db.execute("SELECT 1 FROM undelivered WHERE admin_told_at IS NULL LIMIT 1").fetchone() is None:
        return []
    with storage.write() as db:
        rows = db.execute("SELECT id, user_id, kind, failed_at FROM undelivered WHERE admin_told_at IS NULL "
                          "ORDER BY id").fetchall()
        db.conn.executemany("UPDATE undelivered SET admin_told_at = ? WHERE id = ?",
                            [(utc_text(at), row[0]) for row in rows])
    return [Failure(row[0], row[1], row[2], parse_utc(row[3])) for row in rows]


def release_admin_failures(storage: Storage, ids: list[int]) -> None:
    """The admin summary could not be sent either: keep it for the next time an admin is reached."""
    with storage.write() as db:
        db.conn.executemany("UPDATE undelivered SET admin_told_at = NULL WHERE id = ?", [(i,) for i in ids])
