"""An owner's latest request for more time on each action (bot.audits.more_time): asked, withdrawn, and the answer
*Say no* as the trail holds it (migration m320).

Only the latest request is kept on the action; the trail keeps each one (`action.more_time`, `action.more_time_
withdrawn`). Whether the new date was given is not kept here: the action's due date then differs from the one it had
when asked (`due_then`), however it was changed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage
from bot.storage.trail import record_trail

REFUSED = "action.more_time_refused"


@dataclass(frozen=True)
class Asked:
    """An action's latest request for more time: whom it asked, the day asked for (None when none was said), the due
    date it had then, when it was asked, and when it was withdrawn or said no to (None when it was not). `also`:
    whoever else it was sent to at once (fix74a A1: another manager or an admin while the one asked is away past
    the day asked for), so everything that says who was asked names them all (`sent_to`)."""

    action_id: int
    asked: str
    until: str | None
    due_then: str
    at: datetime
    withdrawn_at: datetime | None = None
    refused_at: datetime | None = None
    refused_by: str | None = None
    number: int | None = None  # the request's number on its action (m360; None for one asked before it)
    also: tuple[str, ...] = ()  # m790: sent to them as well as to `asked`

    @property
    def sent_to(self) -> tuple[str, ...]:
        """Everyone the request was sent to, the one asked first."""
        return (self.asked, *self.also)


def record_request(storage: Storage, action_id: int, actor: str, asked: str, until: str | None, due_then: str,
                   now: datetime, also: Sequence[str] = ()) -> int:
    """Keep the request as the action's latest (a withdrawn or answered one before it is replaced) and in the
    trail, with everyone else it was sent to (`also`): its number on the action, which its buttons carry so an
    earlier request's answer no one else's."""
    others = json.dumps(list(also)) if also else None
    with storage.write() as db:
        db.execute("UPDATE actions SET more_time_asked_at = ?, more_time_asked_to = ?, more_time_until = ?, "
                   "more_time_due = ?, more_time_withdrawn_at = NULL, more_time_request = COALESCE(more_time_request, "
                   "0) + 1, more_time_also_asked = ? WHERE id = ?",
                   [utc_text(now), asked, until, due_then, others, action_id])
        number = int(db.execute("SELECT more_time_request FROM actions WHERE id = ?", [action_id]).fetchone()[0])
        detail = {"action": action_id, "until": until, "asked": asked, **({"also": list(also)} if also else {})}
        record_trail(storage, actor, "action.more_time", detail, now)
    return number


def withdraw(storage: Storage, action_id: int, actor: str, now: datetime) -> bool:
    """Mark the action's latest request withdrawn, unless it already was (or there is none): whether it was."""
    with storage.write() as db:
        cursor = db.execute("UPDATE actions SET more_time_withdrawn_at = ? WHERE id = ? AND more_time_asked_at IS NOT "
                            "NULL AND more_time_withdrawn_at IS NULL", [utc_text(now), action_id])
        if not cursor.rowcount:
            return False
        record_trail(storage, actor, "action.more_time_withdrawn", {"action": action_id}, now)
    return True


def latest(storage: Storage, action_id: int) -> Asked | None:
    """The action's latest request for more time, or None when none was ever asked."""
    return latest_of(storage, [action_id]).get(action_id)


def latest_of(storage: Storage, action_ids: list[int]) -> dict[int, Asked]:
    """The latest request for more time of each of these actions that has one, by action."""
    if not action_ids:
        return {}
    marks = ", ".join("?" for _ in action_ids)
    rows = storage.db.execute(
        "SELECT id, more_time_asked_to, more_time_until, more_time_due, more_time_asked_at, more_time_withdrawn_at, "
        "more_time_request, more_time_also_asked "
        f"FROM actions WHERE id IN ({marks}) AND more_time_asked_at IS NOT NULL", list(action_ids)).fetchall()
    return {row[0]: _asked(storage, row) for row in rows}


def _asked(storage: Storage, row: Any) -> Asked:
    action_id, asked, until, due_then, at, withdrawn_at, number, also = row
    refused = storage.db.execute(
        f"SELECT at, actor FROM trail WHERE action = '{REFUSED}' AND json_extract(detail, '$.action') = ? "
        "AND at >= ? ORDER BY at DESC, id DESC LIMIT 1", [action_id, at]).fetchone()
    return Asked(action_id, asked, until, due_then, parse_utc(at), parse_utc(withdrawn_at) if withdrawn_at else None,
                 parse_utc(refused[0]) if refused else None, refused[1] if refused else None, number,
                 tuple(json.loads(also)) if also else ())


def pending_of(storage: Storage, owner_id: str) -> list[Asked]:
    """The owner's open actions whose latest request is neither withdrawn nor said no to, and whose due date is still
    the one it had when asked: the requests that wait for an answer, oldest first."""
    rows = storage.db.execute(
        "SELECT id, more_time_asked_to, more_time_until, more_time_due, more_time_asked_at, more_time_withdrawn_at, "
        "more_time_request, more_time_also_asked "
        "FROM actions WHERE owner_id = ? AND more_time_asked_at IS NOT NULL AND more_time_withdrawn_at IS NULL AND "
        "done_at IS NULL AND removed_at IS NULL AND due_date = more_time_due ORDER BY more_time_asked_at",
        [owner_id]).fetchall()
    return [asked for asked in (_asked(storage, row) for row in rows) if asked.refused_at is None]


def waiting(storage: Storage) -> list[Asked]:
    """Every request for more time that waits for an answer (neither withdrawn nor said no to, the action open and
    still due the day it was when asked), oldest first. Whose answer it waits for is not the one asked when the
    worker or the audit has moved on since (bot.core.owner_manager.approver decides; trial 58 F8), so Home, `/audit
    reminders` and "has anyone asked me for more time" ask that of each (bot.core.more_time_said)."""
    rows = storage.db.execute(
        "SELECT id, more_time_asked_to, more_time_until, more_time_due, more_time_asked_at, more_time_withdrawn_at, "
        "more_time_request, more_time_also_asked "
        "FROM actions WHERE more_time_asked_at IS NOT NULL AND more_time_withdrawn_at IS NULL AND done_at IS NULL "
        "AND removed_at IS NULL AND due_date = more_time_due ORDER BY more_time_asked_at, id").fetchall()
    return [asked for asked in (_asked(storage, row) for row in rows) if asked.refused_at is None]
