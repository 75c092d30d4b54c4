"""What a pause leaves unchased (trial 49, F4): a manager's `stop my reminders until 4/1` said only "Reminders
paused", though `my reminders` had said an overdue action in her team "is chased through you, not its owner".

A pause (or time away booked) with no cover now says what goes unchased while away: the actions of the person's team
that go on their weekly list of overdue actions on a day they are away, whose list goes to them alone (a cover takes
only moderation requests, bot.reminders.rules `_route`, so the reply says so and points to `/audit actions team`),
and the audits held for their moderation, which a cover would be reminded of (`/audit away … cover @person`, with
the days just booked). Trial 50 (F3): the action was not overdue yet as she paused (due that week, on her list of
Mon 14 Dec), so counting only actions overdue today said nothing; an action counts if it is overdue on any weekly
list day of the pause. Every way of pausing (the away command, `stop my reminders until …`, the "Until when?"
answer, time away said or changed in words) says it, from here.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.core.calendar import first_working_day_of_week
from bot.core.replies import agreeing, count_of
from bot.core.services import Services
from bot.reminders.inputs import open_actions, reminder_inputs
from bot.reminders.rules import ActionItem


def last_list_day(starts: date, until: date) -> date | None:
    """The last day from `starts` to `until` (both included) a weekly list of overdue actions goes out; None when
    none does, so the list comes after the person is back."""
    days = (until - timedelta(days=back) for back in range((until - starts).days + 1))
    return next((day for day in days if day == first_working_day_of_week(day)), None)


def unchased(services: Services, user_id: str, today: date, starts: date | None, until: date) -> list[ActionItem]:
    """The team's actions that would be on this person's weekly list on a day they are away."""
    listed = last_list_day(max(starts or today, today), until)
    if listed is None:
        return []
    return [a for a in open_actions(services, listed - timedelta(days=1)) if user_id in a.manager_ids]


def heads_up(services: Services, user_id: str, today: date, starts: date | None, until: date) -> str:
    """The sentences added to a pause without cover for what nobody chases meanwhile; '' when nothing waits."""
    inputs = reminder_inputs(services, today)
    actions = unchased(services, user_id, today, starts, until)
    held = sum(1 for m in inputs.moderations if m.moderator_id == user_id)
    said = _actions_said(actions, today) if actions else ""
    if held:
        days = f"from {starts.day}/{starts.month} " if starts is not None else ""
        said += (f" {'Also' if actions else 'Heads-up'}: {count_of(held, 'audit')} "
                 f"{agreeing(held, 'waits', 'wait')} for your moderation, and nobody is reminded of "
                 f"{agreeing(held, 'it', 'them')} while you're away unless you add cover: "
                 f"`/audit away {days}until {until.day}/{until.month} cover @person`.")
    return said


def _actions_said(actions: list[ActionItem], today: date) -> str:
    """The heads-up for the team's actions: overdue now, or overdue by a weekly list while away."""
    count = len(actions)
    late = sum(1 for a in actions if a.due < today)
    it, is_ = agreeing(count, "it", "them"), agreeing(count, "is", "are")
    if late == count:
        which = f"{count_of(count, 'overdue action')} in your team {is_}"
    elif late:
        which = f"{count_of(count, 'action')} in your team are overdue or will be while you're away, and are"
    else:
        which = f"{count_of(count, 'action')} in your team will be overdue while you're away, and {is_}"
    return (f" Heads-up: {which} chased through you (your weekly list of overdue actions): while you're away nobody "
            f"chases {it}, and a cover takes only moderation requests. `/audit actions team` lists {it}, to chase or "
            "hand over before you go.")
