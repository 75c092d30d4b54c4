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
