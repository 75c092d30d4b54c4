"""Changing an open action's due date or owner after it is added (user trial): `action 2 due 11/12` or
`action 2 owner Social worker N2` typed at a draft's actions or submit step, and `/audit edit 12 action 41 due …` /
`… owner …` on a submitted audit until a moderator opens it (typed without `/audit` too, and, outside a draft,
`action 41 due …` alone finds the audit).

A manager typed "next Friday" on a Thursday meaning the Friday of the week after; it was read as tomorrow, and the only
way to correct it was to remove the action and add it again, which told people twice and lost the action's history. Now
the action keeps its number and history: the date is read as at the actions step (knowledge.dates, looking ahead, within
a year) and the owner as there (bot.audits.action_owners: `the worker`, `the manager`, `me`, a member ID or a name),
only an open action changes (a done one is said to be done, with how to reopen it), and once the audit was submitted the
change is kept as a revision (who, when, from, to) and its owner is told (the old and the new one when the owner
changes), as a removal tells people (bot.audits.action_removal). Storage clears the action's overdue flag, so reminders
start afresh from the new date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from bot.audits import action_owners, away_owner, held_tells, lifecycle, not_mine, owner_as_date
from bot.audits.action_fields import action_due, due_said, how_near
from bot.audits.action_removal import audit_action, gone, numbers_text
from bot.audits.action_status import typed_id
from bot.audits.core import Ctx, answer_error, load
from bot.audits.flow import AnswerError, looks_like_question
from bot.audits.screens import advance_and_render
from bot.core.action_named import action_named
from bot.core.markup import audit_and_case
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import audits as store
from bot.storage.audits import AuditRow
from bot.storage.errors import NotFound
from knowledge.dates import long_date, working_day_near

Field = Literal["due", "owner"]
COLUMNS: dict[Field, str] = {"due": "due_date", "owner": "owner_id"}

# "action 2", "change action #41", "action 41's": an action named by its number, then what to change in it.
_ACTION_NUMBER = r"^\s*(?:(?:change|move|set|edit|update)\s+)?(?:the\s+)?action\s*#?(?P<id>\d+)"
NAMED = re.compile(rf"{_ACTION_NUMBER}(?:['’]s)?(?P<rest>(?:\s.*)?)$", re.IGNORECASE | re.DOTALL)
# "action 2" on its own: typed with polite words after it (`action 2 thanks`), read without them
# (bot.engine.politeness).
ALONE = re.compile(rf"{_ACTION_NUMBER}\s*$", re.IGNORECASE)
# What follows the action: "due 11/12", "due date: 11/12", "due to next Friday", "owner Social worker N2".
CHANGE = re.compile(r"^\s*(?:(?P<due>due\s+date|due\s+by|due|deadline)|(?P<owner>owner|owned\s+by|assigned\s+to))"
                    r"(?:\s*[:=]|\s+to(?=\s|$))?(?=\s|$)(?P<value>.*)$", re.IGNORECASE | re.DOTALL)

DASHED = re.compile(r"\s[-–—]+\s")  # `action 2 due 18/12 - im off after that`: the date before the dash


@dataclass(frozen=True)
class ActionEdit:
    """What a typed change names: the action's number, what to change (None: the action alone, `action 2`) and the
    new value as typed (empty when none was)."""

    action_id: int
    field: Field | None
    value: str


def parse(text: str) -> ActionEdit | None:
    """`action 2 due 11/12` -> ActionEdit(2, "due", "11/12"); `action 2 owner` -> (2, "owner", ""); `action 2` ->
    (2, None, ""). None for anything else, an action's own words included ("Action 1 of the plan is …"). A number
    longer than any action's is refused (bot.audits.action_status.typed_id), never said back."""
    named = NAMED.match(text or "")
    if named is None:
        return None
    rest = named.group("rest").strip()
    if not rest:
        return ActionEdit(typed_id(named.group("id")), None, "")
    change = CHANGE.match(rest)
    if change is None:
        return None
    field: Field = "due" if change.group("due") else "owner"
    value = change.group("value").strip()
    if field == "due":  # a dash ends the date, as it does wherever a reason follows one (trial 36)
        value = DASHED.split(value, maxsplit=1)[0].strip()
    return ActionEdit(typed_id(named.group("id")), field, value)


# -- in a draft: at the actions step and the submit step -------------------------------------------------------

def typed_in_draft(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """`action 2 due 11/12` or `action 2 owner …` typed at a draft's actions or submit step: the action changes and
    the step is shown again; None for other text."""
    edit = parse(text)
    if edit is None:
        return None
    command = f"action {edit.action_id}"
    audit = ctx.audit
    action = _open_action(services, audit, edit.action_id)
    column, value = _new_value(services, turn, audit, action, edit, command)
    if value == getattr(action, column):
        return [_unchanged(services, turn, action, edit.field or "due")]
    press = f"edit:{action.id}:{column}:{value}"
    notice = Reply(kind="notice", text=_changed(services, turn, action, edit, value, command))
    away = owner_away(services, turn, action, column, value, command)
    # Once submitted (reopened for changes), its owner had been sent it: they are told, as a removal tells them, when
    # the audit is resubmitted (bot.audits.held_tells).
    tells = tell(services, turn, audit, action, column, value) if audit.submitted_at else []
    try:
        replies = advance_and_render(services, turn, ctx, ctx.version, store.Move(
            step=ctx.step.key, edited_action=(action.id, column, value), press=press,
            state=held_tells.state(ctx, tells)), before=[notice, *away, *held_tells.said(services, ctx, tells)])
    except NotFound:
        raise gone(action.id) from None
    return replies


# -- on a submitted audit: `/audit edit 12 action 41 due …` ---------------------------------------------------

def edit_submitted(services: Services, turn: Turn, audit_id: int, text: str) -> list[Reply]:
    """`text` is `action 41 due <date>` or `action 41 owner <name>`: the change is kept as a revision and the owner
    (old and new) told."""
    audit = load(services, audit_id).audit
    refusal = lifecycle.action_edit_refusal(audit, turn.user_id)
    if refusal is not None:
        raise refusal  # moderated, opened by a moderator, or not theirs: said before the action is read
    edit = parse(text)
    if edit is None:
        raise UserError(f"Name the action by its number, then `due` and the new date or `owner` and the new owner, "
                        f"like `/audit edit {audit_id} action 41 due 11/12`. "
                        f"{numbers_text(services, audit_id, 'change')}")
    command = f"/audit edit {audit_id} action {edit.action_id}"
    action = _open_action(services, audit, edit.action_id)
    column, value = _new_value(services, turn, audit, action, edit, command)
    if value == getattr(action, column):
        return [_unchanged(services, turn, action, edit.field or "due")]
    try:
        lifecycle.edit_action(services.storage, audit_id, turn.user_id, action.id, column, value, turn.now)
    except NotFound:
        raise gone(action.id) from None
    done = _changed(services, turn, action, edit, value, command)
    return [Reply(text=f"Audit #{audit_id}: {done[0].lower()}{done[1:]} The earlier "
                       f"{'date' if column == 'due_date' else 'owner'} is kept in the audit's history as a revision."),
            *owner_away(services, turn, action, column, value, command),
            *tell(services, turn, audit, action, column, value)]


# -- typed on its own, outside a draft: `action 41 due …` -----------------------------------------------------

def typed_anywhere(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`action 41 due 11/12` typed where no draft step takes it: the action's audit is found from its number, and a
    submitted one is changed as `/audit edit <audit> action 41 due 11/12` would change it; a draft is said to take it
    at its actions step; `action 41` alone is told how to change it. None for other text (a question such as "action 4
    due date?" stays a question)."""
    if looks_like_question(text):
        return None
    edit = parse(text)
    if edit is None:
        return None
    action = action_store.get_action(services.storage, edit.action_id)
    if action is not None and action.owner_id == turn.user_id and action.auditor_id != turn.user_id:
        return not_mine.owners_own(services, turn, action, edit.field)  # trial 34: shown, or who can change it
    if action is None or action.auditor_id != turn.user_id:
        raise UserError(f"Action {edit.action_id} is not an action of an audit you did, so I can't change it here. "
                        "`/audit actions` lists your open actions; only the auditor changes an action, with "
                        "`/audit edit <audit number> action <action number> due <date>`.")
    audit = store.get_audit(services.storage, action.audit_id)
    if audit is not None and audit.status == "draft":
        raise UserError(f"Action {action.id} is in your audit #{audit.id}, not submitted yet: type `/audit resume "
                        f"{audit.id}` and, at its actions step (or at Submit), `{text.strip()}`.")
    return edit_submitted(services, turn, action.audit_id, text)


# -- shared ---------------------------------------------------------------------------------------------

def _open_action(services: Services, audit: AuditRow, action_id: int) -> action_store.ActionRow:
    """The audit's open action `action_id`, or the UserError saying why it can't be changed."""
    action = audit_action(services, audit, action_id, "change")[0]
    if action.done_at:
        raise UserError(f"Action {action_id} is already marked done, so it can't be changed. If it was marked done by "
                        f"mistake, type `reopen action {action_id}` first, then change it.")
    return action


def _new_value(services: Services, turn: Turn, audit: AuditRow, action: action_store.ActionRow, edit: ActionEdit,
               command: str) -> tuple[str, str]:
    """(column, new stored value) for what was typed: an ISO due date, or the new owner's member id."""
    today = turn.now.astimezone(services.settings.timezone).date()
    example_day = working_day_near(today + timedelta(days=7))  # never a bank holiday
    example_date = f"`{command} due {example_day.day}/{example_day.month}`"
    example_owner = f"`{command} owner {services.directory.label(_someone_else(audit, action))}`"
    if edit.field is None:
        raise UserError(f"To change action {action.id}, type `{command} due` and the new date, like {example_date}, "
                        f"or `{command} owner` and the new owner, like {example_owner}.")
    if not edit.value:
        raise UserError(f"Type the new due date after `due`, like {example_date}." if edit.field == "due" else
                        f"Type the new owner after `owner`, like {example_owner}.")
    if edit.field == "due":
        try:
            return COLUMNS["due"], action_due(services, turn, edit.value).isoformat()
        except AnswerError as error:
            raise answer_error(error) from None
    if (instead := owner_as_date.date_instead(services, turn, audit, action, edit.value, as_command=True)):
        raise UserError(instead.text)
    nobody = (f"I don't know that person. Type `{command} owner` and the name of one of the case's people as I "
              f"write it, like {example_owner}, or their Slack member ID.")

    def typed_as(name: str) -> str:  # how a whole name is typed here, for the message asking which
        return f"{command} owner {name}"

    owner = action_owners.resolve(services, audit, edit.value, turn.user_id, typed_as, nobody)
    if isinstance(owner, list):  # `the manager` where the case's team has several, and no buttons here to ask with
        raise UserError(action_owners.which_manager_typed(services, audit, owner, typed_as))
    return COLUMNS["owner"], owner


def _someone_else(audit: AuditRow, action: action_store.ActionRow) -> str:
    """Someone an action could be given to, for an example: the case's worker, else the auditor."""
    return audit.worker_id if audit.worker_id and audit.worker_id != action.owner_id else audit.auditor_id


def _unchanged(services: Services, turn: Turn, action: action_store.ActionRow, field: Field) -> Reply:
    if field == "due":  # fix50g: how near, as every due date said back (`how_near`)
        due = date.fromisoformat(action.due_date)
        near = how_near(due, turn.now.astimezone(services.settings.timezone).date())
        return Reply(text=f"{action_named(action, capital=True)} is already due {long_date(due)}{near}, so nothing "
                          "changed.")
    return Reply(text=f"{action_named(action, capital=True)} is already {services.directory.label(action.owner_id)}'s, "
                      "so nothing changed.")


def _changed(services: Services, turn: Turn, action: action_store.ActionRow, edit: ActionEdit, value: str,
             command: str) -> str:
    """What the auditor is told: the action, now due when (and how near, from a weekday named) or now whose."""
    if edit.field == "due":
        today = turn.now.astimezone(services.settings.timezone).date()
        shown, to_change = due_said(edit.value, date.fromisoformat(value), today, f"{command} due")
        return (f"Action {action.id} (_{action.description}_) is now due {shown}, not "  # one form in one line
                f"{long_date(date.fromisoformat(action.due_date))}." + (f" {to_change}" if to_change else ""))
    label = services.directory.label
    return f"Action {action.id} (_{action.description}_) is now {label(value)}'s, not {label(action.owner_id)}'s."


def owner_away(services: Services, turn: Turn, action: action_store.ActionRow, column: str, value: str,
               command: str) -> list[Reply]:
    """The heads-up given when an action is first set with its owner away when it falls due (bot.audits.away_owner),
    given again when a change makes it so: a new date inside the owner's booked leave, or a new owner away on the
    date (fix77c: a date moved into the owner's leave after submission was said nothing of)."""
    owner, due = (action.owner_id, value) if column == "due_date" else (value, action.due_date)
    today = turn.now.astimezone(services.settings.timezone).date()
    return away_owner.notice(services, owner, today, date.fromisoformat(due), f"with `{command} owner …`",
                             turn.user_id, due_said=True)


def tell(services: Services, turn: Turn, audit: AuditRow, action: action_store.ActionRow, column: str,
          value: str) -> list[Reply]:
    """The owner had been sent the action (the audit was submitted): they are told of a new date; of a new owner,
    the old owner that it is no longer theirs (unless they have left teams.yaml) and the new one that it is. Never
    the person making the change."""
    by = services.directory.label(turn.user_id)
    where = audit_and_case(audit.id, audit.case_ref)
    told: list[Reply] = []
    due = long_date(date.fromisoformat(action.due_date))
    if column == "due_date":  # fix50e: the owner told how near the new date is, as the auditor is
        new, today = date.fromisoformat(value), turn.now.astimezone(services.settings.timezone).date()
        if action.owner_id != turn.user_id:
            told.append(Reply(to_user=action.owner_id, text=(
                f"{by} changed the due date of your action {action.id} ({where}) from {due} "
                f"to **{long_date(new)}**{how_near(new, today)}: _{action.description}_")))
        return told
    if action.owner_id != turn.user_id and services.directory.person(action.owner_id) is not None:  # a leaver
        told.append(Reply(to_user=action.owner_id, text=(  # is not told (trial 62, F8)
            f"{by} gave your action {action.id} ({where}) to {services.directory.label(value)}, so it is no longer "
            f"yours to do and has gone from your `/audit actions`: _{action.description}_")))
    if value != turn.user_id:
        told.append(Reply(to_user=value, text=(
            f"{by} gave you action {action.id} ({where}): _{action.description}_\nIt is due **{due}**; "
            "`/audit actions` lists it.")))
    return told
