"""`/audit edit 12 grade inadequate <why>`: the check before the alert, as at a draft's overall grade.

An auditor who grades a draft Inadequate is asked "This sends an urgent alert now to <names>. Send it?" before
anything is stored (bot.audits.alert_confirm): one slip must not send managers to a case nobody is worried about, and
a typed `inadequate, <reason>` is asked too, so a reason typed with the grade is no proof it was meant. Changing a
submitted audit's grade to Inadequate alerts the same people at once (bot.audits.grade_alerts), so it is asked the same
question with the same two buttons, after the reason is read and screened and before the grade is stored, the worker
told or anyone alerted. *Send the alert* (or `send`, `yes`) stores the change and alerts at once; *No, go back
and change it* (or `no`) leaves the grade as it was and tells nobody, and says so.

The change waits beside the person's conversation (`KEY`), not as a step of it: the command may be typed in the middle
of a draft, whose step is shown again after the answer (bot.audits.answered_aside.after_press). Typed yes and no are
read by bot.engine.confirmations, as for every other Yes-or-No question.
Buttons: regrade.alert_send / regrade.alert_back "<audit>:<token>" (the token names the change asked
about, so a button from an earlier question changes nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits import (
    alert_confirm,
    inadequate_action,
    regrade,
    regrade_action,
    regrade_concern,
    regrade_confirm,
    regrade_reason,
)
from bot.audits.core import Ctx, grade_label, load
from bot.audits.grade_alerts import alert_targets, with_inadequate_alerts
from bot.audits.regrade import GradeChange
from bot.core import buttons
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import StaleAction
from bot.storage import audits as store

KEY = "regrade_alert"  # beside the conversation: {"audit", "was", "grade", "reason", "to"}
SEND = "regrade.alert_send"
BACK = "regrade.alert_back"


def edit_grade(services: Services, turn: Turn, audit_id: int, text: str, reason: str | None = None) -> list[Reply]:
    """`/audit edit 12 grade <grade> <why>`: the change read and screened; with no reason, the reason is asked next
    (bot.audits.regrade_reason, which gives it back as `reason`); a new Inadequate on an audit with no open action
    asks for the action (bot.audits.regrade_action), and is asked about before it alerts; Good or Outstanding while an
    immediate concern stands is asked about once (bot.audits.regrade_concern); the change, its reason typed with the
    grade or asked for and typed next, is asked back before anything is stored, unless it is asked about anyway
    (bot.audits.regrade_confirm)."""
    before, change, named = regrade.read_change(services, turn, audit_id, text, reason)
    if change is None:
        return [regrade.unchanged(audit_id, before.audit.overall_grade or "")]
    if not change.reason:
        return regrade_reason.ask(services, turn, change, named)
    change, concern = regrade_concern.check(services, turn, before, change)  # Good over an immediate concern: asked
    if concern is not None:
        return [concern]
    if regrade_action.needed(services, change):
        return regrade_action.ask(services, turn, change)
    return _check_then_store(services, turn, before, change, confirm=change.concern is None)


def action_due(services: Services, turn: Turn, data: Mapping[str, Any], text: str) -> list[Reply]:
    """The due date of the action a new Inadequate grade brings, the last thing asked: then the check before the
    alert, or the change stored with its action."""
    if regrade_action.left(text):
        return regrade_action.cancelled(services, turn, data, text)
    if (gone := regrade_action.no_longer_editable(services, turn, data, regrade_action.ACTION_ASKED)) is not None:
        return gone
    change = regrade_action.change_of(data, inadequate_action.action(services, turn, data, text))
    before = load(services, change.audit_id)
    if before.audit.overall_grade != change.was:
        store.set_conversation(services.storage, turn.user_id, None, turn.now)
        raise StaleAction(f"Audit #{change.audit_id} is graded {grade_label(before.audit.overall_grade)} now, not "
                          f"{grade_label(change.was)} as when you started, so nothing was changed. Type `/audit edit "
                          f"{change.audit_id} grade inadequate <why>` to start again.")
    store.set_conversation(services.storage, turn.user_id, None, turn.now)
    return regrade_action.then_draft(data, _check_then_store(services, turn, before, change))


def _check_then_store(services: Services, turn: Turn, before: Ctx, change: GradeChange,
                      confirm: bool = False) -> list[Reply]:
    if targets := alert_targets(services, before, change.grade):
        return [_ask(services, turn, change, targets)]
    if confirm:
        return [regrade_confirm.ask(services, turn, change)]
    return with_inadequate_alerts(services, before, change.grade,
                                  regrade.store_change(services, turn, before.audit, change))


def _held(change: GradeChange, targets: list[str]) -> dict[str, Any]:
    return {"audit": change.audit_id, "was": change.was, "grade": change.grade, "reason": change.reason,
            "to": targets, **({"action": list(change.action)} if change.action else {})}


def _ask(services: Services, turn: Turn, change: GradeChange, targets: list[str]) -> Reply:
    held = _held(change, targets)
    store.keep_aside(services.storage, turn.user_id, KEY, held, turn.now)
    value = buttons.encode_id_and_key(change.audit_id, regrade.change_token(held))
    said = (f"You chose **Inadequate** as the overall grade of audit #{change.audit_id}, which is graded "
            f"**{grade_label(change.was)}** now. Nothing is changed yet"
            + (", and the action is added with the grade." if change.action else "."))
    check = alert_confirm.check(services, said, targets, (SEND, value), (BACK, value))
    return confirmations.ask(services, turn, check, tuple(alert_confirm.SEND_WORDS), tuple(alert_confirm.BACK_WORDS))


def _pending(services: Services, turn: Turn, value: str) -> tuple[int, Mapping[str, Any] | None]:
    return regrade.pending_change(services, turn, value, KEY, "inadequate")


def on_send(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*Send the alert*: the grade stored with its reason, the worker told and the alert sent, at once; nothing when
    the audit's grade changed since the question (another edit, or a reopened audit regraded)."""
    audit_id, held = _pending(services, turn, value)
    if held is None:
        raise StaleAction(f"That alert question is out of date, so nothing was sent and the grade of audit "
                          f"#{audit_id} was not changed. Type `/audit edit {audit_id} grade inadequate <why>` to ask "
                          "again.")
    before = load(services, audit_id)
    if before.audit.overall_grade != held["was"]:
        raise StaleAction(f"Audit #{audit_id} is graded {grade_label(before.audit.overall_grade)} now, not "
                          f"{grade_label(held['was'])} as when you were asked, so nothing was sent and the grade "
                          f"was not changed. Type `/audit edit {audit_id} grade inadequate <why>` to ask again.")
    action = held.get("action")
    change = GradeChange(audit_id, held["was"], str(held["grade"]), str(held["reason"]),
                         (str(action[0]), str(action[1]), str(action[2])) if action else None)
    return with_inadequate_alerts(services, before, change.grade,
                                  regrade.store_change(services, turn, before.audit, change))


def on_back(services: Services, turn: Turn, value: str) -> list[Reply]:
    """*No, go back and change it*: the grade stays as it was and nobody is told."""
    audit_id, held = _pending(services, turn, value)
    if held is None:
        return [Reply(kind="notice", text=f"That question is out of date: no alert was sent and the grade of audit "
                                          f"#{audit_id} was not changed.")]
    action = " and the action was not added" if held.get("action") else ""
    return [Reply(kind="notice", text=f"OK, no alert was sent and the grade was not changed{action}: audit "
                                      f"#{audit_id} is still graded **{grade_label(held.get('was'))}**, and nobody "
                                      "was told.")]
