"""DMs to a worker held until their working hours (the `held_dms` table, m400): holding one, and the scheduler's claim
of those due, so a restart loses none and two runs never send one twice (as bot.storage.held_news). The message's
words are kept only until it is settled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.storage import held
from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage
from bot.storage.trail import record_trail

HELD, SENDING, SENT, FAILED = "held", "sending", "sent", "failed"
_COLUMNS = "id, to_user, message, by_user, send_at, claimed_at, attempts, held_at"
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class HeldDm:
    id: int
    to_user: str
    message: str  # the message as JSON (bot.audits.held_dms writes and reads it)
    by_user: str
    send_at: datetime
    claimed_at: datetime | None = None
    attempts: int = 0
    held_at: datetime | None = None  # when it was held: handed over in that order with the rest (trial 49)


def _row(row: tuple) -> HeldDm:
    return HeldDm(row[0], row[1], row[2], row[3], parse_utc(row[4]), parse_utc(row[5]) if row[5] else None, row[6],
                  parse_utc(row[7]) if len(row) > 7 and row[7] else None)


def hold(storage: Storage, to_user: str, message: str, actor: str, now: datetime, send_at: datetime,
         audit_id: int | None = None) -> None:
    """Hold one message for `to_user` until `send_at`, with the audit it is about if any (m680: a removal of that
    audit's text reaches it); the trail says who caused it and until when, never its words."""
    with storage.write() as db:
        db.execute("INSERT INTO held_dms (to_user, message, by_user, held_at, send_at, audit_id) "
                   "VALUES (?, ?, ?, ?, ?, ?)", [to_user, message, actor, utc_text(now), utc_text(send_at), audit_id])
        record_trail(storage, actor, "dm.held", {"to": to_user, "until": utc_text(send_at)}, now)


def claim_due(storage: Storage, now: datetime) -> list[HeldDm]:
    """The messages due by `now`, in the order they were held, claimed in one write (→ sending); a claim older than
    CLAIM_EXPIRES and not settled is claimable again."""
    return [_row(row) for row in held.claim(storage, "held_dms", _COLUMNS, held.due(now), "id", now)]


def settle(storage: Storage, held: HeldDm, sent: bool, now: datetime) -> None:
    """A claimed message went (or, after its last try, failed): its words are cleared. Otherwise it is tried again
    once its claim expires. Only the current claim settles it."""
    if not sent and held.attempts < MAX_ATTEMPTS:
        return
    with storage.write() as db:
        db.execute("UPDATE held_dms SET state = ?, settled_at = ?, message = '' WHERE id = ? AND state = ? AND "
                   "claimed_at = ?", [SENT if sent else FAILED, utc_text(now), held.id, SENDING,
                                      utc_text(held.claimed_at) if held.claimed_at else None])


def waiting_for(storage: Storage, to_user: str, now: datetime) -> list[HeldDm]:
    """The messages still held for `to_user` (read only): what their Home lists."""
    where, values = held.waiting_for("to_user = :to", to_user, now)
    return [_row(row) for row in storage.db.execute(
        f"SELECT {_COLUMNS} FROM held_dms WHERE {where} ORDER BY id", values).fetchall()]


def claim_for(storage: Storage, to_user: str, now: datetime) -> list[HeldDm]:
    """The messages held for `to_user`, claimed now however far off their time (→ sending), because the person is
    here: the scheduler's run at their time then finds them claimed and sends none again."""
    waiting = held.waiting_for("to_user = :to", to_user, now)
    return [_row(row) for row in held.claim(storage, "held_dms", _COLUMNS, waiting, "id", now)]


def release(storage: Storage, held: HeldDm) -> None:
    """A message claimed to be handed over in a turn whose post Slack refused: held again as it was before the
    claim (fix48e), so the run at its time sends it. Only the current claim is released."""
    with storage.write() as db:
        db.execute("UPDATE held_dms SET state = ?, claimed_at = NULL, attempts = MAX(attempts - 1, 0) WHERE id = ? "
                   "AND state = ? AND claimed_at = ?",
                   [HELD, held.id, SENDING, utc_text(held.claimed_at) if held.claimed_at else None])
