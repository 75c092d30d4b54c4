"""The scheduler's rules with frozen time: working days, deferral, grace, restarts, leases and quiet hours."""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_services
from bot.core.outgoing import JobSpec, Outgoing, iso_day, iso_week
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.settings.config import load_settings
from bot.storage.schedules import claim_send, run_recorded, sends_for
from schedules.jobs import JOBS as BOT_JOBS
from schedules.scheduler import START_NOTICES, JobRunner, build_scheduler
from schedules.senders import PacedSender, RecordingSender, TerminalSender

LONDON = ZoneInfo("Europe/London")


def hello_job(services: Services, now: datetime) -> list[Outgoing]:
    return [Outgoing(user, (Reply(f"Weekly news for {user}", to_user=user),)) for user in ("U0MGRN001", "U0MGRS001")]


JOBS = {
    "weekly_digest": JobSpec("weekly_digest", "digest", hello_job, iso_week, defer=True),
    "reminders": JobSpec("reminders", "reminder", hello_job, iso_day, in_working_hours=True),
}


def at(*args: int) -> time_machine.travel:
    return time_machine.travel(datetime(*args, tzinfo=LONDON), tick=False)


def runner_for(services: Services, holder: str = "process-a") -> tuple[JobRunner, RecordingSender]:
    sender = RecordingSender()
    # These tests are about the digest and reminders; campaign closing is tested in test_campaigns.py.
    jobs = {name: spec for name, spec in JOBS.items() if name != "campaign_close"}
    return JobRunner(services, sender, jobs=jobs, holder=holder), sender


def recipients(sender: RecordingSender) -> list[str]:
    return [reply.to_user for _, reply in sender.sent]


def test_a_digest_due_on_a_bank_holiday_monday_goes_out_on_tuesday(services: Services) -> None:
    jobs = build_scheduler(services, RecordingSender(), jobs=JOBS, holder="process-a")
    sender = jobs.runner.sender
    with at(2026, 5, 25, 9, 0):  # Spring bank holiday
        assert jobs.runner.fire("weekly_digest") == 0
        deferred = jobs.scheduler.get_job("weekly_digest:deferred")
        assert deferred.trigger.run_date == datetime(2026, 5, 26, 9, 0, tzinfo=LONDON)
    with at(2026, 5, 26, 9, 0):
        assert jobs.runner.fire("weekly_digest", datetime(2026, 5, 25, 9, 0, tzinfo=LONDON)) == 2
    assert recipients(sender) == ["U0MGRN001", "U0MGRS001"]
    assert run_recorded(services.storage, "weekly_digest", "2026-W22") == "ran"


def test_daily_reminders_are_not_sent_at_weekends(services: Services) -> None:
    runner, sender = runner_for(services)
    with at(2026, 11, 28, 9, 30):
        assert runner.fire("reminders") == 0
    assert sender.sent == []


def test_a_restart_mid_week_never_sends_the_digest_twice(services: Services, settings) -> None:
    first, first_sender = runner_for(services, "process-a")
    with at(2026, 11, 23, 9, 0):
        assert first.fire("weekly_digest") == 2
    with at(2026, 11, 23, 9, 30):
        assert first.fire("reminders") == 2
        first.release()
    restarted = build_services(settings)
    try:
        second, second_sender = runner_for(restarted, "process-b")
        with at(2026, 11, 23, 9, 40):  # back within the grace time: catch-up sees the run was made
            assert second.catch_up() == []
            assert second.fire("weekly_digest", datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)) == 0
        with at(2026, 11, 25, 9, 20):  # Wednesday: Monday's digest was made; Tuesday's reminders were missed
            assert second.catch_up() == ["reminders 2026-11-24: skipped"]
    finally:
        restarted.storage.close()
    assert len(first_sender.sent) == 4
    assert second_sender.sent == []


def test_a_run_missed_while_down_is_sent_once_within_the_grace_time(services: Services) -> None:
    runner, sender = runner_for(services)
    with at(2026, 11, 23, 10, 30):  # 90 minutes late, grace is 120
        assert runner.catch_up() == ["weekly_digest 2026-W48: sent late", "reminders 2026-11-23: sent late"]
        assert runner.catch_up() == []
    assert len(sender.sent) == 4


def test_a_run_missed_past_the_grace_time_is_recorded_as_skipped(services: Services) -> None:
    runner, sender = runner_for(services)
    with at(2026, 11, 23, 12, 0):  # three hours after the 09:00 digest
        outcomes = runner.catch_up()
    assert "weekly_digest 2026-W48: skipped" in outcomes
    assert run_recorded(services.storage, "weekly_digest", "2026-W48") == "skipped"
    assert all(reply.text.startswith("Weekly news") for _, reply in sender.sent)
    assert sends_for(services.storage, "weekly_digest", "2026-W48") == []


def test_two_processes_on_one_database_only_one_sends(services: Services, settings) -> None:
    other = build_services(settings)
    try:
        a, _ = runner_for(services, "process-a")
        b, _ = runner_for(other, "process-b")
        with at(2026, 11, 23, 9, 0):
            results: dict[str, int] = {}
            threads = [threading.Thread(target=lambda r=r, n=n: results.__setitem__(n, r.fire("weekly_digest")))
                       for r, n in ((a, "a"), (b, "b"))]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        winner, standby = (a, b) if results["a"] else (b, a)
        with at(2026, 11, 23, 9, 29):
            winner.renew_lease()  # the holder's scheduler renews its lease every minute
        with at(2026, 11, 23, 9, 30):  # the lease holder sends the reminders too; the standby stays quiet
            assert standby.fire("reminders") == 0
            assert winner.fire("reminders") == 2
        with at(2026, 11, 24, 9, 30):  # the holder stopped renewing (it died): the standby takes over
            assert standby.fire("reminders") == 2
    finally:
        other.storage.close()
    assert sorted(results.values()) == [0, 2]
    assert len(winner.sender.sent) == 4
    assert len(standby.sender.sent) == 2


def test_housekeeping_forgets_runs_and_sends_no_run_can_look_at_again_and_a_run_is_still_sent_once(
        services: Services, caplog: pytest.LogCaptureFixture) -> None:
    """The record of every scheduled send was kept for ever. Each morning's housekeeping now forgets those older than
    90 days (a period is looked at again for a week or so at most), keeps the recent ones and the start's notices
    (keyed by their text: a restart with the same withheld entries must still not send them again), and logs a
    count only; a run made today is still sent once however often it fires after."""
    runner, sender = runner_for(services)
    runner.jobs["housekeeping"] = BOT_JOBS["housekeeping"]
    with at(2026, 8, 18, 9, 30):  # 98 days before the housekeeping run below
        assert runner.fire("reminders") == 2
        assert runner.fire("weekly_digest") == 2
        assert claim_send(services.storage, START_NOTICES, "a1b2c3d4e5f60718", "U0QA00001", services.clock())
    with at(2026, 8, 27, 9, 30):  # 89 days before
        assert runner.fire("reminders") == 2
    with at(2026, 11, 24, 9, 30):
        assert runner.fire("reminders") == 2
        with caplog.at_level(logging.INFO, logger="audit_bot"):
            runner.fire("housekeeping")
        assert runner.fire("reminders") == 0  # today's run is still recorded: nobody is sent it twice
    assert run_recorded(services.storage, "reminders", "2026-08-18") is None
    assert sends_for(services.storage, "reminders", "2026-08-18") == []
    assert run_recorded(services.storage, "weekly_digest", "2026-W34") is None
    assert run_recorded(services.storage, "reminders", "2026-08-27") == "ran"
    assert len(sends_for(services.storage, "reminders", "2026-08-27")) == 2
    assert sends_for(services.storage, START_NOTICES, "a1b2c3d4e5f60718") == [("U0QA00001", "sent")]
    logged = [record.getMessage() for record in caplog.records if "scheduled send" in record.getMessage()]
    assert logged == ["forgot 6 scheduled send record(s) older than 90 days"]
    assert len(sender.sent) == 8


def test_reminders_wait_for_the_working_hours_window(services: Services) -> None:
    jobs = build_scheduler(services, RecordingSender(), jobs=JOBS, holder="process-a")
    with at(2026, 11, 24, 7, 0):
        assert jobs.runner.fire("reminders") == 0
        assert jobs.scheduler.get_job("reminders:deferred").trigger.run_date == datetime(2026, 11, 24, 8, 0,
                                                                                         tzinfo=LONDON)
    jobs = build_scheduler(services, RecordingSender(), jobs=JOBS, holder="process-a")
    with at(2026, 11, 27, 19, 0):  # Friday evening: Monday morning
        assert jobs.runner.fire("reminders") == 0
        assert jobs.scheduler.get_job("reminders:deferred").trigger.run_date == datetime(2026, 11, 30, 8, 0,
                                                                                         tzinfo=LONDON)
    assert jobs.runner.sender.sent == []


def test_a_part_timer_gets_no_reminders_on_a_day_they_do_not_work(config_dir, environ) -> None:
    """fix41e: North's manager works Monday to Wednesday; Thursday's reminders go to everyone else only."""
    teams = config_dir / "teams.yaml"
    teams.write_text(teams.read_text().replace("role: manager, audit_target: 2}",
                                               "role: manager, audit_target: 2, working_days: mon-wed}", 1))
    services = build_services(load_settings(environ))
    try:
        jobs = build_scheduler(services, RecordingSender(), jobs=JOBS, holder="process-a")
        with at(2026, 11, 26, 9, 30):  # Thursday
            assert jobs.runner.fire("reminders") == 1
        with at(2026, 11, 25, 9, 30):  # Wednesday
            assert jobs.runner.fire("reminders") == 2
        assert recipients(jobs.runner.sender) == ["U0MGRS001", "U0MGRN001", "U0MGRS001"]
        assert run_recorded(services.storage, "reminders", "2026-11-26") == "ran"  # nothing left waiting
    finally:
        services.storage.close()


def test_a_part_timer_gets_the_days_reminders_when_their_own_hours_start(config_dir, environ) -> None:
    teams = config_dir / "teams.yaml"
    teams.write_text(teams.read_text().replace("role: manager, audit_target: 2}",
                                               "role: manager, audit_target: 2, working_hours: '13:00-17:00'}", 1))
    services = build_services(load_settings(environ))
    try:
        assert services.directory.hours_of("U0MGRN001") == (time(13, 0), time(17, 0))
        jobs = build_scheduler(services, RecordingSender(), jobs=JOBS, holder="process-a")
        with at(2026, 11, 24, 9, 30):
            assert jobs.runner.fire("reminders") == 1
            assert recipients(jobs.runner.sender) == ["U0MGRS001"]  # North's manager works afternoons
            assert jobs.scheduler.get_job("reminders:deferred").trigger.run_date == datetime(2026, 11, 24, 13, 0,
                                                                                             tzinfo=LONDON)
            assert run_recorded(services.storage, "reminders", "2026-11-24") is None
        with at(2026, 11, 24, 13, 0):
            assert jobs.runner.fire("reminders", datetime(2026, 11, 24, 9, 30, tzinfo=LONDON)) == 1
        with at(2026, 11, 24, 13, 5):  # a second run that day sends nothing more
            assert jobs.runner.fire("reminders", datetime(2026, 11, 24, 9, 30, tzinfo=LONDON)) == 0
        assert recipients(jobs.runner.sender) == ["U0MGRS001", "U0MGRN001"]
        assert run_recorded(services.storage, "reminders", "2026-11-24") == "ran"
        with at(2026, 11, 25, 17, 30):  # deferred to after their hours end: not sent that day, nothing pending
            jobs = build_scheduler(services, RecordingSender(), jobs=JOBS, holder="process-a")
            assert jobs.runner.fire("reminders", datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)) == 1
            assert recipients(jobs.runner.sender) == ["U0MGRS001"]
    finally:
        services.storage.close()


def test_the_terminal_chat_prints_only_the_chat_users_messages() -> None:
    out = io.StringIO()
    sender = TerminalSender(out, "U0MGRN001")
    sender.send(Reply("Your draft has waited", choices=(Choice("Resume audit 3", "audit.resume", "3"),),
                      to_user="U0MGRN001"), "reminder")
    sender.send(Reply("Someone else's", to_user="U0PRAN001"), "reminder")
    lines = out.getvalue().splitlines()
    assert lines[0] == "[reminder] Your draft has waited"
    assert "Resume audit 3" in lines[-1]
    assert "Someone else's" not in out.getvalue()


def test_channel_posts_are_spaced_about_a_second_apart() -> None:
    clock = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock[0] += seconds

    sender = PacedSender(lambda reply: True, interval=1.0, sleep=sleep, monotonic=lambda: clock[0])
    for _ in range(3):
        sender.send(Reply("post", to_channel="C0NORTH01"), "digest")
    sender.send(Reply("dm", to_user="U0MGRN001"), "digest")
    assert sleeps == [1.0, 1.0]


@contextmanager
def chat_with_a_stale_draft(environ: dict[str, str]) -> Iterator[tuple[object, io.StringIO]]:
    """A terminal-chat runtime whose manager has a draft untouched since 2 November; yields it and its output."""
    from bot.cli.runtime import Runtime
    from tests.support.digest_rows import AuditRows

    out = io.StringIO()
    runtime = Runtime(environ=environ, stdout=out, stderr=io.StringIO())
    try:
        AuditRows(runtime.services).audit(auditor="U0MGRN001", status="draft",
                                          updated=datetime(2026, 11, 2, 10, tzinfo=LONDON))
        yield runtime, out
    finally:
        runtime.close()


def test_the_chat_starts_the_scheduler_and_prints_a_reminder_due_while_it_runs(environ: dict[str, str]) -> None:
    from bot.cli.modes import start_background_jobs

    with chat_with_a_stale_draft(environ) as (runtime, out), at(2026, 11, 24, 9, 30):
        jobs = start_background_jobs(runtime, chat_user="U0MGRN001")
        try:
            assert {job.id for job in jobs.scheduler.get_jobs()} >= {"weekly_digest", "reminders", "lease"}
            assert jobs.scheduler.get_job("weekly_digest").trigger.timezone == LONDON
        finally:
            jobs.shutdown()
    printed = out.getvalue()
    assert "[reminder] == Reminders for Tuesday 24 November ==" in printed
    assert "Resume audit 1" in printed


def test_with_both_jobs_due_a_minute_ahead_the_chat_prints_them_as_they_fire(config_dir, environ) -> None:
    """What a new user does to see the schedules work: set both a minute ahead, start the chat, wait."""
    from bot.cli.modes import start_background_jobs

    settings_file = config_dir / "settings.yaml"
    settings_file.write_text(settings_file.read_text()
                             .replace('weekly_digest: "0 9 * * mon"', 'weekly_digest: "0 10 * * mon"')
                             .replace('reminders: "30 9 * * mon-fri"', 'reminders: "0 10 * * mon-fri"'))
    # Monday 23 November, a minute before both are due; the clock runs on from there
    with chat_with_a_stale_draft(environ) as (runtime, out), \
            time_machine.travel(datetime(2026, 11, 23, 9, 59, 58, tzinfo=LONDON), tick=True):
        jobs = start_background_jobs(runtime, chat_user="U0MGRN001")
        try:
            assert out.getvalue() == ""  # nothing was due yet
            for _ in range(300):  # up to 30 s on a slow machine; about 2 s here
                if "[digest]" in out.getvalue() and "[reminder]" in out.getvalue():
                    break
                threading.Event().wait(0.1)
        finally:
            jobs.shutdown()
    printed = out.getvalue()
    assert "[reminder] == Reminders for Monday 23 November ==" in printed
    assert "[digest]" in printed and "North Assessment Team" in printed
