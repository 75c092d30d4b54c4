"""The scheduled jobs: plain functions of (services, now) returning what to send, and their specs."""

from __future__ import annotations

import logging
from datetime import date, datetime
from functools import partial

from bot.asking.review import stale_entries
from bot.core.calendar import add_working_days
from bot.core.outgoing import JobSpec, Outgoing, iso_day, iso_week
from bot.core.services import Services
from bot.digests.targets import audit_targets, month_bounds
from bot.settings.people import Role
from bot.storage import campaigns as campaign_store
from bot.storage import moderation as moderation_store
from bot.storage import reminders as reminder_store
from bot.storage.common import SLACK_EVENT_IDS_KEPT, forget_processed_events
from bot.storage.schedules import SENDS_KEPT, forget_old_sends
from schedules.reminders import (
    ActionItem,
    CampaignItem,
    DraftItem,
    ModerationItem,
    QuotaItem,
    ReminderInputs,
    ReminderRules,
    StaleEntryItem,
    bundle,
    bundle_reply,
    due_reminders,
)

log = logging.getLogger("audit_bot.housekeeping")


def reminder_inputs(services: Services, today: date) -> ReminderInputs:
    """Read what the reminder rules look at, converting stored UTC times to local dates."""
    tz = services.settings.timezone
    storage = services.storage
    directory = services.directory
    drafts = tuple(DraftItem(audit_id, auditor, title, touched.astimezone(tz).date(),
                             reopened.astimezone(tz).date() if reopened else None)
                   for audit_id, auditor, title, touched, reopened in reminder_store.draft_audits(storage))
    actions = tuple(
        ActionItem(action_id, owner, description, due, escalated, tuple(directory.managers_of(owner)), audit_id, case,
                   reopened.astimezone(tz).date() if reopened else None)
        for action_id, owner, description, due, escalated, audit_id, case, reopened
        in reminder_store.open_actions_due_by(storage, add_working_days(today, 2))
    )
    moderations = tuple(ModerationItem(audit_id, title, submitted.astimezone(tz).date(), moderator)
                        for audit_id, submitted, title, moderator in moderation_store.not_yet_moderated(storage))
    start, end = month_bounds(today, services)
    done = reminder_store.completed_counts_by_auditor(storage, start, end)
    quotas = tuple(QuotaItem(user, target, done.get(user, 0))
                   for user, target in audit_targets(services).items() if target > 0)
    stale = tuple(StaleEntryItem(e.id, e.owner, e.question, e.review_by)
                  for e in stale_entries(services.live_knowledge(), today) if e.owner and e.review_by)
    return ReminderInputs(
        drafts=drafts, actions=actions, moderations=moderations, quotas=quotas, stale_entries=stale,
        away=reminder_store.away_on(storage, today), snoozed=frozenset(reminder_store.snoozed_on(storage, today)),
        qa_leads=tuple(directory.ids_with_role(Role.QA_LEAD)),
        campaigns=tuple(CampaignItem(*row) for row in campaign_store.unsubmitted_by_auditor(storage, today)),
    )


def reminders_job(services: Services, now: datetime) -> list[Outgoing]:
    """Today's reminders, one bundled DM per person; the overdue lists escalate their actions once sent."""
    today = now.astimezone(services.settings.timezone).date()
    settings = services.settings.reminders
    rules = ReminderRules(settings.draft_idle_working_days, settings.moderation_wait_working_days)
    outgoing = []
    for user_id, items in bundle(due_reminders(reminder_inputs(services, today), today, rules)).items():
        escalates = [action_id for item in items for action_id in item.escalates]
        after = partial(reminder_store.mark_actions_escalated, services.storage, escalates) if escalates else None
        outgoing.append(Outgoing(user_id, (bundle_reply(user_id, items, today),), after))
    return outgoing


def weekly_digest_job(services: Services, now: datetime) -> list[Outgoing]:
    """Last week's digest to every team's managers and channel, and the service-wide one to admins."""
    from bot.digests.weekly import digest_outgoing

    return digest_outgoing(services, now)


def campaign_close_job(services: Services, now: datetime) -> list[Outgoing]:
    """Close every campaign whose deadline day is over; its report goes to the QA channel (or the QA leads)."""
    from bot.campaigns.service import close_due

    by_recipient: dict[str, list] = {}
    for reply in close_due(services, now):
        by_recipient.setdefault(reply.to_channel or reply.to_user or "", []).append(reply)
    return [Outgoing(recipient, tuple(replies)) for recipient, replies in by_recipient.items()]


def housekeeping_job(services: Services, now: datetime) -> list[Outgoing]:
    """Daily upkeep that sends nothing: the Slack event ids kept against retries are forgotten after a week, and
    the scheduled jobs' records of their runs and sends once no run can look at them again (SENDS_KEPT)."""
    forgotten = forget_processed_events(services.storage, now)
    log.info("forgot %d Slack event id(s) older than %d days", forgotten, SLACK_EVENT_IDS_KEPT.days)
    forgotten = forget_old_sends(services.storage, list(JOBS), now)
    log.info("forgot %d scheduled send record(s) older than %d days", forgotten, SENDS_KEPT.days)
    return []


JOBS: dict[str, JobSpec] = {
    "weekly_digest": JobSpec("weekly_digest", "digest", weekly_digest_job, iso_week, defer=True),
    "reminders": JobSpec("reminders", "reminder", reminders_job, iso_day, in_working_hours=True),
    "campaign_close": JobSpec("campaign_close", "campaign", campaign_close_job, iso_day, late_is_fine=True),
    "housekeeping": JobSpec("housekeeping", "housekeeping", housekeeping_job, iso_day),
}
