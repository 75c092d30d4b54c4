"""What a pause leaves unchased (trial 49, F4): a manager's `stop my reminders until 4/1` said only "Reminders
paused", though `my reminders` had said an overdue action in her team "is chased through you, not its owner".

A pause (or time away booked) with no cover now says what goes unchased while away: the overdue actions of the
person's team, whose weekly list goes to them alone (a cover takes only moderation requests, bot.reminders.rules
`_route`, so the reply says so and points to `/audit actions team`), and the audits held for their moderation, which
a cover would be reminded of (`/audit away … cover @person`, with the days just booked).
"""

from __future__ import annotations

from datetime import date

from bot.core.replies import agreeing, count_of
from bot.core.services import Services
from bot.reminders.inputs import reminder_inputs


def heads_up(services: Services, user_id: str, today: date, starts: date | None, until: date) -> str:
    """The sentences added to a pause without cover for what nobody chases meanwhile; '' when nothing waits."""
    inputs = reminder_inputs(services, today)
    overdue = sum(1 for a in inputs.actions if a.due < today and user_id in a.manager_ids)
    held = sum(1 for m in inputs.moderations if m.moderator_id == user_id)
    said = ""
    if overdue:
        said += (f" Heads-up: {count_of(overdue, 'overdue action')} in your team {agreeing(overdue, 'is', 'are')} "
                 "chased through you (your weekly list of overdue actions): while you're away nobody chases "
                 f"{agreeing(overdue, 'it', 'them')}, and a cover takes only moderation requests. `/audit actions "
                 f"team` lists {agreeing(overdue, 'it', 'them')}, to chase or hand over before you go.")
    if held:
        days = f"from {starts.day}/{starts.month} " if starts is not None else ""
        said += (f" {'Also' if overdue else 'Heads-up'}: {count_of(held, 'audit')} {agreeing(held, 'waits', 'wait')} "
                 "for your moderation, and nobody is reminded of "
                 f"{agreeing(held, 'it', 'them')} while you're away unless you add cover: "
                 f"`/audit away {days}until {until.day}/{until.month} cover @person`.")
    return said
