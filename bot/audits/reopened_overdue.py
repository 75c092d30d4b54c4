"""What reopening an action says when its due date has passed (trial 22).

`reopen action 38` on an action due 14 Oct, reopened in December, said "open again, due 14 Oct 2026": overdue at once,
and on the owner's manager's weekly list of overdue actions, with nobody told. Now the reopen says the date has
passed, that the action counts as overdue until it has a new date, and asks for the new date in the words that set
one (`action 38 due <date>`, bot.audits.action_edit), or says who can give it one. The weekly list leaves out an
action reopened that day (schedules/reminders.py), so there is a day to set the date before anyone is sent it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.audits import lifecycle
from bot.audits.action_fields import how_near
from bot.core.owner_manager import auditor_answers, may_answer_for
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store
from bot.storage.actions import ActionRow
from knowledge.dates import long_date, working_day_near


@dataclass(frozen=True)
class PastDue:
    """The lines a reopen of an overdue action adds: for whoever reopened it, and for its owner when that is
    someone else."""

    reopener: str
    owner: str
    says_done: bool = False  # the lines already say to type `done N` when it is complete (the reopen says it once)


def past_due(services: Services, turn: Turn, action: ActionRow) -> PastDue | None:
    """The reopen's words on a due date that has passed, or None when the action is not yet due."""
    today = turn.now.astimezone(services.settings.timezone).date()
    due = date.fromisoformat(action.due_date)
    if due >= today:
        return None
    managers = [services.directory.label(m) for m in services.directory.managers_of(action.owner_id)
                if m != action.owner_id]
    # trial 41: "… until it has a new date and from the next weekly list on Team manager (South) sees it …"
    seen_by = (f", and {' and '.join(managers)} will see it among the overdue actions on "
               f"{'their' if len(managers) > 1 else 'the'} next weekly list" if managers else "")
    passed = (f"Its due date, {long_date(due)}, has passed, so it counts as overdue until it has a new date"
              f"{seen_by}.")
    ask, told = _new_date(services, turn, action)
    return PastDue(reopener=f"{passed} {ask}", owner=f"{passed} {told}", says_done=f"`done {action.id}`" in ask)


def due_near(services: Services, turn: Turn, action: ActionRow) -> str:
    """The due date of a reopened action said as every due-date confirmation says it, "Monday 14 December 2026 (in
    5 days)" (fix50e: the reopen said "due 14 Dec 2026", with nothing of how near it was)."""
    due = date.fromisoformat(action.due_date)
    return long_date(due) + how_near(due, turn.now.astimezone(services.settings.timezone).date())


def _new_date(services: Services, turn: Turn, action: ActionRow) -> tuple[str, str]:
    """How the new date is given: asked of whoever reopened it when they may set it (`action 38 due <date>`, as the
    auditor changes any action's date, or the owner's manager once the audit is fixed), else who can, with the words
    the owner asks with (`extend 38 to <date>`, trial 43: the reopen said "until it has a new date" and not how to
    ask for one); the second line is the owner's, who did not reopen it."""
    audit = store.get_audit(services.storage, action.audit_id)
    today = turn.now.astimezone(services.settings.timezone).date()
    example = working_day_near(today + timedelta(days=7))  # never a weekend or bank holiday
    typed = f"`action {action.id} due <date>`, like `action {action.id} due {example.day}/{example.month}`"
    extend = f"type `extend {action.id} to <date>`, like `extend {action.id} to {example.day}/{example.month}`"
    mine = turn.user_id == action.owner_id
    if lifecycle.action_edit_refusal(audit, turn.user_id) is None:
        return (f"When is it due now? Type {typed}.",
                f"{services.directory.label(turn.user_id)} has been asked for a new date.")
    if audit is not None and auditor_answers(services, audit):
        auditor = f"Only its auditor, {services.directory.label(audit.auditor_id)}, can give it a new due date"
        return (f"{auditor}: to ask them for one, {extend}." if mine else f"{auditor} ({typed}): ask them.",
                f"{auditor}: to ask them for one, {extend}.")
    fixed = (f"Its audit, #{action.audit_id}, can't be changed now (an action's date is changed by its auditor, on a "
             "submitted audit before moderation)")
    done = f"type `done {action.id}` when it is complete"
    if not mine and audit is not None and may_answer_for(services, turn.person, audit, action.owner_id):
        return (f"{fixed}, but as {services.directory.label(action.owner_id)}'s manager you can give it a new date: "
                f"type {typed}.", f"{services.directory.label(turn.user_id)} has been asked for a new date.")
    asking = f"{fixed}: to ask for a new date, {extend}; {done}."
    return (asking if mine else f"{fixed}, so {done}.", asking)
