"""The scheduled jobs: plain functions of (services, now) returning what to send, and their specs."""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial

from bot.core.outgoing import JobSpec, Outgoing, iso_day, iso_week
from bot.core.services import Services
from bot.reminders.catch_up import CatchUp, catch_up_reply, catch_ups
from bot.reminders.inputs import reminder_inputs
from bot.reminders.rules import ReminderRules, bundle, bundle_reply, due_reminders
from bot.storage import reminders as reminder_store
from bot.storage.common import SLACK_EVENT_IDS_KEPT, forget_processed_events
from bot.storage.schedules import SENDS_KEPT, forget_old_sends

log = logging.getLogger("audit_bot.housekeeping")


def reminders_job(services: Services, now: datetime) -> list[Outgoing]:
    """Today's reminders, one bundled DM per person; the overdue lists escalate their actions once sent. Someone back
    from time away gets their catch-up first (bot.reminders.catch_up), recorded once sent, and the day's reminders
    leave out what it already says."""
    today = now.astimezone(services.settings.timezone).date()
    settings = services.settings.reminders
    rules = ReminderRules(settings.draft_idle_working_days, settings.moderation_wait_working_days)
    inputs = reminder_inputs(services, today)
    caught = {c.user_id: c for c in catch_ups(inputs, today)}
    bundled = bundle(r for r in due_reminders(inputs, today, rules)
                     if r.user_id not in caught or r.key not in caught[r.user_id].keys)
    outgoing = []
    for user_id in [*caught, *(user for user in bundled if user not in caught)]:
        items = bundled.get(user_id, [])
        replies = ((catch_up_reply(caught[user_id], today),) if user_id in caught else ()) + (
            (bundle_reply(user_id, items, today),) if items else ())
        escalates = [action_id for item in items for action_id in item.escalates]
        outgoing.append(Outgoing(user_id, replies, partial(_after_reminders, services, escalates,
                                                           caught.get(user_id))))
    return outgoing


def _after_reminders(services: Services, escalates: list[int], caught: CatchUp | None, now: datetime) -> None:
    """Once a person's reminders went: the overdue lists' actions are escalated, and a catch-up is recorded."""
    if escalates:
        reminder_store.mark_actions_escalated(services.storage, escalates, now)
    if caught is not None:
        reminder_store.mark_caught_up(services.storage, caught.user_id, caught.back.last_day, now)


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
