"""Each person's last figure question (the `figure_questions` table, m380), so a follow-up ("what about last month",
"and south?") finds it after a restart or from another session: one row a person, the words as the bot read them
(already screened by the caller) and when they were asked."""

from __future__ import annotations

from datetime import datetime

from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage


def keep(storage: Storage, user_id: str, said: str, now: datetime, stale_before: datetime) -> None:
    """Keep `said` as `user_id`'s last figure question, asked `now`; anyone's asked before `stale_before` (past the
    follow-up window, so never read again) is deleted, so the table holds only what a follow-up may use."""
    with storage.write() as db:
        db.execute("INSERT INTO figure_questions (user_id, said, asked_at) VALUES (?, ?, ?) ON CONFLICT(user_id) DO "
                   "UPDATE SET said = excluded.said, asked_at = excluded.asked_at", [user_id, said, utc_text(now)])
        db.execute("DELETE FROM figure_questions WHERE asked_at < ?", [utc_text(stale_before)])


def last(storage: Storage, user_id: str) -> tuple[str, datetime] | None:
    """`user_id`'s last figure question and when it was asked; None when none is kept."""
    row = storage.db.execute("SELECT said, asked_at FROM figure_questions WHERE user_id = ?", [user_id]).fetchone()
    return None if row is None else (row[0], parse_utc(row[1]))
