"""The audit trail: who did what and when, for the things a council must be able to account for.

Its own aggregate: rows are only ever added (by the writes that do those things, inside their transactions)
and read back by `audit-bot trail`; retention keeps them, since they hold ids and counts, never case content.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.storage.common import parse_utc, utc_text
from bot.storage.db import Storage


def record_trail(storage: Storage, actor: str, action: str, detail: dict[str, Any] | None = None,
                 at: datetime | None = None) -> None:
    """Keep who did what and when for the things a council must be able to account for."""
    storage.db.execute(
        "INSERT INTO trail (at, actor, action, detail) VALUES (?, ?, ?, ?)",
        [utc_text(at), actor, action, json.dumps(detail or {}, sort_keys=True)],
    )


# What happened during an audit that its moderator is shown (bot.audits.during_audit): an immediate-concern alert
# sent or withdrawn, the checklist changed. Indexed by audit for these actions only (migration m300).
AUDIT_EVENTS = ("audit.alert", "audit.alert_withdrawn", "audit.switch_checklist")
_AUDIT_EVENTS_SQL = f"action IN ({', '.join(repr(action) for action in AUDIT_EVENTS)})"


@dataclass(frozen=True)
class TrailRow:
    """One trail row: when, who, what, and its detail (ids and counts only)."""

    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


def audit_events(storage: Storage, audit_id: int) -> list[TrailRow]:
    """The alerts and checklist changes the trail holds for this audit, oldest first, with each checklist's title
    (its latest snapshot's) beside its id in the detail (`from_title`, `to_title`), so nobody reads a bare id."""
    rows = storage.db.execute(
        "SELECT at, actor, action, detail, "
        "(SELECT title FROM checklist_versions WHERE checklist_id = json_extract(t.detail, '$.from') "
        " ORDER BY first_seen DESC LIMIT 1), "
        "(SELECT title FROM checklist_versions WHERE checklist_id = json_extract(t.detail, '$.to') "
        " ORDER BY first_seen DESC LIMIT 1) "
        f"FROM trail t WHERE {_AUDIT_EVENTS_SQL} AND json_extract(detail, '$.audit') = ? ORDER BY at, id",
        [audit_id],
    ).fetchall()
    events = []
    for at, actor, action, detail, from_title, to_title in rows:
        titles = {"from_title": from_title, "to_title": to_title} if action == "audit.switch_checklist" else {}
        events.append(TrailRow(parse_utc(at), actor, action, {**json.loads(detail), **titles}))
    return events



NOT_MINE, STAYS_THEIRS = "action.not_mine", "action.stays_theirs"  # bot.audits.not_mine


def not_mine_said(storage: Storage, action_ids: list[int]) -> dict[int, TrailRow]:
    """The latest "isn't mine" said of each of these actions, by action, left out once answered *It stays theirs*
    after it (trial 37: the claim showed nowhere in `my actions`). Few rows have these actions: the scan is short."""
    if not action_ids:
        return {}
    marks = ", ".join("?" for _ in action_ids)
    rows = storage.db.execute(
        f"SELECT at, actor, action, detail FROM trail WHERE action IN (?, ?) AND "
        f"json_extract(detail, '$.action') IN ({marks}) ORDER BY at, id", [NOT_MINE, STAYS_THEIRS, *action_ids],
    ).fetchall()
    said: dict[int, TrailRow] = {}
    for at, actor, action, detail in rows:
        row = TrailRow(parse_utc(at), actor, action, json.loads(detail))
        if action == NOT_MINE:
            said[int(row.detail["action"])] = row
        else:
            said.pop(int(row.detail["action"]), None)
    return said
