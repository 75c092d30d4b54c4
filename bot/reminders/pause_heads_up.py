"""What a pause leaves unchased (trial 49, F4): a manager's `stop my reminders until 4/1` said only "Reminders
paused", though `my reminders` had said an overdue action in her team "is chased through you, not its owner".

A pause (or time away booked) with no cover now says what goes unchased while away: the actions of the person's team
that go on their weekly list of overdue actions on a day they are away, whose list goes to them alone (a cover takes
only moderation requests, bot.reminders.rules `_route`; fix53d: listed one a line, each with the command to hand it
over or move its date before going, as the cover's rules are not changed),
and the audits held for their moderation, which a cover would be reminded of (`/audit away … cover @person`, with
the days just booked). Trial 50 (F3): the action was not overdue yet as she paused (due that week, on her list of
Mon 14 Dec), so counting only actions overdue today said nothing; an action counts if it is overdue on any weekly
list day of the pause. Every way of pausing (the away command, `stop my reminders until …`, the "Until when?"
answer, time away said or changed in words) says it, from here.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.core.action_due import due_shown, is_overdue
from bot.core.calendar import first_working_day_of_week
from bot.core.markup import audit_and_case
from bot.core.replies import Reply, agreeing, count_of
from bot.core.services import Services
from bot.reminders.inputs import open_actions, reminder_inputs
from bot.reminders.rules import ActionItem
from bot.storage import audits as audit_store

_LISTED = 6  # actions listed one a line; more are counted, `/audit actions team` lists them all
_MODERATION_STARTED = ("in_moderation", "moderated")  # the auditor may no longer change it; the owner's manager may


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
    """The sentence added to a pause without cover for the audits held for this person's moderation, which a cover
    would be reminded of; '' when none waits. The team's actions nobody chases are listed apart (`actions_listed`)."""
    held = sum(1 for m in reminder_inputs(services, today).moderations if m.moderator_id == user_id)
    if not held:
        return ""
    days = f"from {starts.day}/{starts.month} " if starts is not None else ""
    return (f" Heads-up: {count_of(held, 'audit')} {agreeing(held, 'waits', 'wait')} for your moderation, and nobody "
            f"is reminded of {agreeing(held, 'it', 'them')} while you're away unless you add cover: "
            f"`/audit away {days}until {until.day}/{until.month} cover @person`.")


def actions_listed(services: Services, user_id: str, today: date, starts: date | None, until: date) -> list[Reply]:
    """Trial 50 (F3), fix53d: the heads-up had pointed to `/audit actions team` "to chase or hand over", though a
    cover takes only moderation requests, so nobody chases. Now each of the team's actions nobody chases while away
    is listed (number, owner, due) with the command to hand it over or move its date before going, or, where only
    its auditor may still change it, who to ask; [] when none."""
    actions = unchased(services, user_id, today, starts, until)
    if not actions:
        return []
    count = len(actions)
    which = "this action of your team" if count == 1 else f"these {count} actions of your team"
    lines = [f"Heads-up: while you're away nobody chases {which}: {agreeing(count, 'it is', 'they are')} chased "
             "through you, and a cover takes only moderation requests. Before you go, hand "
             f"{agreeing(count, 'it', 'each')} over or move its date:"]
    lines += [_action_line(services, user_id, action, today) for action in actions[:_LISTED]]
    if count > _LISTED:
        lines.append(f"…and {count - _LISTED} more: `/audit actions team` lists them all.")
    return [Reply("\n".join(lines))]


def _action_line(services: Services, user_id: str, action: ActionItem, today: date) -> str:
    """• action 3 (_Book a core group_, audit #1, CR-551234): Social worker N1's, due 1 Dec 2026, overdue: the two
    commands, or who may still change it (its auditor, until a moderator opens the audit)."""
    label = services.directory.label
    due = f"due {due_shown(action.due)}" + (", overdue" if is_overdue(action.due, today) else "")
    where = f", {audit_and_case(action.audit_id, action.case_ref)}" if action.audit_id else ""
    said = f"• action {action.action_id} (_{action.description}_{where}): {label(action.owner_id)}'s, {due}: "
    audit = audit_store.get_audit(services.storage, action.audit_id)
    if audit is None or audit.auditor_id == user_id or audit.status in _MODERATION_STARTED:
        return said + f"`action {action.action_id} owner <name>` or `action {action.action_id} due <date>`"
    return said + (f"only {label(audit.auditor_id)}, its auditor, can hand it over or move its date until it is "
                   "moderated: ask them")
