"""Actions from audits: who owns each, when it is due, marking it done once and reopening it (compare-and-set),
changing an open one's due date or owner, and removing one added by mistake (kept in the table with who and when,
left out of every list, its words cleared: session 38)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.storage.common import COMPLETED_SQL, parse_utc, select, utc_text
from bot.storage.db import Storage
from bot.storage.errors import Conflict, NotAllowed, NotFound
from bot.storage.trail import record_trail

# What every read of actions selects (`a` the action, `au` its audit), and which actions count: not removed.
COLUMNS = ("a.id, a.audit_id, a.description, a.owner_id, a.due_date, a.created_by, a.done_at, a.done_by, "
           "a.reopened_at, a.reopened_by, au.case_ref, au.auditor_id, a.done_note, a.question_id")
LIVE = "a.removed_at IS NULL"
# What a removed action's description (and each revision's copy of it) reads: the words, free text about a child's
# case, are no longer needed once it is removed; who removed it and when stay (`removed_by`, `removed_at`).
REMOVED_TEXT = "[action removed: its words are not kept]"


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
    reopened_at: str | None = None
    reopened_by: str | None = None
    auditor_id: str = ""  # who did the audit: they may reopen its actions
    done_note: str | None = None  # what the person marking it done said was done, screened (`done 19 - …`)
    question_id: str | None = None  # the question it was raised against (`Q3: …` at the actions step), or None

    def summary(self) -> str:
        """The action in one line, as an audit's revisions keep it when it is added or removed."""
        return f"{self.description} ({self.owner_id}, by {self.due_date})"


def add_action(storage: Storage, audit_id: int, description: str, owner_id: str, due_date: str, created_by: str,
               now: datetime) -> int:
    with storage.write() as db:
        cursor = db.execute(
            "INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", [audit_id, description, owner_id, due_date, created_by, utc_text(now)])
    return int(cursor.lastrowid or 0)


def _rows(db: Any, where: str, params: list[Any], order: str = "a.id") -> list[ActionRow]:
    rows = select(db, f"SELECT {COLUMNS} FROM actions a JOIN audits au ON au.id = a.audit_id "
                      f"WHERE {LIVE} AND {where} ORDER BY {order}", params)
    return [ActionRow(**r) for r in rows]


def actions_of_audit(storage: Storage, audit_id: int) -> list[ActionRow]:
    """The audit's actions, oldest first; removed ones are left out."""
    return _rows(storage.db, "a.audit_id = ?", [audit_id])


def get_action(storage: Storage, action_id: int) -> ActionRow | None:
    """One action with its audit's case and auditor, or None when there is none (or it was removed)."""
    rows = _rows(storage.db, "a.id = ?", [action_id])
    return rows[0] if rows else None


def removal_of(storage: Storage, action_id: int) -> tuple[datetime, str] | None:
    """When and by whom the action was removed, or None when it was not (or there is none): all a removed action
    keeps besides its audit, owner and date (its words are cleared, `remove_in`)."""
    row = storage.db.execute("SELECT removed_at, removed_by FROM actions WHERE id = ? AND removed_at IS NOT NULL",
                             [action_id]).fetchone()
    return (parse_utc(row[0]), str(row[1] or "")) if row else None


def open_actions_of(storage: Storage, owner_id: str) -> list[ActionRow]:
    return open_actions_of_owners(storage, [owner_id])


def open_actions_of_owners(storage: Storage, owner_ids: list[str]) -> list[ActionRow]:
    """Open actions from submitted audits owned by any of these people, soonest due first."""
    if not owner_ids:
        return []
    marks = ", ".join("?" for _ in owner_ids)
    return _rows(storage.db, f"a.owner_id IN ({marks}) AND a.done_at IS NULL AND au.status IN {COMPLETED_SQL} "
                             "AND au.submitted_at IS NOT NULL", list(owner_ids), order="a.due_date, a.id")


def open_and_overdue_of_owners(storage: Storage, owner_ids: list[str], as_at: datetime,
                               overdue_before: str) -> tuple[int, int]:
    """(open, overdue) of the actions from submitted audits owned by any of these people as they stood at `as_at`
    (set before it, not done or done since), overdue meaning due before `overdue_before` (an ISO day: the rule's
    owner, bot.core.action_due, gives it)."""
    if not owner_ids:
        return 0, 0
    marks = ", ".join("?" for _ in owner_ids)
    row = storage.db.execute(
        f"SELECT COUNT(*), COALESCE(SUM(a.due_date < ?), 0) FROM actions a JOIN audits au ON au.id = a.audit_id "
        f"WHERE {LIVE} AND a.owner_id IN ({marks}) AND a.created_at < ? AND (a.done_at IS NULL OR a.done_at >= ?) "
        f"AND au.status IN {COMPLETED_SQL} AND au.submitted_at IS NOT NULL",
        [overdue_before, *owner_ids, utc_text(as_at), utc_text(as_at)]).fetchone()
    return int(row[0]), int(row[1])


def open_actions_of_case(storage: Storage, case_ref: str, exclude_audit: int) -> list[ActionRow]:
    """The case's open actions from its other submitted audits, soonest due first: a re-audit's actions step lists
    them, so the auditor checks them rather than adding them again."""
    return _rows(storage.db, f"au.case_ref = ? AND au.id != ? AND a.done_at IS NULL AND au.status IN {COMPLETED_SQL} "
                             "AND au.submitted_at IS NOT NULL", [case_ref, exclude_audit], order="a.due_date, a.id")


def last_done_by(storage: Storage, actor: str, since: datetime) -> ActionRow | None:
    """The action `actor` last marked done since `since` (UTC) and still done, so `undo` typed too late can name the
    way to reopen it (trial 43); None when there is none."""
    rows = _rows(storage.db, "a.done_by = ? AND a.done_at >= ?", [actor, utc_text(since)], order="a.done_at DESC, a.id")
    return rows[0] if rows else None


def action_owner(storage: Storage, action_id: int) -> str | None:
    """Whose action it is, so a Done button pressed by someone else can be checked against their role."""
    action = get_action(storage, action_id)
    return action.owner_id if action else None


def complete_action(storage: Storage, action_id: int, actor: str, allowed: bool, now: datetime,
                    note: str | None = None) -> ActionRow:
    """Mark an action done once, with the note said with it (screened by the caller); `allowed` says whether
    someone other than the owner may (managers, admins).

    NotFound, NotAllowed or Conflict (already done, with the action) when it may not: bot/audits/actions.py
    words them."""
    with storage.write() as db:
        action = _one(db, action_id)
        if action.owner_id != actor and not allowed:
            raise NotAllowed(f"action {action_id} is not {actor}'s")
        if action.done_at:
            raise Conflict(action, "already done")
        db.execute("UPDATE actions SET done_at = ?, done_by = ?, done_note = ? WHERE id = ?",
                   [utc_text(now), actor, note, action_id])
        record_trail(storage, actor, "action.done", {"action": action_id}, now)
    return action


def reopen_action(storage: Storage, action_id: int, actor: str, allowed: bool, now: datetime) -> ActionRow:
    """Make a done action open again, keeping who reopened it and when; `allowed` says whether `actor` may (the
    feature asks the policy). NotFound, NotAllowed, or Conflict when it is not done (with the action)."""
    with storage.write() as db:
        action = _one(db, action_id)
        if not allowed:
            raise NotAllowed(f"{actor} may not reopen action {action_id}")
        if not action.done_at:
            raise Conflict(action, "not done")
        db.execute("UPDATE actions SET done_at = NULL, done_by = NULL, done_note = NULL, reopened_at = ?, "
                   "reopened_by = ? WHERE id = ?",
                   [utc_text(now), actor, action_id])
        record_trail(storage, actor, "action.reopen", {"action": action_id, "was_done_by": action.done_by}, now)
    return action


def last_chase(storage: Storage, action_id: int) -> tuple[str, datetime] | None:
    """Who last chased the action and when (None when nobody has): one nudge a day is allowed."""
    row = storage.db.execute("SELECT chased_by, chased_at FROM actions WHERE id = ?", [action_id]).fetchone()
    return (row[0], parse_utc(row[1])) if row and row[1] else None


def chase_action(storage: Storage, action_id: int, actor: str, now: datetime, since: datetime) -> bool:
    """Record that `actor` chased the open action now, unless it is done or was chased at or after `since` (the
    start of today): compare-and-set, so two at once send one nudge. False when nothing was recorded."""
    with storage.write() as db:
        cursor = db.execute("UPDATE actions SET chased_at = ?, chased_by = ? WHERE id = ? AND done_at IS NULL AND "
                            "removed_at IS NULL AND (chased_at IS NULL OR chased_at < ?)",
                            [utc_text(now), actor, action_id, utc_text(since)])
        if cursor.rowcount != 1:
            return False
        record_trail(storage, actor, "action.chased", {"action": action_id}, now)
    return True


def remove_in(db: Any, audit_id: int, action_id: int, actor: str, stamp: str) -> ActionRow:
    """Inside the caller's write transaction (the audit's own compare-and-set): mark one of this audit's open actions
    removed, with who and when; the row stays for the audit's history. NotFound when it is not one of the audit's
    open actions (another audit's, removed already, or done): the feature checked first and words it. Its words are
    cleared, here and in the revisions that kept it added (`REMOVED_TEXT`); the action is returned as it was."""
    action = next((a for a in _rows(db, "a.id = ?", [action_id]) if a.audit_id == audit_id and not a.done_at), None)
    if action is None:
        raise NotFound("action", action_id)
    db.execute("UPDATE actions SET removed_at = ?, removed_by = ?, description = ?, done_note = NULL WHERE id = ?",
               [stamp, actor, REMOVED_TEXT, action_id])
    for column in ("old_value", "new_value"):  # "<description> (<owner>, by <due>)": the words go, the rest stays
        db.execute(f"UPDATE revisions SET {column} = ? || substr({column}, ?) WHERE audit_id = ? AND field IN "
                   f"('action', ?) AND substr({column}, 1, ?) = ?",
                   [REMOVED_TEXT, len(action.description) + 1, audit_id, f"action:{action_id}",
                    len(action.description) + 2, f"{action.description} ("])
    return action


# What may be changed in an open action after it is added (a due date or owner typed wrongly), and how an audit's
# revisions name each change: `action_due:41`, `action_owner:41`.
EDITABLE = {"due_date": "action_due", "owner_id": "action_owner"}


def edit_in(db: Any, audit_id: int, action_id: int, column: str, value: str) -> ActionRow:
    """Inside the caller's write transaction (the audit's own compare-and-set): set one of this audit's open actions'
    due date or owner (`column`, one of EDITABLE) and return the action as it was. The overdue flag clears: the
    owner's manager was sent it for the old date (or another owner), so reminders start afresh from the new one.
    NotFound when it is not one of the audit's open actions: the feature checked first and words it."""
    if column not in EDITABLE:
        raise ValueError(f"not a column of an action that can be changed: {column!r}")
    action = next((a for a in _rows(db, "a.id = ?", [action_id]) if a.audit_id == audit_id and not a.done_at), None)
    if action is None:
        raise NotFound("action", action_id)
    db.execute(f"UPDATE actions SET {column} = ?, escalated_at = NULL WHERE id = ?", [value, action_id])
    return action


def _one(db: Any, action_id: int) -> ActionRow:
    rows = _rows(db, "a.id = ?", [action_id])
    if not rows:
        raise NotFound("action", action_id)
    return rows[0]
