"""Which reminders are due today, from plain data: pure, so every rule is testable without a database.

People mute bots that nag, so the rules lean towards fewer messages: everything due for one person on one
day becomes one bundled message; someone away gets nothing (their moderation requests go to their cover);
a snoozed item stays quiet for a working day; an action already escalated to a manager no longer nudges
its owner; quota and knowledge-review nudges come on their check days only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from bot.core.action_due import holiday_named, is_due_today, is_overdue
from bot.core.calendar import (
    add_working_days,
    first_working_day_of_week,
    mid_month_check_day,
    month_end_check_day,
    working_days_between,
)
from bot.core.cut_short import clip
from bot.core.markup import audit_and_case, mention
from bot.core.reopened import OUT_OF_MODERATION, reopened_on
from bot.core.replies import Choice, Reply, agreeing, count_of

ACTION_DUE_SOON_WORKING_DAYS = 2
MAX_ITEM_BUTTONS = 10
MAX_LINES = 15
SNOOZE_VALUE_LIMIT = 1900


@dataclass(frozen=True)
class DraftItem:
    audit_id: int
    auditor_id: str
    checklist_title: str
    last_touched: date
    reopened: date | None = None  # a submitted audit reopened for changes (out of moderation), and when


@dataclass(frozen=True)
class ActionItem:
    action_id: int
    owner_id: str
    description: str
    due: date
    escalated: bool
    manager_ids: tuple[str, ...] = ()
    audit_id: int = 0
    case_ref: str = ""
    reopened: date | None = None  # the day it was last reopened after being marked done

    @property
    def source(self) -> str:
        """Which audit and case the action came from, as `/audit actions` says it (empty when not known)."""
        return f" ({audit_and_case(self.audit_id, self.case_ref)})" if self.audit_id else ""


@dataclass(frozen=True)
class ModerationItem:
    audit_id: int
    checklist_title: str
    waiting_since: date
    moderator_id: str | None


@dataclass(frozen=True)
class QuotaItem:
    user_id: str
    target: int
    done: int


@dataclass(frozen=True)
class StaleEntryItem:
    entry_id: str
    owner: str
    question: str
    review_by: date


@dataclass(frozen=True)
class CampaignItem:
    """An auditor's cases in an open campaign that are not submitted yet."""

    campaign_id: int
    name: str
    auditor_id: str
    deadline: date
    outstanding: int
    allocated: int


@dataclass(frozen=True)
class ReturnItem:
    """Someone whose time away is over and who has not had their catch-up (bot.reminders.catch_up)."""

    user_id: str
    first_day: date  # the first day away: the day it was set, or the first day booked
    last_day: date


@dataclass(frozen=True)
class ReflectionItem:
    """A submitted audit of a worker's case that asked them for reflections they have not added yet."""

    audit_id: int
    worker_id: str
    case_ref: str
    submitted: date


@dataclass(frozen=True)
class MoreTimeItem:
    """A request for more time on an action that waits for this person's answer (trial 57, F8: said on coming
    back, as it came while they were away)."""

    action_id: int
    owner: str  # the owner as the bot writes them: "Social worker C1"
    asked_id: str
    asked_on: date
    until: date | None


@dataclass(frozen=True)
class ReminderInputs:
    """Everything the rules look at, already read from the database, teams.yaml and the knowledge base."""

    drafts: tuple[DraftItem, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    moderations: tuple[ModerationItem, ...] = ()
    quotas: tuple[QuotaItem, ...] = ()
    stale_entries: tuple[StaleEntryItem, ...] = ()
    away: Mapping[str, tuple[date, str | None]] = field(default_factory=dict)
    snoozed: frozenset[tuple[str, str]] = frozenset()
    qa_leads: tuple[str, ...] = ()
    campaigns: tuple[CampaignItem, ...] = ()
    returns: tuple[ReturnItem, ...] = ()
    reflections: tuple[ReflectionItem, ...] = ()
    more_time: tuple[MoreTimeItem, ...] = ()  # read only for people back from time away


@dataclass(frozen=True)
class Reminder:
    """One item for one person; `escalates` lists actions that become escalated once this is delivered."""

    user_id: str
    key: str
    text: str
    choice: Choice | None = None
    escalates: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReminderRules:
    draft_idle_working_days: int = 5
    moderation_wait_working_days: int = 3


def _short_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _drafts(inputs: ReminderInputs, today: date, rules: ReminderRules) -> list[Reminder]:
    found = []
    for draft in inputs.drafts:
        idle = working_days_between(draft.last_touched, today)
        if idle >= rules.draft_idle_working_days:
            text = (f"Audit #{draft.audit_id} (*{draft.checklist_title}*), {reopened_on(draft.reopened)}, is "
                    f"{OUT_OF_MODERATION}; it has not moved for {idle} working days." if draft.reopened else
                    f"Your draft *{draft.checklist_title}* (#{draft.audit_id}) has not moved for {idle} working days.")
            found.append(Reminder(
                draft.auditor_id, f"draft:{draft.audit_id}", text,
                Choice(f"Resume audit {draft.audit_id}", "audit.resume", str(draft.audit_id), "primary"),
            ))
    return found


def _actions(inputs: ReminderInputs, today: date) -> list[Reminder]:
    horizon = add_working_days(today, ACTION_DUE_SOON_WORKING_DAYS)
    found = []
    for action in inputs.actions:
        if action.escalated or action.due > horizon:
            continue
        when = _when_due(action.due, today)
        found.append(Reminder(
            action.owner_id, f"action:{action.action_id}",
            f"Action {action.action_id} “{clip(action.description, 90, one_line=True)}”{action.source} "
            f"{when}.",  # the button's number
            Choice(f"Mark action {action.action_id} done", "actions.done", str(action.action_id)),
        ))
    return found


def _when_due(due: date, today: date) -> str:
    """How an action's reminder says its date: overdue, due today, or due on a day; an action due on a day off is
    due by the next working day and overdue only after it (bot.core.action_due), its day named (trial 60, F30)."""
    if is_overdue(due, today):
        return f"was due {_short_date(due)}{holiday_named(due)} and is overdue"
    if due == today:
        return "is due today"
    if is_due_today(due, today):
        return f"was due {_short_date(due)}{holiday_named(due)}, so it is due today, the first working day after"
    return f"is due {_short_date(due)}{holiday_named(due)}"


def _overdue_lists(inputs: ReminderInputs, today: date) -> list[Reminder]:
    """Weekly, on the first working day: each manager's list of their people's overdue actions. One reopened today
    is left to next week's: reopening it said its date had passed and asked for a new one (trial 22: reopened past
    its date, it could be sent to the manager within the hour, nobody told)."""
    if today != first_working_day_of_week(today):
        return []
    by_manager: dict[str, list[ActionItem]] = {}
    for action in inputs.actions:
        if is_overdue(action.due, today) and action.reopened != today:
            for manager in action.manager_ids:
                by_manager.setdefault(manager, []).append(action)
    found = []
    for manager, actions in by_manager.items():
        lines = "\n".join(
            f"   – “{clip(a.description, 70, one_line=True)}”{a.source} "
            f"(due {_short_date(a.due)}{holiday_named(a.due)}, owner "
            f"{mention(a.owner_id)})"
            for a in actions
        )
        found.append(Reminder(
            manager, "overdue-list",
            f"{count_of(len(actions), 'action')} in your team {agreeing(len(actions), 'is', 'are')} overdue. "
            f"{_chased_through_you(actions, today)}:\n{lines}",
            escalates=tuple(a.action_id for a in actions),
        ))
    return found


def _chased_through_you(actions: list[ActionItem], today: date) -> str:
    """Whose reminders the overdue actions on a manager's weekly list now are, with the day that changes: an owner is
    reminded of an overdue action each working day until the list it first goes on, and then no more (the rule of
    `_actions`, escalated). Trial 48 read "its owner is not reminded of it after today" in the manager's
    `my reminders` beside "Mon 14 Dec", not knowing which day "today" was, nor why."""
    new = [a for a in actions if not a.escalated]
    day = _short_date(today)
    if len(new) == len(actions):
        last = agreeing(len(new), "Its owner gets the last daily reminder of it",
                        "Their owners get the last daily reminder of them")
        return (f"{last} on {day}: from the day an overdue action first goes on this weekly list, it is chased "
                "through you, not its owner")
    earlier = len(actions) - len(new)
    if not new:
        return (f"{agreeing(earlier, 'It was', 'They were')} on an earlier weekly list, so "
                f"{agreeing(earlier, 'its owner is', 'their owners are')} no longer reminded of "
                f"{agreeing(earlier, 'it', 'them')}: {agreeing(earlier, 'it is', 'they are')} chased through you")
    return (f"{len(new)} {agreeing(len(new), 'is', 'are')} new to this list, and "
            f"{agreeing(len(new), 'its owner gets', 'their owners get')} the last daily reminder on {day}; the "
            f"other {earlier} {agreeing(earlier, 'was', 'were')} on an "
            "earlier list: from the day an overdue action first goes on this weekly list, it is chased through you, "
            "not its owner")


def _moderations(inputs: ReminderInputs, today: date, rules: ReminderRules) -> list[Reminder]:
    found = []
    for item in inputs.moderations:
        waited = working_days_between(item.waiting_since, today)
        if waited < rules.moderation_wait_working_days:
            continue
        # The button opens the audit for moderation, as *Open* in `/audit moderate` does (the moderator holding it
        # carries on; a cover may take it over once the hold has run out): a reminder with only Snooze left them to
        # type `/audit moderate 5`.
        text = f"Audit #{item.audit_id} (*{item.checklist_title}*) has waited {waited} working days for moderation."
        choice = Choice(f"Moderate #{item.audit_id}", "audit.moderate_open", str(item.audit_id))
        for user in ([item.moderator_id] if item.moderator_id else list(inputs.qa_leads)):
            found.append(Reminder(user, f"moderation:{item.audit_id}", text, choice))
    return found


def _quotas(inputs: ReminderInputs, today: date) -> list[Reminder]:
    mid = today == mid_month_check_day(today.year, today.month)
    end = today == month_end_check_day(today.year, today.month)
    if not (mid or end):
        return []
    found = []
    for quota in inputs.quotas:
        expected = quota.target if end else (quota.target + 1) // 2
        if quota.target <= 0 or quota.done >= expected:
            continue
        when = "with five working days of the month left" if end else "at the middle of the month"
        found.append(Reminder(
            quota.user_id, f"quota:{today:%Y-%m}",
            f"You have completed {quota.done} of your {quota.target} audits this month {when}.",
            Choice("Start an audit", "audit.start", ""),
        ))
    return found


def _stale_entries(inputs: ReminderInputs, today: date) -> list[Reminder]:
    if today != first_working_day_of_week(today):
        return []
    return [
        Reminder(entry.owner, f"kb:{entry.entry_id}",
                 f"Knowledge entry “{clip(entry.question, 80, one_line=True)}” was due for review on "
                 f"{_short_date(entry.review_by)}.",
                 Choice("Show the entry", "kb.show", entry.entry_id))
        for entry in inputs.stale_entries if entry.review_by < today
    ]


def _campaigns(inputs: ReminderInputs, today: date) -> list[Reminder]:
    """Each working day of an open campaign: the auditor's cases not yet submitted, and the deadline."""
    found = []
    for item in inputs.campaigns:
        when = ("was due " if item.deadline < today else "is due today" if item.deadline == today else "is due ")
        day = "" if item.deadline == today else _short_date(item.deadline)
        found.append(Reminder(
            item.auditor_id, f"campaign:{item.campaign_id}",
            f"Campaign **{clip(item.name, 60, one_line=True)}**: {_outstanding(item)} not submitted yet; "
            f"the campaign {when}{day}.",
            Choice(f"My cases in campaign {item.campaign_id}", "campaign.mine", str(item.campaign_id)),
        ))
    return found


def _outstanding(item: CampaignItem) -> str:
    """"1 of your 3 allocated audits is", "your 2 allocated audits are", "your allocated audit is": a trial's
    manager with one case was told "1 of your 1 allocated audits are" (trial 14, F17)."""
    if item.outstanding == item.allocated:
        return ("your allocated audit is" if item.allocated == 1
                else f"your {count_of(item.allocated, 'allocated audit')} are")
    return (f"{item.outstanding} of your {count_of(item.allocated, 'allocated audit')} "
            f"{agreeing(item.outstanding, 'is', 'are')}")


def _route(reminder: Reminder, inputs: ReminderInputs, today: date) -> Reminder | None:
    """Someone away gets nothing; their moderation requests go to their cover, unless the cover is away too."""
    away = inputs.away.get(reminder.user_id)
    if away is None or away[0] < today:
        return reminder
    cover = away[1]
    if reminder.key.startswith("moderation:") and cover and not (
        cover in inputs.away and inputs.away[cover][0] >= today
    ):
        return Reminder(cover, reminder.key, reminder.text + f" (covering for {mention(reminder.user_id)})",
                        reminder.choice, reminder.escalates)
    return None


def due_reminders(inputs: ReminderInputs, today: date, rules: ReminderRules | None = None) -> list[Reminder]:
    """Every reminder due today after away, cover and snoozes; one person may have several (see `bundle`)."""
    rules = rules or ReminderRules()
    candidates = (
        _drafts(inputs, today, rules) + _actions(inputs, today) + _overdue_lists(inputs, today)
        + _moderations(inputs, today, rules) + _quotas(inputs, today) + _stale_entries(inputs, today)
        + _campaigns(inputs, today)
    )
    found: list[Reminder] = []
    seen: set[tuple[str, str]] = set()
    for candidate in candidates:
        routed = _route(candidate, inputs, today)
        if routed is None or (routed.user_id, routed.key) in inputs.snoozed or (routed.user_id, routed.key) in seen:
            continue
        seen.add((routed.user_id, routed.key))
        found.append(routed)
    return _last_reminders(found)


LAST_REMINDER = (" It goes on your manager's weekly list of overdue actions today, so this is the last reminder of it "
                 "you get.")


def _last_reminders(found: list[Reminder]) -> list[Reminder]:
    """An owner's reminder of an action that goes on a manager's overdue list in the same run says it is the last
    (trial 41: the manager read "their owners will not be reminded again" while the owner's `reminders` listed every
    one for that Monday: both were true, since that run still reminds the owner). Worked out after away and snoozes,
    so an action whose list is not sent (its manager away) is not said to be escalated."""
    listed = {action_id for reminder in found for action_id in reminder.escalates}
    return [replace(r, text=r.text + LAST_REMINDER) if r.key.startswith("action:") and int(r.key[7:]) in listed
            else r for r in found]


def bundle(reminders: Iterable[Reminder]) -> dict[str, list[Reminder]]:
    """One list per person, in the order they became due: one message each, never one per item."""
    bundled: dict[str, list[Reminder]] = {}
    for reminder in reminders:
        bundled.setdefault(reminder.user_id, []).append(reminder)
    return bundled


def bundle_reply(user_id: str, reminders: list[Reminder], today: date) -> Reply:
    """The one DM a person gets today: every item, a button per item that does the job, and one snooze."""
    shown = reminders[:MAX_LINES]
    lines = "\n".join(f"• {r.text}" for r in shown)
    if len(reminders) > len(shown):
        lines += f"\n• …and {len(reminders) - len(shown)} more."
    choices = [r.choice for r in reminders if r.choice is not None][:MAX_ITEM_BUTTONS]
    keys = ""
    for reminder in reminders:  # a button value holds 2,000 characters: snooze what fits
        if len(keys) + len(reminder.key) + 1 > SNOOZE_VALUE_LIMIT:
            break
        keys = f"{keys},{reminder.key}" if keys else reminder.key
    choices.append(Choice("Snooze for a working day", "reminder.snooze", keys))
    count = len(reminders)
    return Reply(
        title=f"Reminders for {today:%A} {today.day} {today:%B}",
        text=f"{'One thing needs' if count == 1 else f'{count} things need'} your attention:\n{lines}",
        choices=tuple(choices),
        note="Reminders come on working days within your working hours (the service's, unless teams.yaml "
             "gives you your own). "
             "`/audit away until DATE` pauses them.",
        to_user=user_id,
        kind="notice",
    )
