"""Audit storage: every SQL statement the audit feature needs, and nothing else.

Each step of an audit is one compare-and-set on (audit id, step_version) inside a BEGIN IMMEDIATE
transaction, so a double press, a retry or a button on an old message can never record an answer twice
or move an audit from a place it has already left.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from typing import Any

from bot.storage import actions as action_store
from bot.storage.common import parse_utc, select, utc_text
from bot.storage.db import Storage
from bot.storage.errors import Conflict, NotFound
from bot.storage.trail import record_trail
from knowledge.checklist_schema import Answer, Checklist

AUDIT_FIELDS = ("overall_grade", "grade_reason", "strengths", "development", "suggested_grade", "worker_id",
                "team_id")
EDITABLE_AFTER_SUBMIT = ("overall_grade", "grade_reason", "strengths", "development")
# Audit state: the overall grade the grade's reason was written for, set whenever the reason is written (trial 43: a
# reason typed for Requires improvement was kept by `keep` for Outstanding, chosen after it)
REASON_FOR = "reason_for"
# In a draft's state straight after a checklist switch: what the switch changed (the checklist, the step, the grades
# and the answers it took out, as stored), so `undo` can switch back with them; any step taken after it drops it.
SWITCHED_FROM = "switched_from"
_SWITCH_KEPT = ("checklist_id", "checklist_hash", "step", "overall_grade", "grade_reason", "suggested_grade")


@dataclass(frozen=True)
class AuditRow:
    """An audit as stored."""

    id: int
    checklist_id: str
    checklist_hash: str
    case_ref: str
    auditor_id: str
    worker_id: str | None
    team_id: str | None
    status: str
    step: str
    step_version: int
    state: dict[str, Any]
    suggested_grade: str | None
    overall_grade: str | None
    grade_reason: str | None
    strengths: str | None
    development: str | None
    started_at: str
    updated_at: str
    submitted_at: str | None
    moderated_at: str | None
    demo: int = 0  # 1 for an invented audit from `audit-bot demo-data`
    moderated_grade: str | None = None  # the grade of its latest moderation decision, if any (schema m240)

    @property
    def grade_of_record(self) -> str | None:
        """The grade that counts: the moderator's once the audit is moderated, else the auditor's."""
        return self.moderated_grade or self.overall_grade

    @property
    def regraded(self) -> bool:
        """Whether a moderator set a grade other than the auditor's."""
        return self.moderated_grade is not None and self.moderated_grade != self.overall_grade

    @property
    def reason_grade(self) -> str | None:
        """The overall grade the reason on file was written for (None with no reason): a reason stored before this
        was kept counts as the current grade's, as it always did."""
        return self.state.get(REASON_FOR, self.overall_grade) if self.grade_reason else None

    def reason_for(self, grade: str | None) -> str | None:
        """The reason on file when it was written for `grade`; None when there is none or it was for another grade,
        so a grade chosen since is never given a reason that argued for a different one."""
        return self.grade_reason if grade and self.reason_grade == grade else None


@dataclass
class Move:
    """What one step writes: the answer (if any), audit fields, state changes and the new step."""

    step: str
    answer: tuple[str, str, bool] | None = None      # question id, value, flagged
    evidence: tuple[str, str] | None = None          # question id, note
    cleared: tuple[str, ...] = ()                    # question ids whose answers no longer apply: taken out
    fields: dict[str, Any] = field(default_factory=dict)
    state: dict[str, Any] | None = None
    action: tuple[str, str, str] | None = None       # description, owner, due date: a new action
    action_question: str | None = None               # the question id that new action was raised against, if named
    removed_action: int | None = None                # the id of one of the audit's open actions, removed
    edited_action: tuple[int, str, str] | None = None  # one of its open actions: id, column (due_date, owner_id), value
    press: str = ""                                  # identifies the button, to spot a second press
    waiting: dict[str, Any] | None = None            # what the bot then waits for from the writer ({} nothing);
                                                     # None leaves their conversation as it is


def audit_row(record: dict[str, Any]) -> AuditRow:
    data = {key: value for key, value in record.items() if key in _AUDIT_FIELDS}  # columns other code added
    data["state"] = json.loads(data.get("state") or "{}")
    return AuditRow(**data)


_AUDIT_FIELDS = frozenset(f.name for f in fields(AuditRow))


# -- checklists --------------------------------------------------------------------------------------------

def save_checklist_version(storage: Storage, checklist: Checklist, now: datetime) -> str:
    """Keep the checklist exactly as used, once per content hash."""
    storage.db.execute(
        "INSERT OR IGNORE INTO checklist_versions (hash, checklist_id, title, content, first_seen) "
        "VALUES (?, ?, ?, ?, ?)",
        [checklist.content_hash, checklist.id, checklist.title,
         json.dumps(checklist.to_content(), ensure_ascii=False, sort_keys=True), utc_text(now)],
    )
    return checklist.content_hash


def checklist_version(storage: Storage, content_hash: str) -> Checklist:
    """The checklist an audit was started with; snapshots never change, so each is read once. NotFound when the
    snapshot is missing (bot/audits/core.load words it)."""
    cached = storage.checklist_snapshots.get(content_hash)
    if cached is None:
        rows = list(select(storage.db, "SELECT content FROM checklist_versions WHERE hash = ?", [content_hash]))
        if not rows:
            raise NotFound("checklist version", content_hash)
        cached = storage.checklist_snapshots[content_hash] = Checklist.from_content(json.loads(rows[0]["content"]))
    return cached


# -- audits ------------------------------------------------------------------------------------------------

def create_audit(storage: Storage, checklist: Checklist, case_ref: str, auditor_id: str, step: str,
                 now: datetime, waiting: dict[str, Any] | None = None) -> int:
    """A new draft, with its checklist snapshot saved in the same transaction, and (with `waiting`) what the
    bot then waits for from the auditor about it: the conversation, with this audit's id added."""
    with storage.write() as db:
        save_checklist_version(storage, checklist, now)
        cursor = db.execute(
            "INSERT INTO audits (checklist_id, checklist_hash, case_ref, auditor_id, status, step, step_version, "
            "state, started_at, updated_at) VALUES (?, ?, ?, ?, 'draft', ?, 0, '{}', ?, ?)",
            [checklist.id, checklist.content_hash, case_ref, auditor_id, step, utc_text(now), utc_text(now)],
        )
        audit_id = int(cursor.lastrowid or 0)
        record_trail(storage, auditor_id, "audit.start", {"audit": audit_id, "checklist": checklist.id}, now)
        if waiting is not None:
            write_waiting(db, auditor_id, {**waiting, "audit_id": audit_id} if waiting else {}, now)
    return audit_id


def discard_unstarted(storage: Storage, audit_id: int, auditor_id: str, why: str, now: datetime) -> bool:
    """Delete a draft that holds nothing yet but its checklist and case reference (no worker, no answer, never
    submitted, in no campaign), and end the conversation about it: an audit refused at its first step (a case that
    is not the auditor's to audit) leaves no draft to resume, list, remind about or count. The trail keeps that it
    was refused (`why`), without the case. False, and nothing changed, for any other audit."""
    with storage.write() as db:
        gone = db.execute(
            "DELETE FROM audits WHERE id = ? AND auditor_id = ? AND status = 'draft' AND worker_id IS NULL "
            "AND submitted_at IS NULL AND NOT EXISTS (SELECT 1 FROM answers WHERE audit_id = audits.id) "
            "AND NOT EXISTS (SELECT 1 FROM campaign_allocations WHERE audit_id = audits.id)",
            [audit_id, auditor_id]).rowcount == 1
        if gone:
            record_trail(storage, auditor_id, "audit.discard", {"audit": audit_id, "why": why}, now)
            write_waiting(db, auditor_id, {}, now)
    return gone


def switch_checklist(storage: Storage, audit_id: int, expected_version: int, actor: str, checklist: Checklist,
                     step: str, dropped: Collection[str], now: datetime,
                     waiting: dict[str, Any] | None = None) -> None:
    """Put a draft on another checklist (its snapshot saved) if it is still `actor`'s draft at `expected_version`: the
    answers to `dropped` question ids taken out, the grades drawn from the old checklist cleared, the audit at `step`,
    and the actor's conversation (`waiting`) written in the same transaction. Otherwise Conflict, nothing written."""
    with storage.write() as db:
        current = _expect(storage, audit_id, actor, ("draft",), expected_version)
        save_checklist_version(storage, checklist, now)
        taken = [dict(row) for row in select(db, "SELECT * FROM answers WHERE audit_id = ?", [audit_id])
                 if row["question_id"] in dropped]
        for question_id in dropped:
            db.execute("DELETE FROM answers WHERE audit_id = ? AND question_id = ?", [audit_id, question_id])
        undo = {**{name: getattr(current, name) for name in _SWITCH_KEPT}, "to": checklist.id, "answers": taken}
        state = {**current.state, "last_press": None, SWITCHED_FROM: undo}
        db.execute("UPDATE audits SET checklist_id = ?, checklist_hash = ?, step = ?, step_version = step_version + 1, "
                   "state = ?, overall_grade = NULL, grade_reason = NULL, suggested_grade = NULL, updated_at = ? "
                   "WHERE id = ?", [checklist.id, checklist.content_hash, step, json.dumps(state, sort_keys=True),
                                    utc_text(now), audit_id])
        record_trail(storage, actor, "audit.switch_checklist", {"audit": audit_id, "from": current.checklist_id,
                                                                "to": checklist.id, "dropped": len(dropped)}, now)
        write_waiting(db, actor, waiting, now)


def undo_switch(storage: Storage, audit_id: int, expected_version: int, actor: str, now: datetime,
                waiting: dict[str, Any] | None = None) -> None:
    """Put a draft back as it was before its checklist switch (kept in its state, `SWITCHED_FROM`): the checklist,
    the step, the grades, and the answers the switch took out, as they were stored. Conflict, nothing written, if it
    is no longer `actor`'s draft at `expected_version`, or no switch is there to undo."""
    with storage.write() as db:
        current = _expect(storage, audit_id, actor, ("draft",), expected_version)
        undo = current.state.get(SWITCHED_FROM)
        if not undo or undo.get("to") != current.checklist_id:
            raise Conflict(current, "no checklist switch to undo")
        for row in undo["answers"]:
            db.execute(f"INSERT OR REPLACE INTO answers ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                       list(row.values()))
        state = {**current.state, "last_press": None, SWITCHED_FROM: None}
        db.execute(f"UPDATE audits SET {', '.join(f'{name} = ?' for name in _SWITCH_KEPT)}, "
                   "step_version = step_version + 1, state = ?, updated_at = ? WHERE id = ?",
                   [*(undo[name] for name in _SWITCH_KEPT), json.dumps(state, sort_keys=True), utc_text(now),
                    audit_id])
        record_trail(storage, actor, "audit.switch_checklist", {"audit": audit_id, "from": current.checklist_id,
                                                               "to": undo["checklist_id"], "dropped": 0,
                                                               "restored": len(undo["answers"])}, now)
        write_waiting(db, actor, waiting, now)


def get_audit(storage: Storage, audit_id: int) -> AuditRow | None:
    rows = list(select(storage.db, "SELECT * FROM audits WHERE id = ?", [audit_id]))
    return audit_row(rows[0]) if rows else None


def answers_of(storage: Storage, audit_id: int) -> dict[str, Answer]:
    rows = select(storage.db, "SELECT question_id, value, evidence FROM answers WHERE audit_id = ?", [audit_id])
    return {r["question_id"]: Answer(r["value"], r["evidence"]) for r in rows}


def drafts_of(storage: Storage, user_id: str) -> list[AuditRow]:
    rows = select(storage.db, "SELECT * FROM audits WHERE auditor_id = ? AND status = 'draft' "
                            "ORDER BY updated_at DESC, id DESC", [user_id])
    return [audit_row(r) for r in rows]


def drafts_on_older(storage: Storage, checklist_id: str, current_hash: str) -> list[AuditRow]:
    """Drafts of this checklist started on another version than `current_hash`: they keep it (a reload's report names
    them, trial 52), oldest first."""
    rows = select(storage.db, "SELECT * FROM audits WHERE checklist_id = ? AND status = 'draft' "
                            "AND checklist_hash != ? ORDER BY id", [checklist_id, current_hash])
    return [audit_row(r) for r in rows]


def reopened_at(storage: Storage, audit_ids: Collection[int]) -> dict[int, datetime]:
    """When each of these audits was last reopened for changes after submitting (`reopen`), for those ever reopened:
    the day a reopened audit left the moderation queue, which lists and reminders name it by."""
    ids = list(audit_ids)
    if not ids:
        return {}
    rows = storage.db.execute(
        "SELECT audit_id, MAX(changed_at) FROM revisions WHERE field = 'status' AND new_value = 'reopened' "
        f"AND audit_id IN ({','.join('?' * len(ids))}) GROUP BY audit_id", ids).fetchall()
    return {int(audit_id): parse_utc(stamp) for audit_id, stamp in rows}


def recent_audits_of_case(storage: Storage, case_ref: str, now: datetime, exclude: int | None = None,
                          days: int = 365) -> list[AuditRow]:
    """Audits of the same case in the last year (not cancelled), newest first, for the 'audited before' warning."""
    since = utc_text(now - timedelta(days=days))
    rows = select(storage.db,
        "SELECT * FROM audits WHERE case_ref = ? AND status != 'cancelled' AND COALESCE(submitted_at, started_at) "
        ">= ? AND id != ? ORDER BY COALESCE(submitted_at, started_at) DESC", [case_ref, since, exclude or 0])
    return [audit_row(r) for r in rows]


def advance(storage: Storage, audit_id: int, expected_version: int, actor: str, move: Move, now: datetime,
            statuses: tuple[str, ...] = ("draft",)) -> int:
    """Apply one step if the audit is still `actor`'s, in one of `statuses` and at `expected_version`; return
    the new version. Otherwise write nothing and raise Conflict (bot/audits/lifecycle.advance words it).

    The actor's conversation (`move.waiting`) is written in the same transaction: the answer and what the bot
    waits for next are stored together or not at all, so a restart never finds one without the other.
    """
    with storage.write() as db:
        current = _expect(storage, audit_id, actor, statuses, expected_version)
        state = dict(current.state)
        stamp = utc_text(now)
        # Once submitted, every change is kept as a revision: edits before moderation, and changes made
        # after the auditor reopened the audit (a draft again, but with its first submission on record).
        keeps_revisions = current.status != "draft" or current.submitted_at is not None
        if keeps_revisions:
            _keep_answer_revisions(db, audit_id, actor, move, stamp)
        if move.answer is not None:
            question_id, value, flagged = move.answer
            db.execute(
                "INSERT INTO answers (audit_id, question_id, value, evidence, flagged, answered_by, answered_at) "
                "VALUES (?, ?, ?, NULL, ?, ?, ?) ON CONFLICT (audit_id, question_id) DO UPDATE SET "
                "value = excluded.value, evidence = NULL, flagged = excluded.flagged, "
                "answered_by = excluded.answered_by, answered_at = excluded.answered_at",
                [audit_id, question_id, value, int(flagged), actor, stamp],
            )
        if move.evidence is not None:
            db.execute("UPDATE answers SET evidence = ? WHERE audit_id = ? AND question_id = ?",
                       [move.evidence[1], audit_id, move.evidence[0]])
        for question_id in move.cleared:
            db.execute("DELETE FROM answers WHERE audit_id = ? AND question_id = ?", [audit_id, question_id])
        if move.action is not None:
            db.execute("INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at, "
                       "question_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [audit_id, *move.action, actor, stamp, move.action_question])
        if move.removed_action is not None:
            _remove_action(storage, audit_id, move.removed_action, actor, now, keeps_revisions)
        if move.edited_action is not None:
            _edit_action(storage, audit_id, move.edited_action, actor, now, keeps_revisions)
        if keeps_revisions:
            _keep_revisions(storage, audit_id, actor, move.fields, stamp)
        state.update(_reason_written_for(current, move.fields))
        state.pop(SWITCHED_FROM, None)  # a step taken after a checklist switch: `undo` no longer switches back
        if move.state is not None:
            state.update(move.state)
        state["last_press"] = f"{expected_version}:{move.press}" if move.press else None
        assignments = "".join(f", {name} = ?" for name in move.fields if name in AUDIT_FIELDS)
        values = [move.fields[name] for name in move.fields if name in AUDIT_FIELDS]
        db.execute(f"UPDATE audits SET step = ?, step_version = step_version + 1, state = ?, updated_at = ?"
                   f"{assignments} WHERE id = ?",
                   [move.step, json.dumps(state, sort_keys=True), stamp, *values, audit_id])
        write_waiting(db, actor, move.waiting, now)
    return expected_version + 1


def _reason_written_for(audit: AuditRow, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The state that records, as the grade's reason is written, the overall grade it is written for (the grade
    written with it, else the audit's); nothing when the reason is not written."""
    if "grade_reason" not in changes:
        return {}
    grade = changes.get("overall_grade", audit.overall_grade)
    return {REASON_FOR: grade if changes["grade_reason"] else None}


def _expect(storage: Storage, audit_id: int, auditor_id: str, statuses: tuple[str, ...],
            version: int | None = None) -> AuditRow:
    """The audit, inside the caller's write transaction, if it is as the write expects; else Conflict."""
    audit = get_audit(storage, audit_id)
    if (audit is None or audit.auditor_id != auditor_id or audit.status not in statuses
            or (version is not None and audit.step_version != version)):
        raise Conflict(audit)
    return audit


def _keep_answer_revisions(db: Any, audit_id: int, actor: str, move: Move, stamp: str) -> None:
    """Old and new value of an answer, evidence note or action that a step is about to write (or take out)."""
    changes: list[tuple[str, str | None, str | None]] = []
    if move.answer is not None:
        old = select(db, "SELECT value, evidence FROM answers WHERE audit_id = ? AND question_id = ?",
                     [audit_id, move.answer[0]])
        changes.append((f"answer:{move.answer[0]}", old[0]["value"] if old else None, move.answer[1]))
        if old and old[0]["evidence"] and old[0]["value"] != move.answer[1]:  # a new answer clears its note: keep it
            changes.append((f"evidence:{move.answer[0]}", old[0]["evidence"], None))
    if move.evidence is not None:
        old = select(db, "SELECT evidence FROM answers WHERE audit_id = ? AND question_id = ?",
                     [audit_id, move.evidence[0]])
        changes.append((f"evidence:{move.evidence[0]}", old[0]["evidence"] if old else None, move.evidence[1]))
    for question_id in move.cleared:
        for row in select(db, "SELECT value, evidence FROM answers WHERE audit_id = ? AND question_id = ?",
                          [audit_id, question_id]):
            changes += [(f"answer:{question_id}", row["value"], None),
                        (f"evidence:{question_id}", row["evidence"], None)]
    if move.action is not None:
        changes.append(("action", None, f"{move.action[0]} ({move.action[1]}, by {move.action[2]})"))
    for name, old_value, new_value in changes:
        if old_value != new_value:
            db.execute("INSERT INTO revisions (audit_id, changed_by, changed_at, field, old_value, new_value) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [audit_id, actor, stamp, name, old_value, new_value])


def _keep_revisions(storage: Storage, audit_id: int, actor: str, fields: dict[str, Any], stamp: str) -> None:
    for name, value in fields.items():
        old = next(iter(select(storage.db, f"SELECT {name} AS v FROM audits WHERE id = ?", [audit_id])))["v"]
        if old != value:
            storage.db.execute("INSERT INTO revisions (audit_id, changed_by, changed_at, field, old_value, "
                               "new_value) VALUES (?, ?, ?, ?, ?, ?)", [audit_id, actor, stamp, name, old, value])


def set_status(storage: Storage, audit_id: int, expected_version: int, actor: str, status: str,
               now: datetime, waiting: dict[str, Any] | None = None) -> None:
    """Move `actor`'s draft at `expected_version` to `status` (submitted or cancelled), or raise Conflict."""
    with storage.write() as db:
        audit = _expect(storage, audit_id, actor, ("draft",), expected_version)
        # A resubmission keeps the first submission time, so weekly counts do not count the audit twice.
        extra = ", submitted_at = COALESCE(submitted_at, ?)" if status == "submitted" else ""
        params = [status, utc_text(now)] + ([utc_text(now)] if extra else []) + [audit_id]
        if status == "cancelled":  # when, so its auditor can restore it for a while
            state = {**audit.state, "cancelled_at": utc_text(now)}
            extra = ", state = ?"
            params = [status, utc_text(now), json.dumps(state, sort_keys=True), audit_id]
        elif "held_tells" in audit.state:  # messages held during an edit are sent as it is resubmitted: not again
            state = {key: value for key, value in audit.state.items() if key != "held_tells"}
            extra += ", state = ?"
            params = [*params[:-1], json.dumps(state, sort_keys=True), audit_id]
        db.execute(f"UPDATE audits SET status = ?, step_version = step_version + 1, updated_at = ?{extra} "
                   "WHERE id = ?", params)
        record_trail(storage, actor, f"audit.{status}", {"audit": audit_id}, now)
        write_waiting(db, actor, waiting, now)


def cancel_leavers_draft(storage: Storage, audit_id: int, expected_version: int, actor: str, now: datetime) -> None:
    """Cancel a draft whose auditor has left, by an admin or QA lead (`actor`, the rule checked by the caller), or
    raise Conflict: who cancelled it is kept, so they may restore it, and the trail names the leaver (trial 59, F9)."""
    with storage.write() as db:
        audit = get_audit(storage, audit_id)
        if (audit is None or audit.status != "draft" or audit.submitted_at is not None
                or audit.step_version != expected_version):
            raise Conflict(audit)
        state = {**audit.state, "cancelled_at": utc_text(now), "cancelled_by": actor}
        db.execute("UPDATE audits SET status = 'cancelled', step_version = step_version + 1, updated_at = ?, "
                   "state = ? WHERE id = ?", [utc_text(now), json.dumps(state, sort_keys=True), audit_id])
        record_trail(storage, actor, "audit.cancelled", {"audit": audit_id, "leaver": audit.auditor_id}, now)


def restore_leavers_draft(storage: Storage, audit_id: int, actor: str, now: datetime) -> None:
    """Make a leaver's draft that `actor` cancelled a draft again, where it stood, or raise Conflict."""
    with storage.write() as db:
        audit = get_audit(storage, audit_id)
        if audit is None or audit.status != "cancelled" or audit.state.get("cancelled_by") != actor:
            raise Conflict(audit)
        state = {key: value for key, value in audit.state.items()
                 if key not in ("cancelled_at", "cancelled_by", "last_press")}
        db.execute("UPDATE audits SET status = 'draft', step_version = step_version + 1, state = ?, updated_at = ? "
                   "WHERE id = ?", [json.dumps(state, sort_keys=True), utc_text(now), audit_id])
        record_trail(storage, actor, "audit.restore", {"audit": audit_id, "leaver": audit.auditor_id}, now)


def cancelled_at(audit: AuditRow) -> datetime:
    """When an audit was cancelled (its last update, for audits cancelled before this was recorded)."""
    return parse_utc(audit.state.get("cancelled_at") or audit.updated_at)


def restore_cancelled(storage: Storage, audit_id: int, actor: str, now: datetime,
                      waiting: dict[str, Any] | None = None) -> None:
    """Make `actor`'s cancelled audit a draft again, where it stood, or raise Conflict."""
    with storage.write() as db:
        audit = _expect(storage, audit_id, actor, ("cancelled",))
        state = {key: value for key, value in audit.state.items() if key not in ("cancelled_at", "last_press")}
        state["paused"] = False
        stamp = utc_text(now)
        db.execute("UPDATE audits SET status = 'draft', step_version = step_version + 1, state = ?, updated_at = ? "
                   "WHERE id = ?", [json.dumps(state, sort_keys=True), stamp, audit_id])
        record_trail(storage, actor, "audit.restore", {"audit": audit_id}, now)
        write_waiting(db, actor, waiting, now)


def cancelled_since(storage: Storage, user_id: str, since: datetime) -> list[AuditRow]:
    """This person's audits cancelled after `since`, newest first: the ones they may still restore."""
    rows = select(storage.db, "SELECT * FROM audits WHERE auditor_id = ? AND status = 'cancelled' "
                              "ORDER BY updated_at DESC, id DESC", [user_id])
    return [audit for audit in map(audit_row, rows) if cancelled_at(audit) >= since]


def reopen(storage: Storage, audit_id: int, actor: str, now: datetime,
           waiting: dict[str, Any] | None = None) -> None:
    """Take `actor`'s submitted audit back to its review step, or raise Conflict.

    It leaves the moderation queue until submitted again; from here on every change is a revision.
    """
    with storage.write() as db:
        _expect(storage, audit_id, actor, ("submitted",))
        stamp = utc_text(now)
        db.execute("UPDATE audits SET status = 'draft', step = 'review', step_version = step_version + 1, "
                   "updated_at = ? WHERE id = ?", [stamp, audit_id])
        db.execute("INSERT INTO revisions (audit_id, changed_by, changed_at, field, old_value, new_value) "
                   "VALUES (?, ?, ?, 'status', 'submitted', 'reopened')", [audit_id, actor, stamp])
        record_trail(storage, actor, "audit.reopen", {"audit": audit_id}, now)
        write_waiting(db, actor, waiting, now)


def edit_submitted(storage: Storage, audit_id: int, actor: str, changes: Mapping[str, str], now: datetime,
                   action: tuple[str, str, str] | None = None, state: Mapping[str, Any] | None = None) -> int | None:
    """Change `actor`'s submitted audit before moderation, keeping each old value as a revision; or Conflict.
    Several fields change together or not at all (a new grade and the reason for it), with `action` (description,
    owner, due date) when one comes with them (a new Inadequate grade on an audit with no open action), kept as a
    revision as an action added to a reopened audit is, and `state` merged into the audit's state (a Good grade
    confirmed over an immediate concern); the new action's id, if one was added."""
    unknown = [name for name in changes if name not in EDITABLE_AFTER_SUBMIT]
    if unknown or not changes:
        raise ValueError(f"not fields that can be edited after submitting: {unknown or changes!r}")
    with storage.write() as db:
        audit = _expect(storage, audit_id, actor, ("submitted",))
        stamp = utc_text(now)
        _keep_revisions(storage, audit_id, actor, dict(changes), stamp)
        assignments = ", ".join(f"{name} = ?" for name in changes)
        merged = json.dumps({**audit.state, **_reason_written_for(audit, changes), **(state or {})}, sort_keys=True)
        db.execute(f"UPDATE audits SET {assignments}, state = ?, updated_at = ? WHERE id = ?",
                   [*changes.values(), merged, stamp, audit_id])
        if action is None:
            return None
        added = db.execute("INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?)", [audit_id, *action, actor, stamp]).lastrowid
        _keep_answer_revisions(db, audit_id, actor, Move(step="", action=action), stamp)
        return int(added or 0)


def change_case_ref(storage: Storage, audit_id: int, actor: str, case_ref: str, now: datetime) -> str:
    """Give `actor`'s draft or submitted (not yet moderated) audit another case reference, a mistyped one put right;
    the old one returned, or Conflict. A submitted audit keeps the old reference as a revision, as every change after
    submitting is kept; a draft's was never sent to anyone. The trail records who changed it and when (the audit's
    number only: the references stay with the audit, and go with it)."""
    with storage.write() as db:
        audit = _expect(storage, audit_id, actor, ("draft", "submitted"))
        stamp = utc_text(now)
        if audit.submitted_at is not None:
            _keep_revisions(storage, audit_id, actor, {"case_ref": case_ref}, stamp)
        db.execute("UPDATE audits SET case_ref = ?, updated_at = ? WHERE id = ?", [case_ref, stamp, audit_id])
        record_trail(storage, actor, "audit.case_ref", {"audit": audit_id, "status": audit.status}, now)
        return audit.case_ref


def add_to_note(storage: Storage, audit_id: int, actor: str, field_name: str, added: Callable[[str | None], str],
                now: datetime) -> str:
    """Add to one note of `actor`'s submitted audit before moderation (`added` makes the new text from what is there
    now), read and written in one transaction so an edit made meanwhile is not lost; the old text kept as a revision,
    the new one returned; or Conflict."""
    if field_name not in EDITABLE_AFTER_SUBMIT:
        raise ValueError(f"not a field that can be edited after submitting: {field_name!r}")
    with storage.write() as db:
        audit = _expect(storage, audit_id, actor, ("submitted",))
        value = added(getattr(audit, field_name))
        stamp = utc_text(now)
        _keep_revisions(storage, audit_id, actor, {field_name: value}, stamp)
        db.execute(f"UPDATE audits SET {field_name} = ?, updated_at = ? WHERE id = ?", [value, stamp, audit_id])
        return value


def edit_note(storage: Storage, audit_id: int, actor: str, question_id: str, note: str, now: datetime) -> None:
    """Change the note on one answer of `actor`'s submitted audit before moderation, keeping the old note as a
    revision (who and when), as a note changed after reopening is; or Conflict."""
    with storage.write() as db:
        _expect(storage, audit_id, actor, ("submitted",))
        stamp = utc_text(now)
        _keep_answer_revisions(db, audit_id, actor, Move(step="", evidence=(question_id, note)), stamp)
        db.execute("UPDATE answers SET evidence = ? WHERE audit_id = ? AND question_id = ?",
                   [note, audit_id, question_id])
        db.execute("UPDATE audits SET updated_at = ? WHERE id = ?", [stamp, audit_id])


def remove_action_submitted(storage: Storage, audit_id: int, actor: str, action_id: int,
                            now: datetime) -> action_store.ActionRow:
    """Remove one open action from `actor`'s submitted audit before moderation, keeping it as a revision (who and
    when) and in the actions table; Conflict when the audit is not as expected, NotFound when the action is not one
    of its open actions."""
    with storage.write() as db:
        _expect(storage, audit_id, actor, ("submitted",))
        stamp = utc_text(now)
        removed = _remove_action(storage, audit_id, action_id, actor, now, keep_revision=True)
        db.execute("UPDATE audits SET updated_at = ? WHERE id = ?", [stamp, audit_id])
    return removed


def _remove_action(storage: Storage, audit_id: int, action_id: int, actor: str, now: datetime,
                   keep_revision: bool) -> action_store.ActionRow:
    """Inside the caller's write transaction: the action removed, in the trail and (once the audit was submitted)
    kept as a revision, as an added one is (`action`), with its number since it now has one, and without its words
    (bot.storage.actions.remove_in)."""
    stamp = utc_text(now)
    removed = action_store.remove_in(storage.db, audit_id, action_id, actor, stamp)
    record_trail(storage, actor, "action.remove", {"audit": audit_id, "action": action_id}, now)
    if keep_revision:
        storage.db.execute("INSERT INTO revisions (audit_id, changed_by, changed_at, field, old_value, new_value) "
                           "VALUES (?, ?, ?, ?, ?, NULL)",
                           [audit_id, actor, stamp, f"action:{action_id}",
                            replace(removed, description=action_store.REMOVED_TEXT).summary()])
    return removed


def edit_action_submitted(storage: Storage, audit_id: int, actor: str, action_id: int, column: str, value: str,
                          now: datetime) -> action_store.ActionRow:
    """Change one open action's due date or owner on `actor`'s submitted audit before moderation, keeping the old
    value as a revision (who, when, from, to); the action as it was. Conflict when the audit is not as expected,
    NotFound when the action is not one of its open actions."""
    with storage.write() as db:
        _expect(storage, audit_id, actor, ("submitted",))
        before = _edit_action(storage, audit_id, (action_id, column, value), actor, now, keep_revision=True)
        db.execute("UPDATE audits SET updated_at = ? WHERE id = ?", [utc_text(now), audit_id])
    return before


def give_action_more_time(storage: Storage, audit_id: int, actor: str, action_id: int, due_date: str,
                          now: datetime, answered: bool = True) -> action_store.ActionRow:
    """An open action's new due date given on its owner's request for more time by someone other than its auditor
    (the owner's manager, an admin) once the audit itself can no longer change: kept as a revision (who, when, from,
    to) and in the trail as any change to an action is, the audit's own answers and status untouched; the action as
    it was. `answered` False: the request was withdrawn, so the date is their own decision, kept in the trail as
    `action.due_set`, never as the request given. NotFound when it is not one of the audit's open actions."""
    with storage.write():
        before = _edit_action(storage, audit_id, (action_id, "due_date", due_date), actor, now, keep_revision=True)
        record_trail(storage, actor, "action.more_time_given" if answered else "action.due_set",
                     {"action": action_id, "until": due_date}, now)
    return before


def hand_action_over(storage: Storage, audit_id: int, actor: str, action_id: int, owner_id: str,
                     now: datetime) -> action_store.ActionRow:
    """An open action given to someone else once its audit's auditor can no longer change the audit (being moderated,
    or moderated: trial 50, a worker off sick): who owns an action is workflow, not the graded record, so it moves as
    a due date given more time does, kept as a revision (who, when, from, to) and in the trail (`action.handed_over`),
    the audit's answers and status untouched; the action as it was. NotFound when it is not one of the audit's open
    actions."""
    with storage.write():
        before = _edit_action(storage, audit_id, (action_id, "owner_id", owner_id), actor, now, keep_revision=True)
        record_trail(storage, actor, "action.handed_over", {"action": action_id, "to": owner_id}, now)
    return before


def _edit_action(storage: Storage, audit_id: int, edit: tuple[int, str, str], actor: str, now: datetime,
                 keep_revision: bool) -> action_store.ActionRow:
    """Inside the caller's write transaction: one action's due date or owner changed, in the trail and (once the audit
    was submitted) kept as a revision named for the action (`action_due:41`), old and new value."""
    action_id, column, value = edit
    before = action_store.edit_in(storage.db, audit_id, action_id, column, value)
    record_trail(storage, actor, "action.edit", {"audit": audit_id, "action": action_id, "field": column}, now)
    if keep_revision:
        storage.db.execute("INSERT INTO revisions (audit_id, changed_by, changed_at, field, old_value, new_value) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           [audit_id, actor, utc_text(now), f"{action_store.EDITABLE[column]}:{action_id}",
                            getattr(before, column), value])
    return before


def revisions_of(storage: Storage, audit_id: int) -> list[dict[str, Any]]:
    return list(select(storage.db, "SELECT * FROM revisions WHERE audit_id = ? ORDER BY id", [audit_id]))


# Audit state: the last revision id the worker had been sent when their summary last went (trial 43, finding 25).
WORKER_SENT = "worker_sent_revision"


def mark_worker_sent(storage: Storage, audit_id: int) -> None:
    """Record that the audit's worker has just been sent its summary as it stands: later summaries say what changed
    since then (bot.audits.what_changed). The audit's version is not moved: nothing the auditor sees changed."""
    with storage.write() as db:
        db.execute("UPDATE audits SET state = json_set(COALESCE(state, '{}'), ?, (SELECT COALESCE(MAX(id), 0) FROM "
                   "revisions WHERE audit_id = ?)) WHERE id = ?", [f"$.{WORKER_SENT}", audit_id, audit_id])


# -- actions and reflections -------------------------------------------------------------------------------


def add_reflection(storage: Storage, audit_id: int, worker_id: str, text: str, now: datetime,
                   waiting: dict[str, Any] | None = None) -> int:
    """Keep a worker's reflections on an audit, and in the trail who added them to which audit and when (trial 23:
    the trail had none), in the same transaction; the trail never holds the text."""
    with storage.write() as db:
        cursor = db.execute("INSERT INTO reflections (audit_id, worker_id, text, created_at) VALUES (?, ?, ?, ?)",
                            [audit_id, worker_id, text, utc_text(now)])
        record_trail(storage, worker_id, "audit.reflected", {"audit": audit_id, "reflection": cursor.lastrowid}, now)
        write_waiting(db, worker_id, waiting, now)
    return int(cursor.lastrowid or 0)


def withdraw_reflection(storage: Storage, reflection_id: int, worker_id: str, now: datetime) -> dict[str, Any] | None:
    """Take back a worker's own reflection (`undo` straight after saving it, trial 41): the row goes and the trail
    says who withdrew which reflection from which audit, never the text; None when it is gone or not theirs."""
    with storage.write() as db:
        rows = list(select(db, "SELECT * FROM reflections WHERE id = ? AND worker_id = ?", [reflection_id, worker_id]))
        if not rows:
            return None
        db.execute("DELETE FROM reflections WHERE id = ?", [reflection_id])
        record_trail(storage, worker_id, "audit.reflection_withdrawn",
                     {"audit": rows[0]["audit_id"], "reflection": reflection_id}, now)
    return rows[0]


def reflections_of(storage: Storage, audit_id: int) -> list[dict[str, Any]]:
    return list(select(storage.db, "SELECT * FROM reflections WHERE audit_id = ? ORDER BY id", [audit_id]))


# -- who is in the middle of what --------------------------------------------------------------------------

def conversation(storage: Storage, user_id: str) -> dict[str, Any]:
    rows = list(select(storage.db, "SELECT state FROM conversations WHERE user_id = ?", [user_id]))
    return json.loads(rows[0]["state"]) if rows else {}


def set_conversation(storage: Storage, user_id: str, state: dict[str, Any] | None, now: datetime) -> None:
    """Remember what the bot waits for from this person; nothing is written when that has not changed."""
    if conversation(storage, user_id) == (state or {}):
        return
    with storage.write() as db:
        _write_conversation(db, user_id, state, now)


def write_waiting(db: Any, user_id: str, waiting: dict[str, Any] | None, now: datetime) -> None:
    """Inside the caller's write transaction: what the bot now waits for from this person ({} nothing).

    None leaves the conversation as it is. Every write that moves a conversation on calls this in its own
    transaction, so the change and the conversation are stored together.
    """
    if waiting is not None:
        _write_conversation(db, user_id, waiting or None, now)


LISTING_KEY = "listing"  # the last paged list shown to this person, beside whatever the bot waits for


def remember_listing(storage: Storage, user_id: str, listing: dict[str, Any], now: datetime) -> None:
    """Keep the page of a list just shown, so `more` can show the next one. It rides on the person's conversation
    row, beside anything the bot waits for (an audit, a moderation), and goes when the bot next waits for something
    else from them (an audit step stored, a moderation opened): `more` then means that, not the list."""
    keep_aside(storage, user_id, LISTING_KEY, listing, now)


def last_listing(storage: Storage, user_id: str) -> dict[str, Any] | None:
    """The page of a list `remember_listing` kept for this person, if it is still the last thing shown."""
    listing = conversation(storage, user_id).get(LISTING_KEY)
    return listing if isinstance(listing, dict) else None


def keep_aside(storage: Storage, user_id: str, key: str, value: Any, now: datetime) -> None:
    """Keep `value` under `key` on the person's conversation row, beside anything the bot waits for, until the bot
    next waits for something else from them (None takes it away now): a list's page, a question just asked."""
    with storage.write() as db:
        rows = select(db, "SELECT state FROM conversations WHERE user_id = ?", [user_id])
        state = json.loads(rows[0]["state"]) if rows else {}
        if value is None and key not in state:
            return
        kept = {name: item for name, item in state.items() if name != key}
        _write_conversation(db, user_id, {**kept, key: value} if value is not None else (kept or None), now)


def _write_conversation(db: Any, user_id: str, state: dict[str, Any] | None, now: datetime) -> None:
    if state is None:
        db.execute("DELETE FROM conversations WHERE user_id = ?", [user_id])
    else:
        db.execute("INSERT INTO conversations (user_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT "
                   "(user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                   [user_id, json.dumps(state, sort_keys=True), utc_text(now)])


# -- bulk loading (benchmarks, imports) --------------------------------------------------------------------

def bulk_insert_audits(storage: Storage, audits: list[tuple], answers: list[tuple]) -> None:
    """Insert many finished audits at once: rows are (id, checklist_id, hash, case_ref, auditor, worker, team,
    status, step, started_at, updated_at, submitted_at) and (audit_id, question_id, value, evidence, flagged,
    answered_by, answered_at)."""
    with storage.write() as db:
        db.conn.executemany(
            "INSERT INTO audits (id, checklist_id, checklist_hash, case_ref, auditor_id, worker_id, team_id, status, "
            "step, started_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", audits)
        db.conn.executemany(
            "INSERT INTO answers (audit_id, question_id, value, evidence, flagged, answered_by, answered_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", answers)
