"""Removing an action added by mistake (user trial): `remove action 41` (or its Remove button, shown by
bot.audits.finish_screens) at the actions step of a draft, and `/audit edit 12 remove action 41` on a submitted
audit until a moderator opens it.

Nothing is hard-deleted: the action stays in the table marked removed, with who and when, and once the audit was
submitted it is kept as a revision, so the moderator sees the audit changed after submission. Its words, free text
about a child's case no longer needed, are cleared there and in the revisions (session 38: `/audit redact` still
listed them). A removed action goes
from every list, count and reminder. The owner and the worker are told when they had been sent it (the audit was
submitted). An audit graded Inadequate keeps at least one action; a done action stays on record.
"""

from __future__ import annotations

import re

from bot.audits import action_change_asked, held_tells, lifecycle
from bot.audits.core import Ctx, is_duplicate, load, own_draft, split_value
from bot.audits.screens import advance_and_render
from bot.core import buttons
from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.audits import AuditRow
from bot.storage.errors import NotFound
from knowledge.dates import short_date

# The Yes and No of "Remove action 41 from audit #12?", asked when `remove action 41` is typed outside an audit.
REMOVE_ANSWERS = ("actions.remove_confirm", "actions.remove_keep")
# "remove action 41", "delete action #41", "remove 41": typed where an audit's actions are listed.
REMOVE_WORDS = re.compile(r"^\s*(?:remove|delete)\s+(?:action\s*)?#?(?P<id>\d{1,9})\s*[.!]?\s*$", re.IGNORECASE)
# What follows `/audit edit 12 remove`: "action 41", "action #41", "#41" or "41".
NAMED_ACTION = re.compile(r"^\s*(?:action\s*)?#?(?P<id>\d{1,9})\s*[.!]?\s*$", re.IGNORECASE)
# "remove action", "delete the action", "remove": meant as removal, but naming no action.
KEPT = "Its words are cleared; who removed it and when stay in the audit's history"
UNNAMED = re.compile(r"^\s*(?:remove|delete)(?:\s+(?:an?|the|this|that|my|last|one))?(?:\s+actions?)?\s*[.!]?\s*$",
                     re.IGNORECASE)


def typed_in_draft(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """`remove action 41` typed at a draft's actions or submit step; None for other text. `remove action` naming no
    action is told how, with the numbers there are, and nothing is stored (it was once taken for a new action)."""
    if UNNAMED.match(text):
        numbers = open_numbers(services, ctx.audit.id)
        if not numbers:
            raise UserError(f"Audit #{ctx.audit.id} has no actions to remove yet, so nothing was changed.")
        so_far = (f"the only action so far is action {numbers[0]}" if len(numbers) == 1
                  else f"the actions so far are numbered {listed(numbers)}")
        raise UserError(f"Which action? Type `remove action` and its number, like `remove action {numbers[-1]}`: "
                        f"{so_far}. Nothing was changed.")
    found = REMOVE_WORDS.match(text)
    return None if found is None else remove_in_draft(services, turn, ctx, ctx.version, int(found.group("id")))


def on_remove(services: Services, turn: Turn, value: str) -> list[Reply]:
    """The Remove button at the actions step."""
    audit_id, version, key = split_value(value)
    if not key.isdigit():
        raise UserError("That button is from an earlier message. Type `/audit resume`.")
    return remove_in_draft(services, turn, own_draft(services, turn, audit_id), version, int(key))


def remove_in_draft(services: Services, turn: Turn, ctx: Ctx, version: int, action_id: int) -> list[Reply]:
    """Remove one of the draft's open actions and show its step again, with the action gone."""
    if is_duplicate(ctx, version, f"remove:{action_id}"):
        return []
    action = _removable(services, ctx.audit, action_id,
                        "type the right action at the actions step first, then remove this one")
    done = Reply(kind="notice", text=f"Removed action {action_id}: _{action.description}_"
                                     + (f". {KEPT}." if ctx.audit.submitted_at else ""))
    tells = _tell(services, turn, ctx.audit, action) if ctx.audit.submitted_at else []  # sent on resubmitting
    try:
        replies = advance_and_render(services, turn, ctx, version, store.Move(
            step=ctx.step.key, removed_action=action_id, press=f"remove:{action_id}",
            state=held_tells.state(ctx, tells)), before=[done, *held_tells.said(services, ctx, tells)])
    except NotFound:
        raise gone(action_id) from None
    return replies


def asked_from_submitted(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply]:
    """`/audit edit 12 remove action 41`: the checks, then Yes or No first, as `remove action 41` typed asks (trial
    21: typed, it asked; as the edit command, it removed at once, though the owner and the worker are told)."""
    audit, action_id = _named_in_submitted(services, turn, audit_id, text)
    return remove_question(services, turn, audit, action_id)


def remove_from_submitted(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply]:
    """Yes to the question: `text` names the action (`action 41`, `#41` or `41`); checked again, then removed."""
    audit, action_id = _named_in_submitted(services, turn, audit_id, text)
    action = _removable(services, audit, action_id, f"type `/audit edit {audit_id}` to reopen it and add the right "
                                                     "action first, then remove this one")
    try:
        lifecycle.remove_action(services.storage, audit_id, turn.user_id, action_id, turn.now)
    except NotFound:
        raise gone(action_id) from None
    return [Reply(text=f"Audit #{audit_id}: action {action_id} (_{action.description}_) is removed. {KEPT}, and it "
                       "no longer counts anywhere."),
            *_tell(services, turn, audit, action)]


def _named_in_submitted(services: Services, turn: Turn, audit_id: int, text: str) -> tuple[AuditRow, int]:
    """The submitted audit and the action number `text` names, once the person may change the audit."""
    audit = load(services, audit_id).audit
    refusal = lifecycle.action_refusal(audit, turn.user_id)
    if refusal is not None:
        raise refusal  # moderated, opened by a moderator, or not theirs: said before the action is read
    found = NAMED_ACTION.match(text)
    if found is None:
        raise UserError(f"Name the action by its number, like `/audit edit {audit_id} remove action 41`. "
                        f"{numbers_text(services, audit_id)}")
    return audit, int(found.group("id"))


def remove_typed_anywhere(services: Services, turn: Turn, action_id: int) -> list[Reply]:
    """`remove action 41` typed where no audit's actions step waits (trial 21: it was read as a question for the
    knowledge base): the action's own audit is found and, its checks passed, the person is asked first, Yes or No,
    since the owner and the worker are told; an action of a draft is removed at its actions step."""
    action = action_store.get_action(services.storage, action_id)
    if action is None:  # never given, or removed already
        raise UserError(f"I can't find action {action_id}: type `/audit actions` to see the open ones.")
    audit = load(services, action.audit_id).audit
    if audit.status == "draft":
        raise UserError(f"Action {action_id} is in audit #{audit.id}, not submitted yet: type `/audit resume "
                        f"{audit.id}`, then `remove action {action_id}` at its actions.")
    refusal = lifecycle.action_refusal(audit, turn.user_id)
    if refusal is not None:  # its owner or worker is told who did the audit and offered to ask them (trial 41)
        asked = action_change_asked.offer(services, turn, action_id, True, f"remove action {action_id}")
        if asked is None:
            raise refusal
        return asked
    return remove_question(services, turn, audit, action_id)


def remove_question(services: Services, turn: Turn, audit: AuditRow, action_id: int) -> list[Reply]:
    """"Remove action 41 from audit #12?", Yes or No, once the action's own checks pass."""
    action = _removable(services, audit, action_id, f"type `/audit edit {audit.id}` to reopen it and add the right "
                                                    "action first, then remove this one")
    owner = services.directory.label(action.owner_id)
    return [confirmations.ask(services, turn, Reply(
        kind="question", text=f"Remove action {action_id} from audit #{audit.id} ({audit.case_ref})?\n"
                              f"_{action.description}_ — {owner}, due {short_date(action.due_date)}\n{KEPT}, and "
                              "whoever was sent it is told.",
        choices=(Choice("Yes, remove it", REMOVE_ANSWERS[0], str(action_id), "primary"),
                 Choice("No, keep it", REMOVE_ANSWERS[1], str(action_id)))))]


def on_remove_confirm(services: Services, turn: Turn, value: str) -> list[Reply]:
    """Yes to "Remove action 41 from audit #12?": removed as `/audit edit 12 remove action 41` removes it."""
    action_id = buttons.record_id(value, "type `/audit actions` for the up-to-date list")
    action = action_store.get_action(services.storage, action_id)
    if action is None:
        raise gone(action_id)
    return remove_from_submitted(services, turn, action.audit_id, str(action_id))


def on_remove_keep(services: Services, turn: Turn, value: str) -> list[Reply]:
    """No to "Remove action 41 from audit #12?": nothing changes."""
    action = action_store.get_action(services.storage, buttons.record_id(value, "type `/audit actions` for the "
                                                                               "up-to-date list"))
    named = action_named(action) if action is not None else "the action"
    return [Reply(kind="notice", text=f"OK: {named} stays. Nothing changed.")]


def _removable(services: Services, audit: AuditRow, action_id: int, first: str) -> action_store.ActionRow:
    """The audit's open action `action_id`, or the UserError saying why it can't be removed."""
    action, actions = audit_action(services, audit, action_id)
    if action.done_at:
        raise UserError(f"Action {action_id} is already marked done, so it stays on record. If it was marked done "
                        f"by mistake, type `reopen action {action_id}`.")
    if audit.overall_grade == "inadequate" and len(actions) == 1:
        raise UserError(f"An audit graded Inadequate needs at least one action, and action {action_id} is its only "
                        f"one: {first}.")
    return action


def audit_action(services: Services, audit: AuditRow, action_id: int,
                 doing: str = "remove") -> tuple[action_store.ActionRow, list[action_store.ActionRow]]:
    """Action `action_id` of the audit, with all the audit's actions; a number that is none of them is a UserError
    giving the numbers it has, the same whether an action is to be removed or changed (bot.audits.action_edit)."""
    actions = action_store.actions_of_audit(services.storage, audit.id)
    action = next((a for a in actions if a.id == action_id), None)
    if action is None:
        raise UserError(f"Action {action_id} is not one of audit #{audit.id}'s actions. "
                        f"{numbers_text(services, audit.id, doing)}")
    return action, actions


def gone(action_id: int) -> UserError:
    """Storage found the action no longer open when writing (removed or marked done since it was read)."""
    return UserError(f"Action {action_id} is no longer one of this audit's open actions.")


def numbers_text(services: Services, audit_id: int, doing: str = "remove") -> str:
    """Which numbers name the audit's open actions, for a message that names the wrong one (to remove or change)."""
    numbers = open_numbers(services, audit_id)
    if len(numbers) == 1:
        return f"Its only open action is action {numbers[0]}."
    return f"Its open actions are numbered {listed(numbers)}." if numbers else f"It has no open actions to {doing}."


def open_numbers(services: Services, audit_id: int) -> list[str]:
    return [str(a.id) for a in action_store.actions_of_audit(services.storage, audit_id) if not a.done_at]


def listed(numbers: list[str]) -> str:
    """"41", "41 and 42", "40, 41 and 42"."""
    return numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]


def _tell(services: Services, turn: Turn, audit: AuditRow, action: action_store.ActionRow) -> list[Reply]:
    """The owner and the worker had been sent the action (the audit was submitted): each is told it is gone."""
    by = services.directory.label(turn.user_id)
    where = audit_and_case(audit.id, audit.case_ref)
    told: list[Reply] = []
    if action.owner_id != turn.user_id:
        told.append(Reply(to_user=action.owner_id, text=f"{by} removed action {action.id} ({where}), so it is no "
                                                         "longer yours to do and has gone from `/audit actions`: "
                                                         f"_{action.description}_"))
    if audit.worker_id and audit.worker_id not in (turn.user_id, action.owner_id):
        told.append(Reply(to_user=audit.worker_id, text=f"{by} removed action {action.id} from the audit of your "
                                                         f"case ({where}): _{action.description}_"))
    return told
