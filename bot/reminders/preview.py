"""`/audit reminders`: what the bot would remind you about on the next working days, if nothing changes.

Trials 21 and 22: people asked "what reminders have i got" and got the general article on how reminders work, which
also said `/audit digest` was for them when it is for managers. Nobody could see what they would be chased about, or
check a snooze or time away had taken. This runs the daily job's own rules (bot.reminders.rules) on what is stored
now, for each of the job's next runs on a working day, and keeps this person's items, each with the first day it
would come, 12 lines a page (`more` or `page 2` for the next: bot.engine.pages). Nothing is sent, and nothing is
stored but the page shown, for `more`.

Trial 60 (F14): twelve overdue actions all "Mon 21 Dec", each with the same last-reminder sentence, filled the first
page, and the Christmas week's came only on `more`. Overdue actions reminded on one day alike (the same last day) are
one line from GROUPED_FROM of them, with their numbers and cases (`coming_lines`), so later days fit on page one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from bot.core import more_time_said
from bot.core.action_due import is_overdue
from bot.core.calendar import is_working_day
from bot.core.replies import Reply, agreeing, count_of
from bot.core.services import Services
from bot.reminders.inputs import reminder_inputs
from bot.reminders.rules import (
    ACTION_DUE_SOON_WORKING_DAYS,
    LAST_REMINDER,
    Reminder,
    ReminderRules,
    due_reminders,
)
from bot.storage import actions as action_store
from bot.storage.readback import awaiting_response
from knowledge.dates import short_date

RUNS_AHEAD = 10  # working days: two weeks of runs
MAX_SHOWN = 12  # lines a page
GROUPED_FROM = 3  # overdue actions reminded alike on one day said as one line from this many
CASES_NAMED = 3  # a grouped line's cases named before "and N other cases"


@dataclass(frozen=True)
class Coming:
    """One reminder item and the first working day it would come."""

    day: date
    reminder: Reminder
    last: date | None = None  # an action's last reminder, the day it goes on a manager's overdue list

    @property
    def text(self) -> str:
        """The item as the reminder says it, and, when it comes first before its last day, until when it comes."""
        if self.last is None:
            return self.reminder.text
        if self.last == self.day:
            return self.reminder.text.replace(LAST_REMINDER, " That day it goes on your manager's weekly list of "
                                                             "overdue actions, so it is the last reminder of it.")
        return (f"{self.reminder.text.removesuffix(LAST_REMINDER)} Reminded each working day until "
                f"{self.last:%a} {self.last.day} {self.last:%b}, the last: it then goes on your manager's weekly list "
                "of overdue actions.")


@dataclass(frozen=True)
class Line:
    """One line of the list: a day and what comes that day, one item or several alike."""

    day: date
    text: str


def coming_lines(services: Services, user_id: str, coming: list[Coming]) -> list[Line]:
    """The items as the list shows them, in order: one line each, except the overdue actions reminded alike on one
    day (the same last reminder), GROUPED_FROM or more, which are one line where the first of them was."""
    actions = {f"action:{a.id}": a for a in action_store.open_actions_of(services.storage, user_id)}
    alike: dict[tuple[date, date | None], list[Coming]] = {}
    for item in coming:
        action = actions.get(item.reminder.key)
        if action is not None and is_overdue(action.due_date, item.day):
            alike.setdefault((item.day, item.last), []).append(item)
    lines: list[Line] = []
    for item in coming:
        group = alike.get((item.day, item.last), [])
        if len(group) < GROUPED_FROM or item not in group:
            lines.append(Line(item.day, item.text))
        elif item is group[0]:
            lines.append(Line(item.day, _grouped([actions[c.reminder.key] for c in group], item.day, item.last)))
    return lines


def _grouped(actions: list[action_store.ActionRow], day: date, last: date | None) -> str:
    """"8 overdue actions: 29, 16, 14, … (on CR-122869, CR-362614, CR-637145 and 5 other cases). That day they go on
    your manager's weekly list …"."""
    numbers = [str(action.id) for action in actions]
    cases = list(dict.fromkeys(action.case_ref for action in actions if action.case_ref))
    named = ", ".join(cases[:CASES_NAMED])
    others = len(cases) - CASES_NAMED
    more = f" and {count_of(others, 'other case')}" if others > 0 else ""
    on = f" (on {named}{more})" if cases else ""
    if last == day:
        when = (" That day they go on your manager's weekly list of overdue actions, so it is the last reminder of "
                "them.")
    elif last is not None:
        when = (f" Reminded each working day until {last:%a} {last.day} {last:%b}, the last: they then go on your "
                "manager's weekly list of overdue actions.")
    else:
        when = ""
    return (f"{len(actions)} overdue actions: {', '.join(numbers[:-1])} and {numbers[-1]}{on}.{when} `/audit actions` "
            "lists them, each with its Done button.")


def coming_up(services: Services, user_id: str, now: datetime, runs: int = RUNS_AHEAD) -> list[Coming]:
    """This person's reminder items over the job's next `runs` runs on working days, each once, at its first day;
    an action's with the day it is last reminded, when it goes on a manager's overdue list within those runs."""
    settings = services.settings.reminders
    rules = ReminderRules(settings.draft_idle_working_days, settings.moderation_wait_working_days)
    found: dict[str, Coming] = {}
    listed: dict[int, date] = {}
    for day in run_days(services, now, runs):
        reminders = due_reminders(reminder_inputs(services, day), day, rules)
        for reminder in reminders:
            if reminder.user_id == user_id and reminder.key not in found:
                found[reminder.key] = Coming(day, reminder)
            for action_id in reminder.escalates:
                listed.setdefault(action_id, day)
    return [replace(c, last=listed.get(int(key[7:]))) if key.startswith("action:") else c
            for key, c in found.items()]


def run_days(services: Services, now: datetime, runs: int) -> list[date]:
    """The local days of the reminders job's next `runs` runs after `now` that fall on working days."""
    tz = services.settings.timezone
    spec = services.settings.cron.get("reminders")
    if spec is None:
        return []
    trigger = spec.trigger(tz)
    days: list[date] = []
    previous: datetime | None = None
    moment = now.astimezone(tz)
    for _ in range(runs * 7):  # a schedule of one day a week still finds its runs; bank holidays are skipped
        fire = trigger.get_next_fire_time(previous, moment)
        if fire is None:
            break
        day = fire.astimezone(tz).date()
        if is_working_day(day) and day not in days:
            days.append(day)
            if len(days) == runs:
                break
        previous, moment = fire, fire
    return days


def reminders_reply(services: Services, user_id: str, now: datetime, away: str | None, page: int = 1,
                    coming: list[Coming] | None = None, more_hint: str = "") -> Reply:
    """The person's coming reminders as one message, MAX_SHOWN items a page (`coming`, when already worked out);
    `away` is their time away in words, when they have some, and `more_hint` how to see the next page (trial 60
    F14: "…and 5 more" hid the Christmas week's, and `more` said there was no list)."""
    coming = coming_up(services, user_id, now) if coming is None else coming
    paused = f"{away}\n" if away else ""
    when = _run_time(services)
    later = (_actions_later(services, user_id, coming, now.date()) + _responses_waiting(services, user_id)
             + _requests_waiting(services, user_id))
    if not coming:
        return Reply(title="Your reminders", text=(
            f"{paused}Nothing would come to you in the next {RUNS_AHEAD} working days, as things stand. Reminders come "
            f"as one message{when} on working days, about actions due within {ACTION_DUE_SOON_WORKING_DAYS} working "
            f"days or overdue, drafts untouched for {services.settings.reminders.draft_idle_working_days} working "
            "days, campaign cases not yet submitted, audits waiting for your moderation, your monthly audit target "
            f"and knowledge entries you own that are past their review date.{later}"))
    every = coming_lines(services, user_id, coming)
    first = (page - 1) * MAX_SHOWN
    shown = every[first:first + MAX_SHOWN]
    lines = "\n".join(f"• {_day(line.day, now)}: {line.text}" for line in shown)
    rest = len(every) - first - len(shown)
    more = f"\n• …and {rest} more{f': {more_hint}' if more_hint else ''}." if rest > 0 else ""
    if page > 1:
        return Reply(title=f"Your reminders (page {page})", text=(
            f"What I would remind you about in the next {RUNS_AHEAD} working days, continued ({first + 1} to "
            f"{first + len(shown)} of {len(every)}):\n{lines}{more}"))
    return Reply(title="Your reminders", text=(
        f"{paused}What I would remind you about in the next {RUNS_AHEAD} working days, as things stand (reminders "
        f"come as one message{when} on working days; each item keeps coming until it is dealt with, an overdue action "
        f"until it goes on your manager's weekly list):\n{lines}{more}"
        f"{later}"),
        note="Snooze a reminder from its message, or `/audit away until DATE` when you are off. Marking an action "
             "done, or finishing a draft, stops its reminders.")


def _actions_later(services: Services, user_id: str, coming: list[Coming], today: date) -> str:
    """Lines for the person's open actions not among the items shown: due later (reminded nearer the day), or
    overdue and passed to their manager's weekly list (never reminded to them again)."""
    shown = {c.reminder.key for c in coming}
    rest = [a for a in action_store.open_actions_of(services.storage, user_id) if f"action:{a.id}" not in shown]
    later = [a for a in rest if not is_overdue(a.due_date, today) and a.due_date > today.isoformat()]
    overdue = [a for a in rest if is_overdue(a.due_date, today)]
    text = ""
    if later:
        text += (f"\n{count_of(len(later), 'open action')} of yours {agreeing(len(later), 'is', 'are')} due later "
                 f"(the first on {short_date(later[0].due_date)}): each is reminded from "
                 f"{ACTION_DUE_SOON_WORKING_DAYS} working days before it is due.")
    if overdue:
        text += (f"\n{count_of(len(overdue), 'overdue action')} of yours {agreeing(len(overdue), 'is', 'are')} on "
                 "your manager's weekly list of overdue actions, so I no longer remind you of "
                 f"{agreeing(len(overdue), 'it', 'them')}.")
    return text + ("\n`/audit actions` lists your actions." if text else "")


def _responses_waiting(services: Services, user_id: str) -> str:
    """The moderations of the person's audits still waiting for their response (trial 28: neither Home nor the
    reminders said so). They are not reminded, so they are said here, beside the reminders."""
    waiting = awaiting_response(services.storage, user_id)
    if not waiting:
        return ""
    return ("\nModerations waiting for your response: " + ", ".join(f"#{audit_id}" for audit_id in waiting)
            + " (no reminder comes for these: type `respond` to see how to accept or reply).")


def _requests_waiting(services: Services, user_id: str) -> str:
    """The requests for more time waiting for the person's answer (trial 43: a manager's three were not said here,
    and Home said nothing of hers was waiting). They are not reminded, so they are said here, as on Home."""
    waiting = more_time_said.waiting_for_you(services, user_id)
    passed = more_time_said.passed_on_from(services, user_id)  # trial 58 F8: asked of you, answered by another now
    elsewhere = "".join(f"\n• {line}" for line in more_time_said.passed_on_lines(services, passed))
    elsewhere = f"\n{more_time_said.PASSED_ON_HEADING}:{elsewhere}" if passed else ""
    if not waiting:
        return elsewhere
    lines = "".join(f"\n• {line}" for line in more_time_said.waiting_lines(services, waiting))
    return (f"\n{more_time_said.waiting_heading(len(waiting))} (no reminder comes for these; Home has their buttons):"
            f"{lines}\n{more_time_said.HOW_TO_ANSWER}{elsewhere}")


def _day(day: date, now: datetime) -> str:
    return "Today" if day == now.date() else f"{day:%a} {day.day} {day:%b}"


def _run_time(services: Services) -> str:
    """' at 9:30' when the reminders job runs at one set time, else ''."""
    spec = services.settings.cron.get("reminders")
    if spec is None or not (spec.hour.isdigit() and spec.minute.isdigit()):
        return ""
    return f" at {int(spec.hour)}:{int(spec.minute):02d}"
