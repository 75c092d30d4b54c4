"""An audit's lifecycle: its statuses, which changes are allowed from where, and who may make them.

    draft --submit--> submitted --open moderation--> in_moderation --record--> moderated
    in_moderation --take over (once held MODERATION_HOLD_WORKING_DAYS undecided)--> in_moderation, another moderator
    draft --switch checklist--> draft (on another checklist; never once submitted)
    draft --cancel--> cancelled --restore (within the window)--> draft
    submitted --reopen--> draft (with its first submission on record)   submitted --edit--> submitted

The rules are pure functions of the stored audit, the person and the clock (who may is asked of
bot/core/policy.py), each returning the error a person should see, or None when the change may go ahead.
Storage only stores: its writes are compare-and-set and raise `Conflict`, with no words, when the audit moved
on; the writes below check the rules first and word a conflict with the same rules on the audit as it now is.
Moderation's own writes (open, record) are in bot/storage/moderation.py.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any, TypeVar

from bot.core import policy
from bot.core.calendar import add_working_days
from bot.errors import AccessDenied, StaleAction, UserError
from bot.storage import audits as store
from bot.storage.actions import ActionRow
from bot.storage.audits import EDITABLE_AFTER_SUBMIT, AuditRow
from bot.storage.db import Storage
from bot.storage.errors import Conflict
from knowledge.checklist_schema import Checklist

T = TypeVar("T")


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_MODERATION = "in_moderation"
    MODERATED = "moderated"
    CANCELLED = "cancelled"


class Change(StrEnum):
    STEP = "step"                        # an answer, note or field written by the audit's next step
    SUBMIT = "submit"
    CANCEL = "cancel"
    RESTORE = "restore"
    REOPEN = "reopen"
    EDIT = "edit"                        # a grade or summary changed after submitting
    OPEN_MODERATION = "open_moderation"
    RECORD_MODERATION = "record_moderation"


# Which statuses each change may start from, and where it leaves the audit.
TRANSITIONS: dict[Change, tuple[frozenset[Status], Status]] = {
    Change.STEP: (frozenset({Status.DRAFT}), Status.DRAFT),
    Change.SUBMIT: (frozenset({Status.DRAFT}), Status.SUBMITTED),
    Change.CANCEL: (frozenset({Status.DRAFT}), Status.CANCELLED),
    Change.RESTORE: (frozenset({Status.CANCELLED}), Status.DRAFT),
    Change.REOPEN: (frozenset({Status.SUBMITTED}), Status.DRAFT),
    Change.EDIT: (frozenset({Status.SUBMITTED}), Status.SUBMITTED),
    Change.OPEN_MODERATION: (frozenset({Status.SUBMITTED}), Status.IN_MODERATION),
    Change.RECORD_MODERATION: (frozenset({Status.IN_MODERATION}), Status.MODERATED),
}

# How long an opened moderation is the opener's alone. Opening makes the audit read-only for its auditor, so a
# moderator who opens one and walks away must not hold it for ever: after this many working days undecided,
# another moderator may take it over. Two days leaves time to read the file; the reminders nudge after three.
MODERATION_HOLD_WORKING_DAYS = 2

NOT_FOUND = "I can't find that audit. Type `/audit resume` to see your drafts."
# Where each command's audit numbers are listed, for `no_such_audit`: a submitted audit is changed with `/audit edit`,
# which `/audit resume` (drafts) never lists.
SUBMITTED_LISTED = "`/audit list mine` lists the audits you submitted, with their numbers."
MODERATION_LISTED = "`/audit moderate` lists the audits waiting for moderation, with their numbers."

READ_ONLY = ("A moderator has opened this audit, so it is read-only now: `/audit show {audit_id}` says who is "
             "moderating it and since when.")
MODERATED = ("Audit #{audit_id} has been moderated, so its answers and grade are on record and can't be changed any "
             "more. `/audit show {audit_id}` has the outcome and its actions{respond}, and `/audit actions` lists the "
             "open actions to mark done.")
# How MODERATED ends while the auditor has not yet responded (bot.audits.moderated words it once they have).
MAY_RESPOND = ("; you can answer the moderation once with `/audit respond {audit_id} accept` or `/audit respond "
               "{audit_id} <your reply>`")
# The last line of the auditor's "Your audit #12 has been moderated" message: trial 24 found no route to reply there.
HOW_TO_RESPOND = ("To answer it (once), press **Accept** or **Respond**, or type `/audit respond {audit_id} accept` or "
                  "`/audit respond {audit_id} <your reply>`.")


def no_such_audit(audit_id: int, listed: str) -> UserError:
    """`/audit edit 99`, `/audit moderate 99`: no audit has that number; `listed` says where the command's are."""
    return UserError(f"There is no audit #{audit_id}. {listed}")


class Moderated(UserError):
    """A change refused because the audit is moderated. The rules see the audit only, not whether its auditor has
    answered the moderation, so the Slack entry points word it again with that (bot.audits.moderated)."""

    def __init__(self, audit_id: int) -> None:
        super().__init__(MODERATED.format(audit_id=audit_id, respond=MAY_RESPOND.format(audit_id=audit_id)))
        self.audit_id = audit_id


class DuplicatePress(Exception):
    """The same button arrived twice: the first press did the work, the second must do nothing."""


def allowed(change: Change, status: str) -> bool:
    """Whether `change` may start from an audit in `status` (who may make it is a separate question)."""
    return status in TRANSITIONS[change][0]


def target(change: Change) -> Status:
    """The status an audit has after `change`."""
    return TRANSITIONS[change][1]


def _spoken(status: str) -> str:
    return status.replace("_", " ")


def takeover_day(opened_at: datetime, timezone: tzinfo) -> date:
    """The first local day on which another moderator may take over a moderation opened at `opened_at`."""
    return add_working_days(opened_at.astimezone(timezone).date(), MODERATION_HOLD_WORKING_DAYS)


def may_take_over(opened_at: datetime, now: datetime, timezone: tzinfo) -> bool:
    """Whether a moderation opened at `opened_at` and still undecided may pass to another moderator at `now`."""
    return now.astimezone(timezone).date() >= takeover_day(opened_at, timezone)


def step_refusal(audit: AuditRow | None, actor: str, version: int, press: str = "",
                 statuses: tuple[str, ...] = (Status.DRAFT,)) -> Exception | None:
    """Why a step (an answer, note or field) may not be written into this audit at `version`, if it may not.

    DuplicatePress when it is the very press that already moved the audit on: that one must do nothing.
    """
    if audit is None:
        return UserError(NOT_FOUND)
    if not policy.may_change_own_audit(actor, audit):
        return AccessDenied("Only the person who started this audit can answer its questions.")
    if audit.status not in statuses:
        return StaleAction(f"This audit is {_spoken(audit.status)}, so it can't be changed here.")
    if audit.step_version != version:
        if press and audit.state.get("last_press") == f"{version}:{press}":
            return DuplicatePress()
        return StaleAction("That button is from an earlier question, so I didn't record it: this audit has "
                           "moved on. Your answers so far are saved; use the buttons on the latest message.")
    return None


def close_refusal(audit: AuditRow | None, actor: str, version: int, change: Change) -> UserError | None:
    """Why a draft may not be submitted or cancelled by `actor` from the message at `version`, if it may not."""
    if audit is None or not policy.may_change_own_audit(actor, audit):
        return AccessDenied("Only the person who started this audit can do that.")
    if not allowed(change, audit.status) or audit.step_version != version:
        return StaleAction("That button is from an earlier message: this audit has moved on since, so nothing "
                           "changed.")
    if change is Change.CANCEL and audit.submitted_at is not None:
        return UserError(f"Audit #{audit.id} was submitted before, so it can't be cancelled. Finish your "
                         "changes and press Submit to send it back for moderation; your earlier answers are "
                         "kept as revisions.")
    return None


def restore_refusal(audit: AuditRow | None, audit_id: int, actor: str, now: datetime,
                    window: timedelta) -> UserError | None:
    """Why a cancelled audit may not be restored, if it may not: only its auditor, and only within `window`."""
    if audit is None or not policy.may_change_own_audit(actor, audit):
        return AccessDenied("Only the person who started an audit can restore it, and only their own "
                            "cancelled audits. Type `/audit restore` to see yours.")
    if not allowed(Change.RESTORE, audit.status):
        then = (f"Type `/audit resume {audit_id}` to carry on with it." if audit.status == Status.DRAFT else
                f"Type `/audit show {audit_id}` to see it.")
        return UserError(f"Audit #{audit_id} is not cancelled (it is {_spoken(audit.status)}), so there is "
                         f"nothing to restore. {then}")
    if now > store.cancelled_at(audit) + window:
        return UserError(f"Audit #{audit_id} was cancelled more than {window.days} days ago, so it can't be "
                         "restored any more; its answers stay on record. Type `start audit` to audit the case "
                         "again.")
    return None


def _changeable_refusal(audit: AuditRow | None, actor: str, change: Change, otherwise: str) -> UserError | None:
    """A submitted audit may be changed by its auditor until a moderator opens it; `otherwise` for other states;
    no audit (None) is refused as another person's audit is."""
    if audit is None or not policy.may_change_own_audit(actor, audit):
        return AccessDenied("Only the person who did this audit can change it.")
    if audit.status == Status.IN_MODERATION:
        return UserError(READ_ONLY.format(audit_id=audit.id))
    if audit.status == Status.MODERATED:
        return Moderated(audit.id)
    if not allowed(change, audit.status):
        return UserError(otherwise)
    return None


def reopen_refusal(audit: AuditRow | None, audit_id: int, actor: str) -> UserError | None:
    """Why a submitted audit may not be taken back to its review step, if it may not."""
    if audit is None:
        return no_such_audit(audit_id, SUBMITTED_LISTED)
    otherwise = (f"Audit #{audit_id} is already open for changes: type `/audit resume {audit_id}`."
                 if audit.status == Status.DRAFT else f"Audit #{audit_id} is {audit.status}, so it can't be changed.")
    return _changeable_refusal(audit, actor, Change.REOPEN, otherwise)


def edit_refusal(audit: AuditRow | None, actor: str, field_name: str) -> UserError | None:
    """Why a field of a submitted audit may not be changed, if it may not."""
    if field_name not in EDITABLE_AFTER_SUBMIT:
        return UserError(f"You can change {', '.join(EDITABLE_AFTER_SUBMIT)} after submitting.")
    return _changeable_refusal(audit, actor, Change.EDIT, "Only a submitted audit can be edited this way.")


def require_edit(storage: Storage, audit_id: int, actor: str, field_name: str) -> None:
    """Refuse a change the person may not make before anything of what they typed is looked at: someone who may not
    edit the audit is told that, not how their note is worded (review 14, R7)."""
    if (problem := edit_refusal(store.get_audit(storage, audit_id), actor, field_name)) is not None:
        raise problem


# Writes: the rule first, then storage's compare-and-set; a conflict is worded by the rule on the audit as it is now.

def _guarded(storage: Storage, audit_id: int, refusal: Callable[[AuditRow | None], Exception | None],
             write: Callable[[], T]) -> T:
    problem = refusal(store.get_audit(storage, audit_id))
    if problem is not None:
        raise problem
    try:
        return write()
    except Conflict as conflict:
        raise refusal(conflict.current) or StaleAction(
            "That button is from an earlier message: this audit has moved on since, so nothing changed.") from None


def advance(storage: Storage, audit_id: int, version: int, actor: str, move: store.Move, now: datetime,
            statuses: tuple[str, ...] = (Status.DRAFT,)) -> int:
    """Store one step of the auditor's own audit if it is still at `version`; return the new version."""
    return _guarded(storage, audit_id, lambda audit: step_refusal(audit, actor, version, move.press, statuses),
                    lambda: store.advance(storage, audit_id, version, actor, move, now, statuses))


def switch_refusal(audit: AuditRow | None, actor: str, version: int) -> Exception | None:
    """Why this draft may not be put on another checklist at `version`, if it may not: as for a step, and never once
    it was submitted (its first submission, against its checklist, is on record)."""
    if audit is not None and audit.submitted_at is not None and policy.may_change_own_audit(actor, audit):
        return UserError(f"Audit #{audit.id} was submitted before, so its checklist can't be changed any more. To "
                         "audit the case against another checklist, type `start audit` and start a new audit.")
    return step_refusal(audit, actor, version)


def switch_checklist(storage: Storage, audit_id: int, version: int, actor: str, checklist: Checklist, step: str,
                     dropped: Collection[str], now: datetime, waiting: dict[str, Any] | None = None) -> None:
    """Put the auditor's own draft on another checklist, taking out the answers to `dropped` questions."""
    _guarded(storage, audit_id, lambda audit: switch_refusal(audit, actor, version),
             lambda: store.switch_checklist(storage, audit_id, version, actor, checklist, step, dropped, now,
                                            waiting))


def undo_switch(storage: Storage, audit_id: int, version: int, actor: str, now: datetime,
                waiting: dict[str, Any] | None = None) -> None:
    """Put the auditor's own draft back on the checklist it was switched from, with the answers the switch took out."""
    _guarded(storage, audit_id, lambda audit: switch_refusal(audit, actor, version),
             lambda: store.undo_switch(storage, audit_id, version, actor, now, waiting))


def close(storage: Storage, audit_id: int, version: int, actor: str, change: Change, now: datetime,
          waiting: dict[str, Any] | None = None) -> None:
    """Submit or cancel a draft (`change` is SUBMIT or CANCEL), with the actor's conversation (`waiting`)."""
    _guarded(storage, audit_id, lambda audit: close_refusal(audit, actor, version, change),
             lambda: store.set_status(storage, audit_id, version, actor, target(change), now, waiting))


def restore(storage: Storage, audit_id: int, actor: str, now: datetime, window: timedelta,
            waiting: dict[str, Any] | None = None) -> None:
    """Make a cancelled audit a draft again, where it stood, if its auditor asks within `window`."""
    _guarded(storage, audit_id, lambda audit: restore_refusal(audit, audit_id, actor, now, window),
             lambda: store.restore_cancelled(storage, audit_id, actor, now, waiting))


def reopen(storage: Storage, audit_id: int, actor: str, now: datetime,
           waiting: dict[str, Any] | None = None) -> None:
    """Take a submitted audit back to its review step so its auditor can change answers before moderation."""
    _guarded(storage, audit_id, lambda audit: reopen_refusal(audit, audit_id, actor),
             lambda: store.reopen(storage, audit_id, actor, now, waiting))


def edit_submitted(storage: Storage, audit_id: int, actor: str, changes: dict[str, str], now: datetime,
                   action: tuple[str, str, str] | None = None, state: Mapping[str, Any] | None = None) -> int | None:
    """Change a submitted audit before moderation (a grade with its reason, or one note), keeping the old values as
    revisions, with the action that comes with a new Inadequate grade, if any (its id returned), and what the audit's
    state keeps with a grade (a Good confirmed over an immediate concern)."""
    return _guarded(storage, audit_id, lambda audit: edits_refusal(audit, actor, changes),
                    lambda: store.edit_submitted(storage, audit_id, actor, changes, now, action, state))


def add_to_note(storage: Storage, audit_id: int, actor: str, field_name: str, added: Callable[[str | None], str],
                now: datetime) -> str:
    """Add to the strengths or the areas for development of a submitted audit before moderation in one write, so two
    additions seconds apart both stay; the old text kept as a revision, the new one returned."""
    return _guarded(storage, audit_id, lambda audit: edit_refusal(audit, actor, field_name),
                    lambda: store.add_to_note(storage, audit_id, actor, field_name, added, now))


def edit_note(storage: Storage, audit_id: int, actor: str, question_id: str, note: str, now: datetime) -> None:
    """Change the note on one answer of a submitted audit before moderation, keeping the old note as a revision."""
    _guarded(storage, audit_id, lambda audit: note_refusal(audit, actor),
             lambda: store.edit_note(storage, audit_id, actor, question_id, note, now))


def remove_action(storage: Storage, audit_id: int, actor: str, action_id: int, now: datetime) -> ActionRow:
    """Remove one open action from a submitted audit before moderation, keeping it as a revision; NotFound (from
    storage) when it is not one of the audit's open actions."""
    return _guarded(storage, audit_id, lambda audit: action_refusal(audit, actor),
                    lambda: store.remove_action_submitted(storage, audit_id, actor, action_id, now))


def edit_action(storage: Storage, audit_id: int, actor: str, action_id: int, column: str, value: str,
                now: datetime) -> ActionRow:
    """Change one open action's due date or owner on a submitted audit before moderation, keeping the old value as a
    revision; the action as it was. NotFound (from storage) when it is not one of the audit's open actions."""
    return _guarded(storage, audit_id, lambda audit: action_edit_refusal(audit, actor),
                    lambda: store.edit_action_submitted(storage, audit_id, actor, action_id, column, value, now))


def case_ref_refusal(audit: AuditRow | None, actor: str) -> UserError | None:
    """Why a submitted audit's case reference may not be put right with `/audit edit 12 case …`, if it may not: as
    for its notes (a draft's is put right at its steps, bot.audits.case_ref_change)."""
    return _changeable_refusal(audit, actor, Change.EDIT, "Only a submitted audit has its case reference changed "
                               "with `/audit edit`: in a draft, type `change case ref` and the right one, like "
                               "`change case ref CR-123456`.")


def change_case_ref(storage: Storage, audit_id: int, actor: str, case_ref: str, now: datetime) -> str:
    """Put right the case reference of the actor's own draft, or of their submitted audit before moderation; the old
    one returned."""
    def refusal(audit: AuditRow | None) -> UserError | None:
        if audit is not None and audit.status == Status.DRAFT and audit.auditor_id == actor:
            return None
        return case_ref_refusal(audit, actor)
    return _guarded(storage, audit_id, refusal, lambda: store.change_case_ref(storage, audit_id, actor, case_ref, now))


def action_edit_refusal(audit: AuditRow | None, actor: str) -> UserError | None:
    """Why an action's due date or owner may not be changed on this audit in place, if it may not: as for its notes."""
    return _changeable_refusal(audit, actor, Change.EDIT, "Only a submitted audit can have an action changed this "
                                                          "way. In an audit not yet submitted (or open for "
                                                          "changes), type `action` and its number, then `due` and "
                                                          "the date or `owner` and the name, at the actions step.")


def action_refusal(audit: AuditRow | None, actor: str) -> UserError | None:
    """Why an action may not be removed from this audit in place, if it may not: as for its notes."""
    return _changeable_refusal(audit, actor, Change.EDIT, "Only a submitted audit can have an action removed this "
                                                          "way. In an audit open for changes, type `remove action` "
                                                          "and its number at the actions step.")


def note_refusal(audit: AuditRow | None, actor: str) -> UserError | None:
    """Why an answer's note on this audit may not be changed in place, if it may not: as for its other notes."""
    return _changeable_refusal(audit, actor, Change.EDIT, "Only a submitted audit can be edited this way. In an audit "
                                                          "open for changes, type `change` and the question's "
                                                          "number at its review, then the grade and the new note: "
                                                          "`good, <new note>`.")


def edits_refusal(audit: AuditRow | None, actor: str, changes: dict[str, str]) -> UserError | None:
    """Why these fields of a submitted audit may not be changed together, if any of them may not."""
    return next((problem for name in changes if (problem := edit_refusal(audit, actor, name)) is not None), None)
