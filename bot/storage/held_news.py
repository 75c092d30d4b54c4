"""An audit's news for its worker held until their working hours (the `held_news` table, m390): holding it (one
waiting per worker and audit, so several held send the latest state once), and the scheduler's claim of those due,
so a restart loses none and two runs never send one twice. Only ids and times are kept."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from bot.storage import held
from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage
from bot.storage.trail import record_trail

HELD, SENDING, SENT, FAILED = "held", "sending", "sent", "failed"
_COLUMNS = "id, worker_id, audit_id, kind, by_user, send_at, claimed_at, attempts, held_at"
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class HeldNews:
    id: int
    worker_id: str
    audit_id: int
    kind: str  # "new": the first summary; "changed": the audit changed after the worker was sent it
    by_user: str
    send_at: datetime
    claimed_at: datetime | None = None
    attempts: int = 0
    held_at: datetime | None = None  # when it was first held: handed over in that order with the rest (trial 49)


def _row(row: tuple) -> HeldNews:
    return HeldNews(row[0], row[1], row[2], row[3], row[4], parse_utc(row[5]),
                    parse_utc(row[6]) if row[6] else None, row[7],
                    parse_utc(row[8]) if len(row) > 8 and row[8] else None)


def hold(storage: Storage, worker_id: str, audit_id: int, kind: str, actor: str, now: datetime,
         send_at: datetime) -> HeldNews:
    """Hold news of the audit for its worker until `send_at`, or fold it into the news already waiting (a first
    summary stays `new`; the sender is the latest): what waits now."""
    with storage.write() as db:
        row = db.execute(f"SELECT {_COLUMNS} FROM held_news WHERE worker_id = ? AND audit_id = ? AND state = ?",
                         [worker_id, audit_id, HELD]).fetchone()
        if row is None:
            db.execute("INSERT INTO held_news (worker_id, audit_id, kind, by_user, held_at, send_at) VALUES "
                       "(?, ?, ?, ?, ?, ?)", [worker_id, audit_id, kind, actor, utc_text(now), utc_text(send_at)])
        else:
            db.execute("UPDATE held_news SET kind = ?, by_user = ? WHERE id = ?",
                       ["new" if "new" in (row[3], kind) else kind, actor, row[0]])
        record_trail(storage, actor, "audit.news_held", {"audit": audit_id, "until": utc_text(send_at)}, now)
        found = db.execute(f"SELECT {_COLUMNS} FROM held_news WHERE worker_id = ? AND audit_id = ? AND state = ?",
                           [worker_id, audit_id, HELD]).fetchone()
    return _row(found)


def claim_due(storage: Storage, now: datetime) -> list[HeldNews]:
    """The news due by `now`, claimed in one write (→ sending), as bot.storage.held_chases claims chases: a claim
    older than CLAIM_EXPIRES and not marked sent is claimable again."""
    return [_row(row) for row in held.claim(storage, "held_news", _COLUMNS, held.due(now), "send_at, id", now)]


def settle(storage: Storage, held: HeldNews, sent: bool, now: datetime) -> None:
    """A claimed piece of news went (or, after its last try, failed); otherwise it is tried again once its claim
    expires. Only the current claim settles it."""
    if not sent and held.attempts < MAX_ATTEMPTS:
        return
    with storage.write() as db:
        db.execute("UPDATE held_news SET state = ?, settled_at = ? WHERE id = ? AND state = ? AND claimed_at = ?",
                   [SENT if sent else FAILED, utc_text(now), held.id, SENDING,
                    utc_text(held.claimed_at) if held.claimed_at else None])


def waiting_for(storage: Storage, worker_id: str, now: datetime) -> list[HeldNews]:
    """The news still held for `worker_id` (read only): what their Home counts (fix48e)."""
    where, values = held.waiting_for("worker_id = :to", worker_id, now)
    return [_row(row) for row in storage.db.execute(
        f"SELECT {_COLUMNS} FROM held_news WHERE {where} ORDER BY send_at, id", values).fetchall()]


def claim_for(storage: Storage, worker_id: str, now: datetime) -> list[HeldNews]:
    """The news held for `worker_id`, claimed now however far off its time (→ sending), because the worker is here
    (fix48e): the run at their time then finds it claimed and sends none again, once the turn's post settles it."""
    waiting = held.waiting_for("worker_id = :to", worker_id, now)
    return [_row(row) for row in held.claim(storage, "held_news", _COLUMNS, waiting, "send_at, id", now)]


def release(storage: Storage, held: HeldNews) -> None:
    """News claimed to be handed over in a turn whose post Slack refused: held again as before the claim, so the
    run at its time sends it. When newer news of the audit is held meanwhile, the claim is left to expire instead
    (then the run sends this one too)."""
    try:
        with storage.write() as db:
            db.execute("UPDATE held_news SET state = ?, claimed_at = NULL, attempts = MAX(attempts - 1, 0) "
                       "WHERE id = ? AND state = ? AND claimed_at = ?",
                       [HELD, held.id, SENDING, utc_text(held.claimed_at) if held.claimed_at else None])
    except sqlite3.IntegrityError:  # one waits already for the audit (held_news_waiting)
        return
