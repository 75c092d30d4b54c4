"""`cancel 139`: a draft whose auditor has left teams.yaml, cancelled by an admin or QA lead (trial 59, F9).

Home and `audit-bot health` said "only its auditor can finish or cancel a draft, so it stays a draft (counted nowhere)
unless they are put back in teams.yaml": putting a leaver back (with a role) to close a draft is no fix. Now an admin
or QA lead types `cancel 139`, confirms with *Yes, cancel it*, and the draft is cancelled, with a trail entry naming
the leaver; `restore 139` makes it a draft again for 7 days, as for any cancelled draft. `cancel 139` typed by the
draft's own auditor asks the cancel question an audit asks. Pure of Slack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bot.audits.core import own_draft
from bot.core import buttons, policy
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import AccessDenied, UserError
from bot.storage import audits as store
from bot.storage.audits import AuditRow
from bot.storage.errors import Conflict

CONFIRM = "leaver.cancel_confirm"
KEEP = "leaver.cancel_keep"
YES_WORDS = ("yes cancel", "yes cancel it", "cancel it", "yes please cancel it")  # beside `yes`, `y` (fix70b B)
USAGE = "Type `cancel 139` to cancel draft #139 (yours, or one whose auditor has left teams.yaml)."


def cancel_command(services: Services, turn: Turn, args: str,
                   own: Callable[[Services, Turn, str], list[Reply]]) -> list[Reply]:
    """`cancel N`: the auditor's own draft gets the audit's cancel question (`own`); a leaver's draft, for an admin
    or QA lead, is asked about first, naming whose it is (a typed `yes` answers as the button does); anyone else
    is told who may."""
    audit_id = buttons.typed_id(args)
    if audit_id is None:
        raise UserError(USAGE)
    audit = store.get_audit(services.storage, audit_id)
    if audit is None or audit.status != "draft":
        raise UserError(f"There is no draft #{audit_id} to cancel. Type `resume` to see your drafts.")
    if audit.auditor_id == turn.user_id:
        return own(services, turn, own_draft(services, turn, audit_id).value())
    _may(services, turn, audit)
    return [_asked(services, turn, audit)]


def _asked(services: Services, turn: Turn, audit: AuditRow) -> Reply:
    """The question, answered by its buttons, their numbers or a typed `yes` / `no` (bot.engine.confirmations)."""
    question = Reply(text=f"Cancel draft #{audit.id} ({audit.case_ref}) of {services.directory.label(audit.auditor_id)}"
                          ", who is no longer in teams.yaml? It won't count as an audit; its answers are kept for the "
                          f"record, and you can restore it for 7 days with `restore {audit.id}`.", kind="question",
                     choices=(Choice("Yes, cancel it", CONFIRM, f"{audit.id}|{audit.step_version}", "danger"),
                              Choice("No, keep it", KEEP, str(audit.id), "primary")))
    return confirmations.ask(services, turn, question, also_yes=YES_WORDS,
                             not_yet=f"To cancel draft #{audit.id}, type `yes` (or press **Yes, cancel it**); nothing "
                                     "has been cancelled.")


def _may(services: Services, turn: Turn, audit: AuditRow) -> None:
    if not policy.may_cancel_leavers_draft(services.directory, turn.person, audit):
        raise AccessDenied(f"Only its auditor can cancel draft #{audit.id}; an admin or QA lead may cancel a draft "
                           "only when its auditor has left teams.yaml.")


def confirmed(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Yes, cancel it*: only if the draft has not moved on since, and its auditor is still gone."""
    audit_id, _, version = value.partition("|")
    audit = store.get_audit(services.storage, int(audit_id))
    if audit is None:
        raise UserError(f"There is no draft #{audit_id} to cancel.")
    _may(services, turn, audit)
    try:
        store.cancel_leavers_draft(services.storage, audit.id, int(version or -1), turn.user_id, turn.now)
    except Conflict:
        raise UserError(f"Draft #{audit.id} has changed since you asked (it is {audit.status}), so nothing was "
                        "cancelled.") from None
    return [Reply(text=f"Draft #{audit.id} ({audit.case_ref}) of {services.directory.label(audit.auditor_id)} is "
                       "cancelled: it counts nowhere, and its answers are kept for the record. Changed your mind? "
                       f"`restore {audit.id}` makes it a draft again for 7 days.")]


def kept(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, keep it*: nothing changes."""
    return [Reply(text=f"OK, draft #{value} is not cancelled.")]


def cancelled_by(turn: Turn, audit: AuditRow) -> bool:
    """Whether this is a leaver's draft that this admin or QA lead cancelled, so theirs to restore."""
    return audit.status == "cancelled" and audit.state.get("cancelled_by") == turn.user_id


def restore(services: Services, turn: Turn, audit: AuditRow, window: timedelta) -> list[Reply] | None:
    """`restore N` of a leaver's draft this admin or QA lead cancelled: a draft again, where it stood, within the
    window any cancelled draft has; None for any other audit (its auditor's own restore)."""
    if not cancelled_by(turn, audit):
        return None
    if turn.now > store.cancelled_at(audit) + window:
        raise UserError(f"Draft #{audit.id} was cancelled more than {window.days} days ago, so it can't be restored "
                        "any more; its answers stay on record.")
    store.restore_leavers_draft(services.storage, audit.id, turn.user_id, turn.now)
    return [Reply(text=f"Draft #{audit.id} ({audit.case_ref}) of {services.directory.label(audit.auditor_id)} is a "
                       "draft again, as it stood (counted nowhere until it is submitted).")]
