"""An Inadequate grade of record needs an action, whoever gives it: at submission the auditor must add one, and a
moderator whose grade (agreed or their own) is Inadequate, on an audit with no open action, is asked for one before the
moderation is saved: what must happen, who owns it (the case's worker unless they pick another) and by when, read as an
audit's actions are (bot.audits.action_fields; the owner by bot.audits.action_owners). The moderation and its action are
then stored in one transaction, so an audit is never Inadequate after moderation with nothing for anyone to do.

The moderator's conversation carries the decision while they type: `moderation_action` (the description),
`moderation_action_owner` (a button per person, or `the worker`, `the manager`, a name or a Slack member ID typed),
`moderation_action_due`.
Button: audit.moderation_owner "<audit>:<user id>".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits import action_fields, action_owners
from bot.audits.core import answer_error, waiting
from bot.audits.flow import AnswerError
from bot.core import buttons
from bot.core.replies import Choice, Reply, person_choice
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction, UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from knowledge.dates import examples as date_examples

NONE_WORDS = frozenset({"skip", "none", "no", "n/a", "na", "nothing", "-", "no action", "no actions"})
OWNER_HINT = "type `/audit moderate` to carry on with the moderation you hold"


def needed(services: Services, audit_id: int, grade: str) -> bool:
    """Whether this moderation must set an action: its grade of record is Inadequate and no action is open."""
    return grade == "inadequate" and not any(a.done_at is None
                                             for a in action_store.actions_of_audit(services.storage, audit_id))


def ask(services: Services, turn: Turn, decision: Mapping[str, Any]) -> list[Reply]:
    """Hold the decision (agree, grade, reason) and ask for the action's description."""
    store.set_conversation(services.storage, turn.user_id, waiting("moderation_action", **_decision(decision)),
                           turn.now)
    return description_prompt(int(decision["audit_id"]))


def _decision(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in ("audit_id", "agrees", "grade", "reason", "description", "owner") if k in data}


def description_prompt(audit_id: int) -> list[Reply]:
    return [Reply(text=f"Audit #{audit_id} will be **Inadequate** after your moderation, and it has no open action. "
                       "An audit graded Inadequate needs at least one: what must happen for the child? Nothing is "
                       "saved until the action has an owner and a due date (type `disagree` to choose another grade).",
                  prompt="Type the action (what needs to happen).", kind="question")]


def description(services: Services, turn: Turn, data: Mapping[str, Any], text: str) -> list[Reply]:
    if " ".join(text.lower().split()) in NONE_WORDS:
        raise UserError("An audit graded Inadequate needs at least one action: what must happen for the child, who "
                        "will do it and by when. Type the action now, or `disagree` to choose another grade.")
    try:
        described = action_fields.action_description(services, text)
    except AnswerError as error:
        raise answer_error(error) from None
    held = {**_decision(data), "description": described}
    store.set_conversation(services.storage, turn.user_id, waiting("moderation_action_owner", **held), turn.now)
    return owner_prompt(services, held)


def _audit(services: Services, data: Mapping[str, Any]) -> store.AuditRow:
    audit = store.get_audit(services.storage, int(data["audit_id"]))
    if audit is None:
        raise UserError("I can't find that audit.")
    return audit


def _owner_choices(services: Services, audit: store.AuditRow, ids: list[str]) -> tuple[Choice, ...]:
    return tuple(person_choice(action_owners.label(services, audit, uid, auditor_is="the auditor"), uid,
                               "audit.moderation_owner", buttons.encode_id_and_key(audit.id, uid),
                               "primary" if uid == audit.worker_id else None)
                 for uid in ids)


def owner_prompt(services: Services, data: Mapping[str, Any]) -> list[Reply]:
    """The owners offered as for an audit's own actions (bot.audits.action_owners): the case's worker first."""
    audit = _audit(services, data)
    return [Reply(text=f"**Who owns this action?** _{data['description']}_\nThe case's worker unless you pick "
                       "someone else, or type `the worker`, `the manager`, or their name or Slack member ID.",
                  choices=_owner_choices(services, audit, action_owners.candidates(services, audit)),
                  kind="question")]


def owner(services: Services, turn: Turn, data: Mapping[str, Any], text: str) -> list[Reply]:
    audit = _audit(services, data)
    chosen = action_owners.resolve(services, audit, text, turn.user_id)
    if isinstance(chosen, list):  # `the manager` where the case's team has several: ask which, and keep waiting
        return [Reply(text=action_owners.which_manager_text(services, audit),
                      choices=_owner_choices(services, audit, chosen), kind="question")]
    held = {**_decision(data), "owner": chosen}
    store.set_conversation(services.storage, turn.user_id, waiting("moderation_action_due", **held), turn.now)
    return due_prompt(services, held)


def on_owner(services: Services, turn: Turn, value: str) -> list[Reply]:
    """An owner's button: only for the action this moderator is writing now."""
    audit_id, owner_id = buttons.id_and_key(value, OWNER_HINT)
    data = store.conversation(services.storage, turn.user_id)
    if data.get("awaiting") != "moderation_action_owner" or data.get("audit_id") != audit_id:
        raise StaleAction("That button is from an earlier message, so nothing changed.")
    return owner(services, turn, data, owner_id)


def due_prompt(services: Services, data: Mapping[str, Any]) -> list[Reply]:
    return [Reply(text=f"**When is it due?** _{data['description']}_ — "
                       f"{services.directory.label(str(data['owner']))}",
                  prompt=f"Type the due date, like {date_examples(services.local_now().date(), 'future')}.",
                  kind="question")]
