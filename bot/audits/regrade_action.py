"""`/audit edit 12 grade inadequate <why>` on a submitted audit with no open action: the action first.

An audit graded Inadequate needs at least one action, whoever grades it: the auditor adds one before submitting, and
a moderator whose grade is Inadequate is asked for one (bot.audits.moderation_action). A grade changed to Inadequate
after submitting is no different, so once the reason is read the auditor is asked what must happen for the child, who
owns it (the case's worker unless they pick another: the owners offered and typed as at an audit's actions,
bot.audits.action_owners) and by when (bot.audits.action_fields). Nothing changes until then: the grade, its reason
and the action are stored in one transaction, after the check before the alert (bot.audits.regrade_check), so the
audit is never Inadequate with nothing for anyone to do, and nobody is alerted about a grade that is not stored.
`cancel` leaves the grade as it was.

The auditor's conversation carries the change while they type: `regrade_action` (the description),
`regrade_action_owner` (a button per person, or `the worker`, `the manager`, a name or a member ID typed) and
`regrade_action_due` (read by bot.audits.regrade_check, which stores the change).
Button: audit.regrade_owner "<audit>:<user id>".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.audits import action_fields, action_owners, moderation_action
from bot.audits.core import answer_error, grade_label, waiting
from bot.audits.flow import AnswerError
from bot.audits.regrade import GradeChange
from bot.core import buttons
from bot.core.replies import Choice, Reply, person_choice
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction, UserError
from bot.storage import audits as store
from knowledge.dates import examples as date_examples

WHAT, OWNER, DUE = "regrade_action", "regrade_action_owner", "regrade_action_due"
OWNER_BUTTON = "audit.regrade_owner"
CANCEL_WORDS = frozenset({"cancel", "stop", "cancel it", "leave it", "never mind", "nevermind"})
_HELD = ("audit_id", "was", "grade", "reason", "description", "owner", "draft")


def needed(services: Services, change: GradeChange) -> bool:
    """Whether this grade change must bring an action: the new grade is Inadequate and no action is open."""
    return moderation_action.needed(services, change.audit_id, change.grade)


def ask(services: Services, turn: Turn, change: GradeChange) -> list[Reply]:
    """Hold the change (read and screened, not stored) and ask for the action's description."""
    held = {"audit_id": change.audit_id, "was": change.was, "grade": change.grade, "reason": change.reason}
    if (draft := _draft_waiting(services, turn)) is not None:
        held["draft"] = draft
    store.set_conversation(services.storage, turn.user_id, waiting(WHAT, **held), turn.now)
    return description_prompt(held)


def _draft_waiting(services: Services, turn: Turn) -> int | None:
    """The draft whose step the person's conversation was at when the change was typed, if any: the action's
    questions take its place, and the person is told afterwards where the draft is."""
    prior = store.conversation(services.storage, turn.user_id)
    audit_id = prior.get("audit_id") if prior.get("feature") == "audit" else None
    audit = store.get_audit(services.storage, audit_id) if isinstance(audit_id, int) else None
    return audit.id if audit is not None and audit.status == "draft" and audit.auditor_id == turn.user_id else None


def then_draft(data: Mapping[str, Any], replies: list[Reply]) -> list[Reply]:
    """`replies`, then where the draft the person was in waits, unless the replies end with a question of their own
    (the check before the alert), whose options must stay the latest."""
    if not data.get("draft") or any(reply.kind == "question" for reply in replies if reply.is_for_requester):
        return replies
    return [*replies, Reply(kind="notice", text=f"Your audit #{data['draft']} waits where you left it: type "
                                                f"`/audit resume {data['draft']}` to carry on.")]


def change_of(data: Mapping[str, Any], action: tuple[str, str, str]) -> GradeChange:
    """The change held while the action was asked, with the action."""
    return GradeChange(int(data["audit_id"]), data.get("was"), str(data["grade"]), str(data["reason"]), action)


def _held(data: Mapping[str, Any], **more: str) -> dict[str, Any]:
    return {**{k: data[k] for k in _HELD if k in data}, **more}


def description_prompt(data: Mapping[str, Any]) -> list[Reply]:
    return [Reply(text=f"Audit #{data['audit_id']} has no open action, and an audit graded **Inadequate** needs at "
                       "least one: what must happen for the child? Nothing is changed until the action has an owner "
                       f"and a due date: the audit stays **{grade_label(data.get('was'))}** and nobody is told. Type "
                       "`cancel` to leave the grade as it is.",
                  prompt="Type the action (what needs to happen).", kind="question")]


def left(text: str) -> bool:
    """Whether `text` is `cancel` (or `stop`): the change is dropped, the grade stays."""
    return " ".join(text.lower().strip(" .!").split()) in CANCEL_WORDS


def cancelled(services: Services, turn: Turn, data: Mapping[str, Any]) -> list[Reply]:
    store.set_conversation(services.storage, turn.user_id, None, turn.now)
    return then_draft(data, [Reply(kind="notice", text=f"OK, nothing changed: audit #{data['audit_id']} is still "
                                                       f"graded **{grade_label(data.get('was'))}**, no action was "
                                                       "added and nobody was told.")])


def description(services: Services, turn: Turn, data: Mapping[str, Any], text: str) -> list[Reply] | None:
    """The action's text; a line ending with `?` is a question for the knowledge base (None), never the action."""
    if left(text):
        return cancelled(services, turn, data)
    if text.rstrip().endswith("?"):
        return None
    if " ".join(text.lower().split()) in moderation_action.NONE_WORDS:
        raise UserError("An audit graded Inadequate needs at least one action: what must happen for the child, who "
                        "will do it and by when. Type the action now, or `cancel` to leave the grade as it is.")
    try:
        described = action_fields.action_description(services, text)
    except AnswerError as error:
        raise answer_error(error) from None
    held = _held(data, description=described)
    store.set_conversation(services.storage, turn.user_id, waiting(OWNER, **held), turn.now)
    return owner_prompt(services, held)


def _audit(services: Services, data: Mapping[str, Any]) -> store.AuditRow:
    audit = store.get_audit(services.storage, int(data["audit_id"]))
    if audit is None:
        raise UserError("I can't find that audit.")
    return audit


def _owner_choices(services: Services, audit: store.AuditRow, ids: list[str]) -> tuple[Choice, ...]:
    return tuple(person_choice(action_owners.label(services, audit, uid), uid, OWNER_BUTTON,
                               buttons.encode_id_and_key(audit.id, uid), "primary" if uid == audit.worker_id else None)
                 for uid in ids)


def owner_prompt(services: Services, data: Mapping[str, Any]) -> list[Reply]:
    """The owners offered as for an audit's own actions (bot.audits.action_owners): the case's worker first."""
    audit = _audit(services, data)
    return [Reply(text=f"**Who owns this action?** _{data['description']}_\nThe case's worker unless you pick "
                       "someone else, or type `the worker`, `the manager`, or their name or Slack member ID.",
                  choices=_owner_choices(services, audit, action_owners.candidates(services, audit)),
                  kind="question")]


def owner(services: Services, turn: Turn, data: Mapping[str, Any], text: str) -> list[Reply]:
    if left(text):
        return cancelled(services, turn, data)
    audit = _audit(services, data)
    chosen = action_owners.resolve(services, audit, text, turn.user_id)
    if isinstance(chosen, list):  # `the manager` where the case's team has several: ask which, and keep waiting
        return [Reply(text=action_owners.which_manager_text(services, audit),
                      choices=_owner_choices(services, audit, chosen), kind="question")]
    held = _held(data, owner=chosen)
    store.set_conversation(services.storage, turn.user_id, waiting(DUE, **held), turn.now)
    return due_prompt(services, held)


def on_owner(services: Services, turn: Turn, value: str) -> list[Reply]:
    """An owner's button: only for the action this auditor is writing now."""
    audit_id, owner_id = buttons.id_and_key(value, "type `/audit edit <audit number> grade inadequate <why>` again")
    data = store.conversation(services.storage, turn.user_id)
    if data.get("awaiting") != OWNER or data.get("audit_id") != audit_id:
        raise StaleAction("That button is from an earlier message, so nothing changed.")
    return owner(services, turn, data, owner_id)


def due_prompt(services: Services, data: Mapping[str, Any]) -> list[Reply]:
    return [Reply(text=f"**When is it due?** _{data['description']}_ — "
                       f"{services.directory.label(str(data['owner']))}",
                  prompt=f"Type the due date, like {date_examples(services.local_now().date(), 'future')}.",
                  kind="question")]
