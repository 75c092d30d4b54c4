"""A moderator's Inadequate gets the check an auditor's does before the alert goes.

A moderator who grades an audit Inadequate where its auditor did not alerts the managers at once, as an auditor's
Inadequate does (bot.audits.questions.inadequate_grade_alerts); and a moderation cannot be undone, so a slip on the
grade buttons would stand on the record as well as send people to a case. So the moderator is asked the auditor's
question, "This sends an urgent alert now to <names>. Send it?", with the same *Send the alert* and *No, go back
and change it* (bot.audits.alert_confirm.check), after the reason is given and before anything is saved or
anyone is alerted. It is the last thing asked: after the reason, and after the action an Inadequate audit with no
open action needs (bot.audits.moderation_action), so Send does what it says, saving the moderation and alerting at
once. No keeps the auditor's grade, saves nothing, alerts nobody and says so, then asks the grade again.

The decision waits in the moderator's conversation (state `moderation_confirm_alert`, with who it would alert).
Typed yes and no are read by bot.engine.confirmations, as for every other Yes-or-No question; `send` and `no` still
work after a question to the knowledge base set that aside (bot.audits.conversation).
Buttons: audit.moderation_alert_send / audit.moderation_alert_back "<audit>:<token>" (the token names the decision
asked about, so a button from an earlier question sends nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.audits import alert_confirm, moderation_checked
from bot.audits.core import grade_label, load, waiting
from bot.audits.questions import inadequate_targets
from bot.core import buttons
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

STATE = "moderation_confirm_alert"
SEND = "audit.moderation_alert_send"
BACK = "audit.moderation_alert_back"
HELD = ("audit_id", "agrees", "grade", "reason", "description", "owner", "due")  # the decision, and its action


def targets(services: Services, moderator: str, decision: Mapping[str, Any]) -> list[str]:
    """Who this decision would alert now: a moderator's Inadequate where the auditor graded otherwise (agreeing with
    an Inadequate alerts nobody new: the auditor's grade alerted them)."""
    if decision.get("agrees") or decision.get("grade") != "inadequate":
        return []
    ctx = load(services, int(decision["audit_id"]))
    if ctx.audit.overall_grade == "inadequate":
        return []
    return inadequate_targets(services, ctx, moderator)


def ask(services: Services, turn: Turn, decision: Mapping[str, Any], alerted: Sequence[str]) -> list[Reply]:
    """Hold the decision (grade, reason and any action, all read and screened) and ask before alerting `alerted`."""
    data = waiting(STATE, **{k: decision[k] for k in HELD if k in decision}, to=list(alerted))
    store.set_conversation(services.storage, turn.user_id, data, turn.now)
    return [asked_again(services, turn, data)]


def asked_again(services: Services, turn: Turn, data: Mapping[str, Any]) -> Reply:
    """The check as first asked, its Send and No answered by the words typed next as by its buttons: asked, and
    asked again below whatever else the moderator did while it waited (bot.audits.moderation_unsaved)."""
    return confirmations.ask(services, turn, screen(services, data), tuple(alert_confirm.SEND_WORDS),
                             tuple(alert_confirm.BACK_WORDS), not_yet=str(not_sent_help(services, data)))


def screen(services: Services, data: Mapping[str, Any]) -> Reply:
    """The auditor's check, saying what the moderator chose and that nothing is saved yet."""
    audit_id = int(data["audit_id"])
    audit = store.get_audit(services.storage, audit_id)
    auditors = grade_label(audit.overall_grade if audit is not None else None)
    value = buttons.encode_id_and_key(audit_id, moderation_checked.token(data, HELD))
    said = (f"You chose **Inadequate** at the moderation of audit #{audit_id}, where the auditor graded it "
            f"**{auditors}**. Nothing is saved yet.")
    return alert_confirm.check(services, said, data.get("to", ()), (SEND, value), (BACK, value))


def held(services: Services, turn: Turn, value: str) -> dict[str, Any]:
    """The decision a Send or No button was asked about, while it still waits; StaleAction for an older question."""
    return moderation_checked.held(services, turn, value, STATE, HELD,
                                   "That alert question is out of date, so nothing was sent and nothing was saved. "
                                   "Type `/audit moderate` to carry on with the moderation you hold.")


def not_sent_help(services: Services, data: Mapping[str, Any]) -> UserError:
    """Other text typed at the check: nothing was sent or saved, and the two ways on."""
    names = ", ".join(services.directory.label(target) for target in data.get("to", ()))
    return UserError(f"No alert has been sent yet, and your moderation is not saved. Type `send` (or press Send the "
                     f"alert) to save it and alert {names} now, or `no` to go back and change it.")
