"""The catch-up for someone back from `/audit away`: what happened while their reminders were paused, once.

Reminders pause while a person is away, so on their return nothing said what had fallen due, what waited for them
or what they had been asked (a review: back from two weeks' leave, a manager found out about an overdue action from
their own manager's list). On the first reminder run after their last day away, they get one message, before the
day's reminders: their actions that fell due or became overdue while away, the audits waiting for their moderation,
and the audits of their cases that asked for their reflections. Nothing to say, nothing is sent. It is recorded once
sent (bot.storage.reminders.mark_caught_up), so it comes once; `/audit away off` before the last day gives it at once.

Pure, like bot.reminders.rules: every rule here is tested with plain data and a fixed day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.core.action_due import due_shown, is_overdue
from bot.core.replies import Choice, Reply, count_of
from bot.reminders.rules import (
    MAX_ITEM_BUTTONS,
    ActionItem,
    ModerationItem,
    MoreTimeItem,
    ReflectionItem,
    ReminderInputs,
    ReturnItem,
)
from knowledge.dates import long_date, short_date


@dataclass(frozen=True)
class CatchUp:
    """What one person comes back to."""

    back: ReturnItem
    actions: tuple[ActionItem, ...]
    moderations: tuple[ModerationItem, ...]
    reflections: tuple[ReflectionItem, ...]
    more_time: tuple[MoreTimeItem, ...] = ()

    @property
    def user_id(self) -> str:
        return self.back.user_id

    @property
    def keys(self) -> frozenset[str]:
        """The reminder keys this catch-up already speaks of, so the day's bundle does not say them twice."""
        return frozenset({*(f"action:{a.action_id}" for a in self.actions),
                          *(f"moderation:{m.audit_id}" for m in self.moderations)})

    def __bool__(self) -> bool:
        return bool(self.actions or self.moderations or self.reflections or self.more_time)


def catch_up_for(inputs: ReminderInputs, back: ReturnItem) -> CatchUp:
    """What fell due, waited or was asked while `back.user_id` was away (`back.first_day` to `back.last_day`): open
    actions they own due from the day before their first day away (overdue from that first day) to their last day;
    audits waiting for their moderation since before they came back (held by them, or a QA lead's unclaimed queue);
    audits of their cases submitted while away with no reflections of theirs yet."""
    user = back.user_id
    actions = tuple(a for a in inputs.actions if a.owner_id == user
                    and back.first_day - timedelta(days=1) <= a.due <= back.last_day)
    moderations = tuple(m for m in inputs.moderations if m.waiting_since <= back.last_day and (
        m.moderator_id == user or (m.moderator_id is None and user in inputs.qa_leads)))
    reflections = tuple(r for r in inputs.reflections
                        if r.worker_id == user and back.first_day <= r.submitted <= back.last_day)
    more_time = tuple(m for m in inputs.more_time if m.asked_id == user and m.asked_on >= back.first_day)
    return CatchUp(back, actions, moderations, reflections, more_time)


def catch_ups(inputs: ReminderInputs, today: date) -> list[CatchUp]:
    """Today's catch-ups: one for each person whose time away ended before today, is not away again today, and
    comes back to something (someone back to nothing gets no message)."""
    found = []
    for back in inputs.returns:
        away = inputs.away.get(back.user_id)
        if back.last_day >= today or (away is not None and away[0] >= today):
            continue
        if caught := catch_up_for(inputs, back):
            found.append(caught)
    return found


def _action_line(action: ActionItem, today: date) -> str:
    when = (f"was due {due_shown(action.due)} and is overdue" if is_overdue(action.due, today)
            else "is due today" if action.due == today else f"was due {due_shown(action.due)}, so it is due today")
    listed = "; it is on your manager's overdue list" if action.escalated else ""
    return f"Action {action.action_id} “{action.description}”{action.source} {when}{listed}."


def _lines(caught: CatchUp, today: date) -> list[str]:
    lines = [_action_line(a, today) for a in caught.actions]
    lines += [f"Audit #{m.audit_id} (*{m.checklist_title}*) is waiting for your moderation, since "
              f"{short_date(m.waiting_since)}." for m in caught.moderations]
    lines += [f"Audit #{r.audit_id} of your case {r.case_ref}, submitted "
              f"{short_date(r.submitted)}, asks for your reflections." for r in caught.reflections]
    lines += [_more_time_line(m) for m in caught.more_time]  # trial 57 (F8)
    return lines


def _more_time_line(request: MoreTimeItem) -> str:
    until = f" until {short_date(request.until)}" if request.until else ""
    return (f"{request.owner} asked on {short_date(request.asked_on)} for more time "
            f"on action {request.action_id}{until}: it waits for your answer (`action {request.action_id} due "
            f"<date>` gives it, `no more time on action {request.action_id}` says no).")


def _choices(caught: CatchUp) -> tuple[Choice, ...]:
    choices = [Choice(f"Mark action {a.action_id} done", "actions.done", str(a.action_id)) for a in caught.actions]
    choices += [Choice(f"Moderate #{m.audit_id}", "audit.moderate_open", str(m.audit_id)) for m in caught.moderations]
    choices += [Choice(f"Add my reflections on #{r.audit_id}", "audit.reflect", str(r.audit_id))
                for r in caught.reflections]
    return tuple(choices[:MAX_ITEM_BUTTONS])


def catch_up_reply(caught: CatchUp, today: date) -> Reply:
    """The one message: what happened while away, a line and a button for each thing, the count first."""
    lines = _lines(caught, today)
    back = caught.back
    days = (f"on {long_date(back.first_day)}" if back.first_day == back.last_day
            else f"from {long_date(back.first_day)} to {long_date(back.last_day)}")
    return Reply(title="Welcome back", kind="notice", to_user=caught.user_id, choices=_choices(caught),
                 text=f"While you were away ({days}), {count_of(len(lines), 'thing')} came up for you:\n"
                      + "\n".join(f"• {line}" for line in lines),
                 note="This comes once, the first working day you are back; your usual reminders go on from today.")
