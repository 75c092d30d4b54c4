"""The scheduled jobs: plain functions of (services, now) returning what to send, and their specs."""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial

from bot.core.outgoing import JobSpec, Outgoing, iso_day, iso_week
from bot.core.services import Services
from bot.reminders.inputs import reminder_inputs
from bot.reminders.rules import ReminderRules, bundle, bundle_reply, due_reminders
from bot.storage import reminders as reminder_store
from bot.storage.common import SLACK_EVENT_IDS_KEPT, forget_processed_events
from bot.storage.schedules import SENDS_KEPT, forget_old_sends

log = logging.getLogger("audit_bot.housekeeping")


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
