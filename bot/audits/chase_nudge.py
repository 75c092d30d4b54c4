"""Who may chase an action, and the DM a chased owner gets (`chase 9`), worded the same whether it goes at once or
was held until the working morning (bot.audits.held_chase), and when working hours next start."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.core import more_time_said, policy
from bot.core.action_due import due_shown, is_overdue
from bot.core.calendar import next_day_worked, works_on
from bot.core.markup import audit_and_case
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.errors import AccessDenied, UserError
from bot.settings.people import Person
from bot.storage import actions as action_store
from bot.storage import more_time as requests
from knowledge.dates import short_date

NOT_FOUND = "I can't find that action: `/audit actions team` lists your teams' open ones, with their numbers."


def due_words(action: action_store.ActionRow, today: date) -> str:
    """"due 20 Nov 2026, overdue": as the chaser and the owner both read it."""
    return f"due {due_shown(action.due_date)}" + (", overdue" if is_overdue(action.due_date, today) else "")


def waiting_request(services: Services, action: action_store.ActionRow) -> requests.Asked | None:
    """The owner's request for more time on the action while it waits for an answer; None when there is none."""
    asked = requests.latest(services.storage, action.id)
    return asked if asked is not None and more_time_said.state_of(asked, action.due_date) == more_time_said.WAITING \
        else None


def request_days(services: Services, asked: requests.Asked) -> tuple[str, str]:
    """(" to 20 Dec" or "" when no day was asked for, "4 Dec": the day it was asked), as chaser and owner read it."""
    until = f" to {short_date(asked.until, year=False)}" if asked.until else ""
    return until, short_date(asked.at.astimezone(services.settings.timezone).date(), year=False)


def nudge(services: Services, action: action_store.ActionRow, by: str, local: datetime) -> Reply:
    """The owner's DM: who asks, about which action, and how to say it is done or ask for more time; when their
    request for more time waits, that it does (trial 36: the nudge told her to ask for the time she had asked for)."""
    return Reply(to_user=action.owner_id, kind="notice",
                 text=f"{services.directory.label(by)} asks about action {action.id}: _{action.description}_ "
                      f"({audit_and_case(action.audit_id, action.case_ref)}), {due_words(action, local.date())}. If "
                      f"it is done, press Done (or type `done {action.id}`); {_longer(services, action, local)}",
                 choices=(Choice(f"Done: action {action.id}", "actions.done", str(action.id)),))


def _longer(services: Services, action: action_store.ActionRow, local: datetime) -> str:
    """How the nudge ends: the owner's request for more time waiting, or how to ask for it."""
    asked = waiting_request(services, action)
    if asked is None:
        return (f"if it needs longer, ask for more time: type `extend action {action.id} to` and the date you need, "
                f"like `{_extend_example(action, local.date())}`.")
    until, on = request_days(services, asked)
    return (f"your request for more time{until} (asked on {on}) still waits for "
            f"{more_time_said.asked_of(services, asked)}, so it stays due {short_date(action.due_date)} until they "
            "answer.")


def working_morning(services: Services, local: datetime, owner: str | None = None) -> datetime | None:
    """When working hours next start, if `local` is outside them (before or after quiet_hours, or the owner's own
    `working_hours` in teams.yaml, as their reminders keep; a weekend, an English bank holiday or a day outside a
    part-timer's `working_days`); None inside them.
    Trial 35: a chase at 23:00 on a Saturday reached the worker at once; such a chase is now held until this moment
    (bot.audits.held_chase)."""
    start, end = (services.directory.hours_of(owner) if owner else None) or services.settings.quiet_hours
    tz = services.settings.timezone
    days = services.directory.days_of(owner) if owner else None
    if works_on(local.date(), days) and start <= local.time() < end:
        return None
    day = local.date() if works_on(local.date(), days) and local.time() < start else next_day_worked(local.date(), days)
    return datetime.combine(day, start, tzinfo=tz)


def _extend_example(action: action_store.ActionRow, today: date) -> str:
    """`extend action 18 to 18/12`: a weekday a week after its due date (or after today, when that has passed), as
    the chased owner may type it (trial 32: the chase said nothing of how to ask for more time)."""
    later = max(date.fromisoformat(action.due_date), today) + timedelta(days=7)
    later += timedelta(days=max(0, 7 - later.weekday()) if later.weekday() >= 5 else 0)  # a weekend's: the Monday
    return f"extend action {action.id} to {later:%d/%m}"


def may_chase(services: Services, person: Person, action: action_store.ActionRow, named: str | None) -> None:
    """Who may chase: a manager of the owner, the auditor who set it, or an admin (never the owner); a person named
    in "remind X about action 9" must be its owner."""
    if action.owner_id == person.user_id:
        raise UserError(f"Action {action.id} is yours: `/audit actions` lists your open actions.")
    if person.user_id != action.auditor_id and not policy.may_complete_for_others(services.directory, person,
                                                                                  action.owner_id):
        raise AccessDenied(f"Only {services.directory.label(action.owner_id)}'s manager, the auditor who set action "
                           f"{action.id}, or an admin can chase it.")
    if named is not None:
        meant = services.directory.named(named)
        if meant is not None and meant != action.owner_id:
            raise UserError(f"Action {action.id} is {services.directory.label(action.owner_id)}'s, not "
                            f"{services.directory.label(meant)}'s: I nudge an action's owner. Nothing was sent.")
