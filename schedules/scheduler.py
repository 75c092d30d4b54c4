"""The one place the background scheduler is built, and the rules every scheduled run follows.

APScheduler decides *when* to wake; `JobRunner.fire` decides whether to act: only on working days (a run
due on a bank holiday Monday is deferred to the next working day when the job says so), only inside the
working-hours window for reminders, only in the process holding the lease, and only for recipients not
already sent this period (the `sends` table). At start, a run missed while the bot was down is made once
if still within the grace time, otherwise recorded as skipped.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime, time, timedelta
from functools import partial
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler

from bot.campaigns import open_listed
from bot.core.calendar import is_working_day, next_working_day
from bot.core.outgoing import SCHEDULER_ACTOR, JobSpec, Outgoing
from bot.core.services import Services
from bot.storage.held_chases import HeldChase
from bot.storage.schedules import acquire_lease, claim_send, mark_send, record_run, release_lease, run_recorded
from schedules.senders import Sender

log = logging.getLogger("audit_bot.scheduler")


class _Held(Protocol):
    """A message held until its worker's working hours (held news, held DMs): known by its number in the log."""

    @property
    def id(self) -> int: ...


_HeldT = TypeVar("_HeldT", bound=_Held)

LEASE_NAME = "scheduler"
LEASE_SECONDS = 180
LEASE_RENEW_SECONDS = 60
CATCH_UP_LOOKBACK = timedelta(days=8)
START_NOTICES = "kb_withheld"  # the `sends` rows of the notices sent at start (send_start_notices)
HELD_CHASES_SECONDS = 60  # how often chases held until the working morning are looked for (send_held)


class JobRunner:
    """Runs scheduled jobs for one process; safe to call directly with a frozen clock in tests."""

    def __init__(self, services: Services, sender: Sender, jobs: Mapping[str, JobSpec] | None = None,
                 holder: str | None = None, scheduler: BackgroundScheduler | None = None) -> None:
        from schedules.jobs import JOBS

        self.services = services
        self.sender = sender
        self.jobs = dict(jobs if jobs is not None else JOBS)
        self.holder = holder or f"process-{uuid.uuid4().hex[:12]}"
        self.scheduler = scheduler
        self.has_lease = False

    @property
    def timezone(self) -> ZoneInfo:
        return self.services.settings.timezone

    # -- when a run may act ---------------------------------------------------------------------
    def effective_time(self, spec: JobSpec, scheduled: datetime) -> datetime | None:
        """When a run due at `scheduled` should act, or None when it should not act at all."""
        local = scheduled.astimezone(self.timezone)
        if not is_working_day(local.date()):
            if not spec.defer:
                return None
            day = next_working_day(local.date())
            local = datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=self.timezone)
        if spec.in_working_hours:
            start, end = self.services.settings.quiet_hours
            if local.time() < start:
                local = datetime.combine(local.date(), start, tzinfo=self.timezone)
            elif local.time() >= end:
                local = datetime.combine(next_working_day(local.date()), start, tzinfo=self.timezone)
        return local

    def renew_lease(self) -> bool:
        """Keep (or take over) the lease; a standby process that takes over catches up missed runs."""
        had = self.has_lease
        self.has_lease = acquire_lease(self.services.storage, LEASE_NAME, self.holder, self.services.clock(),
                                       LEASE_SECONDS)
        if self.has_lease and not had and self.scheduler is not None:
            log.info("took the scheduler lease; checking for missed runs")
            self.catch_up()
        return self.has_lease

    def release(self) -> None:
        release_lease(self.services.storage, LEASE_NAME, self.holder)
        self.has_lease = False

    # -- running --------------------------------------------------------------------------------
    def fire(self, name: str, scheduled: datetime | None = None) -> int:
        """One run of job `name` due at `scheduled` (default now); returns how many recipients were sent to."""
        spec = self.jobs[name]
        now = self.services.clock()
        effective = self.effective_time(spec, scheduled or now)
        if effective is None:
            log.info("%s: not a working day, nothing sent", name)
            return 0
        if effective > now + timedelta(seconds=1):
            self._defer(spec, scheduled or now, effective)
            return 0
        period = spec.period(effective.date())
        if run_recorded(self.services.storage, name, period) is not None:
            return 0
        if not self.renew_lease_quietly():
            log.info("%s: another process holds the scheduler lease; it sends", name)
            return 0
        return self._run(spec, period, now, scheduled or now)

    def renew_lease_quietly(self) -> bool:
        self.has_lease = acquire_lease(self.services.storage, LEASE_NAME, self.holder, self.services.clock(),
                                       LEASE_SECONDS)
        return self.has_lease

    def _run(self, spec: JobSpec, period: str, now: datetime, scheduled: datetime) -> int:
        storage = self.services.storage
        sent = 0
        held: list[datetime] = []  # when people held back by their own working hours start today
        local = now.astimezone(self.timezone)
        # A late run acts as of when it was due: at a start on a campaign's deadline day, yesterday's missed
        # closing must not close the campaigns due today, hours before their day ends.
        for outgoing in spec.build(self.services, scheduled if spec.late_is_fine else now):
            if spec.in_working_hours and (start := self._outside_hours(outgoing.recipient, local)) is not None:
                if start > local:
                    held.append(start)
                continue
            if not claim_send(storage, spec.name, period, outgoing.recipient, now):
                continue  # already sent this period (a restart, a catch-up or the other process)
            if outgoing.held_until is not None:  # its person is away: held for their return (trial 60 F16)
                self._hold(outgoing, now)
                continue
            delivered = all([self.sender.send(reply, spec.label) for reply in outgoing.replies])
            if not delivered:
                mark_send(storage, spec.name, period, outgoing.recipient, "failed", now)
                continue
            sent += 1
            open_listed.remember_delivered(self.services, outgoing.recipient, outgoing.replies)  # `open 1` next
            if outgoing.after_send is not None:
                outgoing.after_send(now)
        if held:
            # Run again when the next of them starts work; claims keep everyone else from a second message.
            self._defer(spec, scheduled, min(held))
            log.info("%s %s: sent to %d recipient(s); %d later in their working hours", spec.name, period, sent,
                     len(held))
            return sent
        record_run(storage, spec.name, period, "ran", now)
        log.info("%s %s: sent to %d recipient(s)", spec.name, period, sent)
        return sent

    def _hold(self, outgoing: Outgoing, now: datetime) -> None:
        """Hold a run's messages for their person until `outgoing.held_until`, sent then by send_held (or handed
        over when they next use the bot), as every held DM is."""
        from bot.audits import held_dms

        held_dms.hold_replies(self.services, list(outgoing.replies), SCHEDULER_ACTOR, now, outgoing.held_until or now)

    def _outside_hours(self, recipient: str, local: datetime) -> datetime | None:
        """None when `recipient` may be sent to now; else when their own hours start today (maybe past). A
        part-timer gets no reminders on a weekday they do not work (`working_days`): it counts as past."""
        days = self.services.directory.days_of(recipient)
        if days is not None and local.weekday() not in days:
            return datetime.combine(local.date(), time.min, tzinfo=self.timezone)
        hours = self.services.directory.hours_of(recipient)
        if hours is None or hours[0] <= local.time() < hours[1]:
            return None
        return datetime.combine(local.date(), hours[0], tzinfo=self.timezone)

    def _defer(self, spec: JobSpec, scheduled: datetime, effective: datetime) -> None:
        if self.scheduler is None:
            return
        self.scheduler.add_job(self.fire, "date", run_date=effective, args=[spec.name, scheduled],
                               id=f"{spec.name}:deferred", replace_existing=True)
        log.info("%s: deferred to %s", spec.name, effective.isoformat())

    # -- start-up -------------------------------------------------------------------------------
    def send_start_notices(self) -> int:
        """What the start found that QA leads must hear of (knowledge-base entries not served because their text
        could identify a child or family: bot/asking/admin.py), sent by the process holding the lease, once per
        recipient for each distinct notice (keyed by a digest of its text), so a restart with the same problems
        sends nothing again. Returns how many recipients were sent to."""
        from bot.asking.admin import start_notice_posts

        storage = self.services.storage
        now = self.services.clock()
        sent = 0
        for outgoing in start_notice_posts(self.services):
            said = "\0".join(reply.text for reply in outgoing.replies)
            period = hashlib.sha256(said.encode("utf-8")).hexdigest()[:16]
            if not claim_send(storage, START_NOTICES, period, outgoing.recipient, now):
                continue
            if not all([self.sender.send(reply, "knowledge base") for reply in outgoing.replies]):
                mark_send(storage, START_NOTICES, period, outgoing.recipient, "failed", now)
                continue
            sent += 1
        if sent:
            log.info("%s: sent to %d recipient(s)", START_NOTICES, sent)
        return sent

    def send_held(self) -> int:
        """Send the chases, audits' news and other DMs held until the working morning that are due (bot.audits.
        held_chase, held_news, held_dms), by the process holding the lease, in the order they were held (trial 49:
        an audit's moderation came before the summary it refers to). Each is claimed in the database before it goes
        and settled after, so two runs (or a run and a restart) never send one twice, and one due while the bot was
        down goes at the first run after its start. A claim not marked sent (the process died mid-send, or Slack
        refused it) expires after ten minutes and is tried again, a few times at most. Returns how many went."""
        from bot.audits import held_chase, held_dms, held_news

        if not self.renew_lease_quietly():
            return 0
        now = self.services.clock()
        sends: list[tuple[datetime, Callable[[], bool]]] = [
            (held.held_at, partial(self._send_one_held, held, outgoing, now))
            for held, outgoing in held_chase.due_outgoing(self.services, now)]
        sends += [(news.held_at or now, partial(self._send_held_item, news, outgoing, held_news.settle, "held news",
                                                now)) for news, outgoing in held_news.due_outgoing(self.services, now)]
        sends += [(dm.held_at or now, partial(self._send_held_item, dm, outgoing, held_dms.settle, "held DM", now))
                  for dm, outgoing in held_dms.due_outgoing(self.services, now)]
        sent = sum(send() for _, send in sorted(sends, key=lambda pair: pair[0]))
        if sent:
            log.info("held messages: sent %d", sent)
        return sent

    def _send_held_item(self, item: _HeldT, outgoing: Outgoing, settle: Callable[[Services, _HeldT, bool, datetime],
                        None], label: str, now: datetime) -> bool:
        """Send one held message (claimed) and settle it, as held chases are: one that fails is tried again once its
        claim expires."""
        try:
            delivered = all([self.sender.send(reply, "news") for reply in outgoing.replies])
        except Exception as exc:  # claimed: tried again once the claim expires
            log.error("%s %d not sent: %s", label, item.id, type(exc).__name__)
            delivered = False
        settle(self.services, item, delivered, now)
        return delivered

    def _send_one_held(self, held: HeldChase, outgoing: Outgoing, now: datetime) -> bool:
        """Send one claimed chase and settle it; when its last try failed, its chaser is told (once)."""
        from bot.audits import held_chase

        try:
            delivered = all([self.sender.send(reply, "chase") for reply in outgoing.replies])
        except Exception as exc:  # claimed: tried again once the claim expires, failed after the last try
            log.error("held chase %d not sent: %s", held.id, type(exc).__name__)
            delivered = False
        told = held_chase.settle(self.services, held, delivered, now)
        if told is not None:
            try:
                self.sender.send(told, "chase")
            except Exception as exc:  # the failure is in the trail; a refused tell is not retried
                log.error("held chase %d failure not told: %s", held.id, type(exc).__name__)
        return delivered

    def last_due(self, name: str, now: datetime) -> datetime | None:
        """The latest time job `name` was due at or before `now` (within the last week)."""
        spec = self.services.settings.cron[name]
        trigger = spec.trigger(self.timezone)
        moment = now - CATCH_UP_LOOKBACK
        last = None
        previous = None
        while True:
            fire = trigger.get_next_fire_time(previous, moment)
            if fire is None or fire > now:
                return last
            last = previous = fire
            moment = fire + timedelta(seconds=1)

    def catch_up(self) -> list[str]:
        """Runs missed while the bot was down: made once within the grace time (or at all, for a job whose
        late run is still right), else recorded as skipped."""
        now = self.services.clock()
        grace = timedelta(minutes=self.services.settings.reminders.grace_minutes)
        outcomes = []
        for name in self.services.settings.cron:
            if name not in self.jobs:
                continue
            spec = self.jobs[name]
            due = self.last_due(name, now)
            effective = self.effective_time(spec, due) if due else None
            if effective is None or due is None:  # (effective is None without a due time)
                continue
            if effective > now:
                self._defer(spec, due, effective)
                continue
            period = spec.period(effective.date())
            if run_recorded(self.services.storage, name, period) is not None:
                continue
            if now - effective <= grace or spec.late_is_fine:
                log.info("%s %s: missed while down, sending now (%s)", name, period,
                         "within the grace time" if now - effective <= grace else "late is still right")
                self.fire(name, due)
                outcomes.append(f"{name} {period}: sent late")
            else:
                log.info("%s %s: missed while down and past the grace time; recorded as skipped", name, period)
                record_run(self.services.storage, name, period, "skipped", now)
                outcomes.append(f"{name} {period}: skipped")
        return outcomes


class BackgroundJobs:
    """The running scheduler of one process, with its runner; `shutdown` hands the lease back."""

    def __init__(self, scheduler: BackgroundScheduler, runner: JobRunner) -> None:
        self.scheduler = scheduler
        self.runner = runner

    def start(self) -> None:
        """Start the clock, then make up missed runs and send the start's notices; a failing job at start must not
        stop the bot starting."""
        self.scheduler.start()
        try:
            if not self.runner.renew_lease_quietly():
                return
            self.runner.catch_up()
        except Exception as exc:  # the bot still serves people; APScheduler retries at the next due time
            log.error("catch-up at start failed: %s", type(exc).__name__)
        try:
            if self.runner.has_lease:
                self.runner.send_start_notices()
        except Exception as exc:  # the notices stay on QA leads' Home tabs and with every /audit kb reply
            log.error("start notices failed: %s", type(exc).__name__)
        try:
            if self.runner.has_lease:
                self.runner.send_held()  # any held chase that fell due while the bot was down
        except Exception as exc:  # they stay held; the next run (every minute) tries again
            log.error("held chases at start failed: %s", type(exc).__name__)

    def shutdown(self, wait: bool = False) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=wait)
        if self.runner.has_lease:
            self.runner.release()


def build_scheduler(services: Services, sender: Sender, jobs: Mapping[str, JobSpec] | None = None,
                    holder: str | None = None) -> BackgroundJobs:
    """One BackgroundScheduler with an explicit zone, fixed job ids and the settings' misfire grace time."""
    settings = services.settings
    grace_seconds = max(1, settings.reminders.grace_minutes * 60)
    scheduler = BackgroundScheduler(
        timezone=settings.timezone,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": grace_seconds},
    )
    runner = JobRunner(services, sender, jobs=jobs, holder=holder, scheduler=scheduler)
    for name, spec in settings.cron.items():
        if name in runner.jobs:
            scheduler.add_job(runner.fire, trigger=spec.trigger(settings.timezone), args=[name], id=name,
                              name=name, replace_existing=True)
    scheduler.add_job(runner.renew_lease, "interval", seconds=LEASE_RENEW_SECONDS, id="lease",
                      replace_existing=True)
    scheduler.add_job(runner.send_held, "interval", seconds=HELD_CHASES_SECONDS, id="held_chases",
                      replace_existing=True)
    return BackgroundJobs(scheduler, runner)
