"""What the three held-message tables (held_dms, held_news, held_chases) share: which rows still wait for a person.

A row waits while it is held (whenever its time), or while a claim on it is older than CLAIM_EXPIRES and was never
settled (the sender died): the same rule `claim_due` uses in each table, so Home's counts and a handover made
because the person is here see the same rows as the scheduler's run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.storage.common import utc_text
from bot.storage.db import Storage

CLAIM_EXPIRES = timedelta(minutes=10)  # a claim this old and not marked sent is claimable again (the sender died)
UNSETTLED = "(state = 'held' OR (state = 'sending' AND (claimed_at IS NULL OR claimed_at <= :stale)))"
DUE = ("((state = 'held' AND send_at <= :now) OR (state = 'sending' AND "
       "(claimed_at IS NULL OR claimed_at <= :stale)))")


def waiting_for(whose: str, person_id: str, now: datetime) -> tuple[str, dict[str, str]]:
    """The WHERE clause and its values for rows still waiting for `person_id`: `whose` names them by `:to`
    ("to_user = :to"), and the rest is UNSETTLED, so each table's `waiting_for` and `claim_for` read one rule."""
    return f"{whose} AND {UNSETTLED}", {"to": person_id, "stale": utc_text(now - CLAIM_EXPIRES)}


def due(now: datetime) -> tuple[str, dict[str, str]]:
    """The WHERE clause and its values for rows due by `now`: held ones whose time has come, and claims older than
    CLAIM_EXPIRES never settled (the sender died), so no message is lost for ever. Each table's `claim_due`."""
    return DUE, {"now": utc_text(now), "stale": utc_text(now - CLAIM_EXPIRES)}


def claim(storage: Storage, table: str, columns: str, where: tuple[str, dict[str, str]], order: str, now: datetime,
          first: Callable[[Database], object] | None = None) -> list[tuple]:
    """The rows of `table` that `where` picks, claimed in one write (→ sending, stamped `now`, one more attempt) and
    returned as claimed, so a second run or process finds none of them while the claim is fresh. With none to
    claim the write lock is never taken (the usual answer); `first` runs in the same write before the rows are read
    (held_chases drops chases whose action is done meanwhile)."""
    clause, values = where
    if storage.db.execute(f"SELECT 1 FROM {table} WHERE {clause} LIMIT 1", values).fetchone() is None:
        return []
    stamp = utc_text(now)
    with storage.write() as db:
        if first is not None:
            first(db)
        rows = db.execute(f"SELECT {columns} FROM {table} WHERE {clause} ORDER BY {order}", values).fetchall()
        db.conn.executemany(f"UPDATE {table} SET state = ?, claimed_at = ?, attempts = attempts + 1 WHERE id = ?",
                            [("sending", stamp, row[0]) for row in rows])
    return [_claimed(row, columns.split(", "), stamp) for row in rows]


def _claimed(row: tuple, names: list[str], stamp: str) -> tuple:
    """A row as its claim left it: claimed at `stamp`, with one more attempt."""
    claimed = list(row)
    claimed[names.index("claimed_at")] = stamp
    claimed[names.index("attempts")] += 1
    return tuple(claimed)
