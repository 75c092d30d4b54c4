"""Chases held until the next working morning (the `held_chases` table, m330): holding one (at most one waiting per
action), what waits, withdrawing one, and the scheduler's claim of those due, so a restart loses none and two runs
never send one twice. Only ids and times are kept: the nudge is worded from the action when it goes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage
from bot.storage.trail import record_trail

HELD, SENDING, SENT, FAILED, DROPPED, WITHDRAWN = "held", "sending", "sent", "failed", "dropped", "withdrawn"
_COLUMNS = "id, action_id, chased_by, held_at, send_at"


@dataclass(frozen=True)
class HeldChase:
    id: int
    action_id: int
    chased_by: str
    held_at: datetime
    send_at: datetime


def _row(row: tuple) -> HeldChase:
    return HeldChase(row[0], row[1], row[2], parse_utc(row[3]), parse_utc(row[4]))


def hold(storage: Storage, action_id: int, actor: str, now: datetime, send_at: datetime) -> tuple[HeldChase, bool]:
    """Hold `actor`'s chase of the action until `send_at`; the chase already waiting (and False) when there is one,
    so two typed at once hold one."""
    with storage.write() as db:
        try:
            cursor = db.execute("INSERT INTO held_chases (action_id, chased_by, held_at, send_at) VALUES (?, ?, ?, ?)",
                                [action_id, actor, utc_text(now), utc_text(send_at)])
        except sqlite3.IntegrityError:  # one waits already (held_chases_waiting)
            row = db.execute(f"SELECT {_COLUMNS} FROM held_chases WHERE action_id = ? AND state = ?",
                             [action_id, HELD]).fetchone()
            return _row(row), False
        record_trail(storage, actor, "action.chase_held", {"action": action_id, "until": utc_text(send_at)}, now)
        held = HeldChase(int(cursor.lastrowid or 0), action_id, actor, parse_utc(utc_text(now)),
                         parse_utc(utc_text(send_at)))
    return held, True


def waiting(storage: Storage, action_ids: Iterable[int]) -> dict[int, HeldChase]:
    """The chase waiting on each of these actions that has one, by action."""
    ids = list(action_ids)
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = storage.db.execute(f"SELECT {_COLUMNS} FROM held_chases WHERE state = ? AND action_id IN ({marks})",
                              [HELD, *ids]).fetchall()
    return {row[1]: _row(row) for row in rows}


def held_by(storage: Storage, actor: str) -> list[HeldChase]:
    """The chases `actor` has waiting, soonest to go first."""
    rows = storage.db.execute(f"SELECT {_COLUMNS} FROM held_chases WHERE state = ? AND chased_by = ? "
                              "ORDER BY send_at, action_id", [HELD, actor]).fetchall()
    return [_row(row) for row in rows]


def withdraw(storage: Storage, action_id: int, actor: str, now: datetime) -> HeldChase | None:
    """Take back the chase waiting on the action (compare-and-set on its state); None when none waits, or it has
    just been claimed to go."""
    with storage.write() as db:
        row = db.execute(f"SELECT {_COLUMNS} FROM held_chases WHERE action_id = ? AND state = ?",
                         [action_id, HELD]).fetchone()
        if row is None:
            return None
        db.execute("UPDATE held_chases SET state = ?, settled_at = ?, settled_by = ? WHERE id = ?",
                   [WITHDRAWN, utc_text(now), actor, row[0]])
        record_trail(storage, actor, "action.chase_withdrawn", {"action": action_id}, now)
    return _row(row)


def claim_due(storage: Storage, now: datetime) -> list[HeldChase]:
    """The chases due by `now`, claimed to be sent in one write (held → sending), so a second run or process finds
    none of them; those whose action was done or removed meanwhile are dropped instead, unsent."""
    stamp = utc_text(now)
    if storage.db.execute("SELECT 1 FROM held_chases WHERE state = ? AND send_at <= ? LIMIT 1",
                          [HELD, stamp]).fetchone() is None:
        return []  # the usual answer, without taking the write lock
    with storage.write() as db:
        db.execute("UPDATE held_chases SET state = ?, settled_at = ? WHERE state = ? AND send_at <= ? AND action_id IN "
                   "(SELECT id FROM actions WHERE done_at IS NOT NULL OR removed_at IS NOT NULL)",
                   [DROPPED, stamp, HELD, stamp])
        rows = db.execute(f"SELECT {_COLUMNS} FROM held_chases WHERE state = ? AND send_at <= ? ORDER BY send_at, id",
                          [HELD, stamp]).fetchall()
        db.conn.executemany("UPDATE held_chases SET state = ? WHERE id = ?", [(SENDING, row[0]) for row in rows])
    return [_row(row) for row in rows]


def settle(storage: Storage, held: HeldChase, sent: bool, now: datetime) -> None:
    """A claimed chase went (recorded as the action's chase of the day, as one sent at once is: its owner is then
    chased once a day at most) or could not be delivered."""
    with storage.write() as db:
        db.execute("UPDATE held_chases SET state = ?, settled_at = ? WHERE id = ? AND state = ?",
                   [SENT if sent else FAILED, utc_text(now), held.id, SENDING])
        if sent:
            db.execute("UPDATE actions SET chased_at = ?, chased_by = ? WHERE id = ?",
                       [utc_text(now), held.chased_by, held.action_id])
            record_trail(storage, held.chased_by, "action.chased", {"action": held.action_id, "held": True}, now)


def state_of(storage: Storage, held_id: int) -> str | None:
    """Where one held chase stands (held, sending, sent, failed, dropped, withdrawn)."""
    row = storage.db.execute("SELECT state FROM held_chases WHERE id = ?", [held_id]).fetchone()
    return row[0] if row else None
