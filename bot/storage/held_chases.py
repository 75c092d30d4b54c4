"""Chases held until the next working morning (the `held_chases` table, m330): holding one (at most one waiting per
action), what waits, withdrawing one, and the scheduler's claim of those due, so a restart loses none and two runs
never send one twice; a claim never marked sent expires, so a crash mid-send loses none. Only ids and times are
kept: the nudge is worded from the action when it goes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.storage import held
from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage
from bot.storage.trail import record_trail

HELD, SENDING, SENT, FAILED, DROPPED, WITHDRAWN = "held", "sending", "sent", "failed", "dropped", "withdrawn"
_COLUMNS = "id, action_id, chased_by, held_at, send_at, claimed_at, attempts"
MAX_ATTEMPTS = 3  # tries before a chase Slack keeps refusing is recorded failed and its chaser told


@dataclass(frozen=True)
class HeldChase:
    id: int
    action_id: int
    chased_by: str
    held_at: datetime
    send_at: datetime
    claimed_at: datetime | None = None
    attempts: int = 0


def _row(row: tuple) -> HeldChase:
    return HeldChase(row[0], row[1], row[2], parse_utc(row[3]), parse_utc(row[4]),
                     parse_utc(row[5]) if row[5] else None, row[6])


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
    """The chases due by `now`, claimed to be sent in one write (→ sending, with the time and one more try), so a
    second run or process finds none of them while the claim is fresh. A claim older than CLAIM_EXPIRES and not
    marked sent (its process died mid-send, or Slack refused it) is claimable again, so no chase is lost for ever;
    those whose action was done or removed meanwhile are dropped instead, unsent."""
    claimable, values = due = held.due(now)

    def drop_done(db: Database) -> None:
        db.execute(f"UPDATE held_chases SET state = '{DROPPED}', settled_at = :now WHERE {claimable} AND action_id IN "
                   "(SELECT id FROM actions WHERE done_at IS NOT NULL OR removed_at IS NOT NULL)", values)

    return [_row(row) for row in held.claim(storage, "held_chases", _COLUMNS, due, "send_at, id", now, drop_done)]


def settle(storage: Storage, held: HeldChase, sent: bool, now: datetime) -> bool:
    """A claimed chase went (recorded as the action's chase of the day, as one sent at once is: its owner is then
    chased once a day at most), or could not be delivered: then it stays claimed, to be tried again once the claim
    expires, until its MAX_ATTEMPTS-th try is recorded failed. Only the claim that is still current settles it (a
    slow run whose claim expired and was taken by another changes nothing). True when it was recorded failed just
    now, so the chaser is told once."""
    current = "id = ? AND state = ? AND claimed_at = ?"
    claim = [held.id, SENDING, utc_text(held.claimed_at) if held.claimed_at else None]
    with storage.write() as db:
        if sent:
            if db.execute(f"UPDATE held_chases SET state = ?, settled_at = ? WHERE {current}",
                          [SENT, utc_text(now), *claim]).rowcount:
                db.execute("UPDATE actions SET chased_at = ?, chased_by = ? WHERE id = ?",
                           [utc_text(now), held.chased_by, held.action_id])
                record_trail(storage, held.chased_by, "action.chased", {"action": held.action_id, "held": True}, now)
            return False
        if held.attempts < MAX_ATTEMPTS:
            return False  # stays claimed: tried again when the claim expires
        failed = db.execute(f"UPDATE held_chases SET state = ?, settled_at = ? WHERE {current}",
                            [FAILED, utc_text(now), *claim]).rowcount > 0
        if failed:
            record_trail(storage, held.chased_by, "action.chase_failed",
                         {"action": held.action_id, "attempts": held.attempts}, now)
    return failed


def drop(storage: Storage, held: HeldChase, now: datetime) -> None:
    """A claimed chase with nothing left to chase (its action is gone): never sent, never tried again."""
    with storage.write() as db:
        db.execute("UPDATE held_chases SET state = ?, settled_at = ? WHERE id = ? AND state = ?",
                   [DROPPED, utc_text(now), held.id, SENDING])


def state_of(storage: Storage, held_id: int) -> str | None:
    """Where one held chase stands (held, sending, sent, failed, dropped, withdrawn)."""
    row = storage.db.execute("SELECT state FROM held_chases WHERE id = ?", [held_id]).fetchone()
    return row[0] if row else None


# the owner's: chases of their open actions
_OWNER = "action_id IN (SELECT id FROM actions WHERE owner_id = :to AND done_at IS NULL AND removed_at IS NULL)"


def waiting_for(storage: Storage, owner_id: str, now: datetime) -> list[HeldChase]:
    """The chases still held for the owner of their actions (read only): what their Home counts (fix48e)."""
    where, values = held.waiting_for(_OWNER, owner_id, now)
    return [_row(row) for row in storage.db.execute(
        f"SELECT {_COLUMNS} FROM held_chases WHERE {where} ORDER BY send_at, id", values).fetchall()]


def claim_for(storage: Storage, owner_id: str, now: datetime) -> list[HeldChase]:
    """The chases held for the owner of their open actions, claimed now however far off their time (→ sending),
    because the owner is here (fix48e): the run at their time then finds them claimed and sends none again."""
    waiting = held.waiting_for(_OWNER, owner_id, now)
    return [_row(row) for row in held.claim(storage, "held_chases", _COLUMNS, waiting, "send_at, id", now)]


def release(storage: Storage, held: HeldChase) -> None:
    """A chase claimed to be handed over in a turn whose post Slack refused: held again as before the claim, so the
    run at its time sends it; when another chase of the action is held meanwhile, the claim is left to expire."""
    try:
        with storage.write() as db:
            db.execute("UPDATE held_chases SET state = ?, claimed_at = NULL, attempts = MAX(attempts - 1, 0) "
                       "WHERE id = ? AND state = ? AND claimed_at = ?",
                       [HELD, held.id, SENDING, utc_text(held.claimed_at) if held.claimed_at else None])
    except sqlite3.IntegrityError:  # one waits already (held_chases_waiting)
        return
