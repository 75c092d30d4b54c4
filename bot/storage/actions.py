"""Actions from audits: who owns each, when it is due, and marking it done once (a compare-and-set)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.storage.common import COMPLETED_SQL, select, utc_text
from bot.storage.db import Storage
from bot.storage.errors import Conflict, NotAllowed, NotFound
from bot.storage.trail import record_trail


@dataclass(frozen=True)
class ActionRow:
    id: int
    audit_id: int
    description: str
    owner_id: str
    due_date: str
    created_by: str
    done_at: str | None = None
    done_by: str | None = None
    case_ref: str = ""  # the audit's case reference, so every list of actions can say which case


def add_action(storage: Storage, audit_id: int, description: str, owner_id: str, due_date: str, created_by: str,
               now: datetime) -> int:
    with storage.write() as db:
        cursor = db.execute(
            "INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", [audit_id, description, owner_id, due_date, created_by, utc_text(now)])
    return int(cursor.lastrowid or 0)


def actions_of_audit(storage: Storage, audit_id: int) -> list[ActionRow]:
    rows = select(storage.db, "SELECT a.id, a.audit_id, a.description, a.owner_id, a.due_date, a.created_by, "
                            "a.done_at, a.done_by, au.case_ref FROM actions a JOIN audits au ON au.id = a.audit_id "
                            "WHERE a.audit_id = ? ORDER BY a.id", [audit_id])
    return [ActionRow(**r) for r in rows]


def open_actions_of(storage: Storage, owner_id: str) -> list[ActionRow]:
    return open_actions_of_owners(storage, [owner_id])


def open_actions_of_owners(storage: Storage, owner_ids: list[str]) -> list[ActionRow]:
    """Open actions from submitted audits owned by any of these people, soonest due first."""
    if not owner_ids:
        return []
    marks = ", ".join("?" for _ in owner_ids)
    rows = select(storage.db,
        "SELECT a.id, a.audit_id, a.description, a.owner_id, a.due_date, a.created_by, a.done_at, a.done_by, "
        f"au.case_ref FROM actions a JOIN audits au ON au.id = a.audit_id WHERE a.owner_id IN ({marks}) "
        "AND a.done_at IS NULL "
        f"AND au.status IN {COMPLETED_SQL} AND au.submitted_at IS NOT NULL ORDER BY a.due_date, a.id",
        list(owner_ids))
    return [ActionRow(**r) for r in rows]


def action_owner(storage: Storage, action_id: int) -> str | None:
    """Whose action it is, so a Done button pressed by someone else can be checked against their role."""
    rows = select(storage.db, "SELECT owner_id FROM actions WHERE id = ?", [action_id])
    return str(rows[0]["owner_id"]) if rows else None


def complete_action(storage: Storage, action_id: int, actor: str, allowed: bool, now: datetime) -> ActionRow:
    """Mark an action done once; `allowed` says whether someone other than the owner may (managers, admins).

    NotFound, NotAllowed or Conflict (already done, with the action) when it may not: bot/audits/actions.py
    words them."""
    with storage.write() as db:
        rows = list(select(db, "SELECT id, audit_id, description, owner_id, due_date, created_by, done_at, done_by "
                             "FROM actions WHERE id = ?", [action_id]))
        if not rows:
            raise NotFound("action", action_id)
        action = ActionRow(**rows[0])
        if action.owner_id != actor and not allowed:
            raise NotAllowed(f"action {action_id} is not {actor}'s")
        if action.done_at:
            raise Conflict(action, "already done")
        db.execute("UPDATE actions SET done_at = ?, done_by = ? WHERE id = ?", [utc_text(now), actor, action_id])
        record_trail(storage, actor, "action.done", {"action": action_id}, now)
    return action
