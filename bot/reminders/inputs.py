"""What the reminder rules (bot.reminders.rules) look at, read from the database, teams.yaml and the knowledge base:
the daily job sends what the rules make of it, and `/audit reminders` shows a person what they would make of it on
the working days ahead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time

from bot.core import more_time_said
from bot.core.calendar import add_working_days
from bot.core.services import Services
from bot.core.stale_entries import stale_entries
from bot.core.targets import audit_targets, month_bounds
from bot.reminders.rules import (
    ACTION_DUE_SOON_WORKING_DAYS,
    ActionItem,
    CampaignItem,
    DraftItem,
    ModerationItem,
    MoreTimeItem,
    QuotaItem,
    ReflectionItem,
    ReminderInputs,
    ReturnItem,
    StaleEntryItem,
)
from bot.settings.people import Role
from bot.storage import audits as audit_store
from bot.storage import campaigns as campaign_store
from bot.storage import moderation as moderation_store
from bot.storage import reminders as reminder_store


def open_actions(services: Services, due_by: date) -> tuple[ActionItem, ...]:
    """The open actions due by that day, with their owners' managers: the reminder rules' own, and a pause's
    heads-up (bot.reminders.pause_heads_up), which looks as far ahead as the pause's last weekly list."""
    tz = services.settings.timezone
    return tuple(
        ActionItem(action_id, owner, description, due, escalated, _managers(services, owner, audit_id),
                   audit_id, case, reopened.astimezone(tz).date() if reopened else None)
        for action_id, owner, description, due, escalated, audit_id, case, reopened
        in reminder_store.open_actions_due_by(services.storage, due_by)
    )


def _managers(services: Services, owner: str, audit_id: int) -> tuple[str, ...]:
    """Who hears of an action's owner's overdue action: their managers, or, for someone no longer in teams.yaml, the
    managers of the audit's team (trial 58, F1: a leaver's overdue actions reached nobody)."""
    directory = services.directory
    if directory.person(owner) is not None:
        return tuple(directory.managers_of(owner))
    audit = audit_store.get_audit(services.storage, audit_id)
    team = directory.teams.get(audit.team_id or "") if audit is not None else None
    return team.manager_ids if team is not None else ()


def reminder_inputs(services: Services, today: date) -> ReminderInputs:
    """Read what the reminder rules look at, converting stored UTC times to local dates."""
    tz = services.settings.timezone
    storage = services.storage
    directory = services.directory
    drafts = tuple(DraftItem(audit_id, auditor, title, touched.astimezone(tz).date(),
                             reopened.astimezone(tz).date() if reopened else None)
                   for audit_id, auditor, title, touched, reopened in reminder_store.draft_audits(storage))
    actions = open_actions(services, add_working_days(today, ACTION_DUE_SOON_WORKING_DAYS))
    moderations = tuple(ModerationItem(audit_id, title, submitted.astimezone(tz).date(), moderator)
                        for audit_id, submitted, title, moderator in moderation_store.not_yet_moderated(storage))
    start, end = month_bounds(today, services)
    done = reminder_store.completed_counts_by_auditor(storage, start, end)
    quotas = tuple(QuotaItem(user, target, done.get(user, 0))
                   for user, target in audit_targets(services).items() if target > 0)
    stale = tuple(StaleEntryItem(e.id, e.owner, e.question, e.review_by)
                  for e in stale_entries(services.live_knowledge(), today) if e.owner and e.review_by)
    returns, reflections = returns_from_away(services, today)
    return ReminderInputs(
        returns=returns, reflections=reflections, more_time=more_time_waiting(services, returns), drafts=drafts,
        actions=actions, moderations=moderations,
        quotas=quotas, stale_entries=stale,
        away=reminder_store.away_on(storage, today), snoozed=frozenset(reminder_store.snoozed_on(storage, today)),
        qa_leads=tuple(directory.ids_with_role(Role.QA_LEAD)),
        campaigns=tuple(CampaignItem(*row)
                        for row in campaign_store.unsubmitted_by_auditor(storage, today, directory.people)),
    )


def back_now(services: Services, user_id: str, today: date) -> tuple[ReminderInputs, ReturnItem] | None:
    """For `/audit away off`: what the catch-up looks at for this person, back today from a time away that has
    started (its last day today at the latest), or None when they were not away or have had their catch-up."""
    period = reminder_store.away_not_caught_up(services.storage, user_id)
    if period is None or (period[0] is not None and period[0] > today):
        return None
    starts, set_at, until = period
    back = ReturnItem(user_id, starts or set_at.astimezone(services.settings.timezone).date(), min(until, today))
    return replace(reminder_inputs(services, today), reflections=_reflections(services, [back]),
                   more_time=more_time_waiting(services, [back])), back


def more_time_waiting(services: Services, returns: Sequence[ReturnItem]) -> tuple[MoreTimeItem, ...]:
    """The requests for more time waiting for these people's answer (trial 57, F8), with each action's owner."""
    tz = services.settings.timezone
    found = []
    for back in returns:
        for action, asked in more_time_said.waiting_for_you(services, back.user_id):  # whoever answers it now
            found.append(MoreTimeItem(asked.action_id, services.directory.label(action.owner_id), back.user_id,
                                      asked.at.astimezone(tz).date(),
                                      date.fromisoformat(asked.until) if asked.until else None))
    return tuple(found)


def _reflections(services: Services, returns: Sequence[ReturnItem]) -> tuple[ReflectionItem, ...]:
    """The reflections asked of these people since the first of them went away."""
    tz = services.settings.timezone
    since = datetime.combine(min(r.first_day for r in returns), time(), tz)
    back = {r.user_id for r in returns}
    return tuple(ReflectionItem(audit_id, worker, case, submitted.astimezone(tz).date())
                 for audit_id, worker, case, submitted in reminder_store.reflections_not_added(services.storage, since)
                 if worker in back)


def returns_from_away(services: Services, today: date) -> tuple[tuple[ReturnItem, ...], tuple[ReflectionItem, ...]]:
    """Who is back from time away without their catch-up yet, and the reflections asked of them since they left
    (nothing read when nobody is back)."""
    tz = services.settings.timezone
    returns = tuple(ReturnItem(user, starts or set_at.astimezone(tz).date(), until)
                    for user, starts, set_at, until in reminder_store.back_from_away(services.storage, today))
    return (returns, _reflections(services, returns)) if returns else ((), ())
