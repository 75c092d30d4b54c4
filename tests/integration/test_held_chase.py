"""Trial 35 (fix37b): `chase 9` typed out of working hours reached the worker at once, only saying it came out of
hours. Now it is held in the database until 08:00 on the next working day (bot.audits.held_chase), the chaser is told
when, `chase 9` again says one waits, `withdraw chase 9` takes it back, lists show it waiting, and the scheduler's
`send_held` sends it once, even across a restart, and not at all when the action was done first."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import held_chases
from schedules.scheduler import build_scheduler
from schedules.senders import RecordingSender
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRN001"
OWNER = "U0PRAN001"
SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 0, tzinfo=LONDON)
MONDAY_MORNING = datetime(2026, 12, 7, 8, 0, tzinfo=LONDON)
WORDS = "(_Update the chronology_, audit #1, CR-100200)"  # beside its number (trial 43)


def at(moment: datetime) -> time_machine.travel:
    return time_machine.travel(moment, tick=False)


def said(replies: list) -> str:
    return flat("\n".join(r.text for r in replies if r.to_user is None))


def nudges(sender: RecordingSender) -> list:
    return [reply for label, reply in sender.sent if label == "chase" and reply.to_user == OWNER]


def held_on_saturday(engine: Engine, services: Services) -> tuple[int, int, list]:
    """An overdue action chased by its owner's manager at 23:00 on Saturday 5 December 2026."""
    audit, action = open_action(services.storage, date(2026, 11, 20), auditor="U0MGRS001")
    with at(SATURDAY_NIGHT):
        replies = engine.message(MANAGER, f"chase {action}", surface="terminal")
    return audit, action, replies


def runner(services: Services, holder: str = "process-a"):
    jobs = build_scheduler(services, RecordingSender(), holder=holder)
    return jobs.runner, jobs.runner.sender


def sent_once_at(services: Services, before: datetime, due: datetime) -> None:
    """Nothing goes at `before`; at `due` the one held chase goes to its owner, and a run straight after sends none."""
    jobs, sender = runner(services)
    with at(before):
        assert jobs.send_held() == 0
    with at(due):
        assert jobs.send_held() == 1
        assert jobs.send_held() == 0
    assert len(nudges(sender)) == 1


def test_a_saturday_night_chase_is_held_until_monday_at_eight(engine: Engine, services: Services) -> None:
    audit, action, replies = held_on_saturday(engine, services)
    assert [r.to_user for r in replies] == [None]  # nothing reaches the worker on Saturday night
    assert "It will reach them at 08:00 on Monday 7 December, or sooner" in said(replies)
    assert f"Until then `my actions`, its audit (`show {audit}`) and `actions team` show it waiting; to take it " \
           f"back, type `withdraw chase {action}`." in said(replies)
    assert "In the terminal chat it is sent by the bot's scheduler, so only if this chat (or the bot) is running " \
           "then." in said(replies)
    assert action_store.last_chase(services.storage, action) is None  # not chased yet: it has not gone
    jobs, sender = runner(services)
    for moment in (datetime(2026, 12, 6, 12, 0, tzinfo=LONDON), datetime(2026, 12, 7, 7, 59, tzinfo=LONDON)):
        with at(moment):
            assert jobs.send_held() == 0
    with at(MONDAY_MORNING):
        assert jobs.send_held() == 1
        assert jobs.send_held() == 0  # the next minute's run sends nothing again
    [nudge] = nudges(sender)
    assert nudge.text.startswith(f"Team manager (North) asks about action {action}: _Update the chronology_")
    assert "out of working hours" not in nudge.text
    assert action_store.last_chase(services.storage, action) == (MANAGER, MONDAY_MORNING)
    with at(datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)):  # it counts as Monday's chase
        again = engine.message(MANAGER, f"chase {action}", surface="terminal")
    assert [r.to_user for r in again] == [None] and "was chased today already" in said(again)


def test_a_chase_at_17_59_on_a_friday_goes_at_once(engine: Engine, services: Services) -> None:
    _, action = open_action(services.storage, date(2026, 11, 20), auditor="U0MGRS001")
    with at(datetime(2026, 12, 4, 17, 59, tzinfo=LONDON)):
        replies = engine.message(MANAGER, f"chase {action}", surface="terminal")
    assert OWNER in [r.to_user for r in replies]
    assert f"Sent: I've nudged Social worker N1 about action {action}" in said(replies)
    assert "held" not in said(replies).lower()
    assert held_chases.waiting(services.storage, [action]) == {}


@pytest.mark.parametrize(("moment", "reaches"), [
    (datetime(2027, 5, 3, 10, 0, tzinfo=LONDON), "08:00 on Tuesday 4 May,"),  # Early May bank holiday Monday
    (datetime(2027, 5, 2, 21, 0, tzinfo=LONDON), "08:00 on Tuesday 4 May,"),  # the Sunday before it
    (datetime(2026, 12, 7, 6, 30, tzinfo=LONDON), "08:00 on Monday 7 December,"),  # early on a working day
    (datetime(2026, 12, 4, 18, 0, tzinfo=LONDON), "08:00 on Monday 7 December,"),  # Friday, as hours end
    (datetime(2026, 12, 24, 19, 0, tzinfo=LONDON), "08:00 on Tuesday 29 December,"),  # over Christmas
])
def test_a_chase_out_of_hours_waits_for_the_next_working_morning(engine: Engine, services: Services,
                                                                 moment: datetime, reaches: str) -> None:
    _, action = open_action(services.storage, date(2026, 11, 20), auditor="U0MGRS001")
    with at(moment):
        replies = engine.message(MANAGER, f"chase {action}", surface="terminal")
    assert [r.to_user for r in replies] == [None]
    assert f"It will reach them at {reaches}" in said(replies)


def test_the_bank_holiday_chase_goes_on_tuesday_not_monday(engine: Engine, services: Services) -> None:
    _, action = open_action(services.storage, date(2027, 4, 20), auditor="U0MGRS001")
    with at(datetime(2027, 5, 3, 10, 0, tzinfo=LONDON)):
        engine.message(MANAGER, f"chase {action}", surface="terminal")
    sent_once_at(services, datetime(2027, 5, 3, 17, 0, tzinfo=LONDON), datetime(2027, 5, 4, 8, 0, tzinfo=LONDON))


def test_chasing_again_says_one_waits_and_queues_no_second(engine: Engine, services: Services) -> None:
    _, action, _ = held_on_saturday(engine, services)
    with at(datetime(2026, 12, 6, 9, 0, tzinfo=LONDON)):
        mine = engine.message(MANAGER, f"remind sw n1 about action {action}", surface="terminal")
        admins = engine.message("U0ADMIN01", f"chase action {action}", surface="terminal")
    assert [r.to_user for r in mine + admins] == [None, None]
    assert (f"Your chase of action {action} {WORDS} is already waiting: it will reach Social worker "
            "N1 at 08:00 on Monday 7 December. Nothing more was queued.") in said(mine)
    assert f"Team manager (North)'s chase of action {action} {WORDS} is already " \
           "waiting" in said(admins)
    jobs, sender = runner(services)
    with at(MONDAY_MORNING):
        assert jobs.send_held() == 1
    assert len(nudges(sender)) == 1


def test_lists_and_the_audit_show_the_chase_waiting_to_all_but_the_owner(engine: Engine, services: Services) -> None:
    """The owner never sees it listed as waiting: once she writes, it is handed over to her (fix48e)."""
    audit, action, _ = held_on_saturday(engine, services)
    with at(datetime(2026, 12, 6, 9, 0, tzinfo=LONDON)):
        team = said(engine.message(MANAGER, "actions team", surface="terminal"))
        shown = said(engine.message(MANAGER, f"show {audit}", surface="terminal"))
        chasers = said(engine.message(MANAGER, "my actions", surface="terminal"))
        named = said(engine.message(MANAGER, f"what does action {action} mean?", surface="terminal"))
        handed = engine.message(OWNER, "my actions", surface="terminal")
        own = said(handed[2:])
        owner_named = said(engine.message(OWNER, f"what does action {action} mean?", surface="terminal"))
    assert handed[0].text == "While you were away: 1 message was waiting for you."
    assert f"asks about action {action}" in handed[1].text
    assert f"Action {action} — Social worker N1: Update the chronology" in team
    assert "— chase held until 08:00 Mon 7 Dec" in team
    assert f"Action {action}: Update the chronology" in shown and "chase held until 08:00 Mon 7 Dec" in shown
    assert "Update the chronology" in own and "chase" not in own
    assert (f"**Your chases waiting for the working morning** • Action {action} {WORDS}, Social "
            f"worker N1's: chase held until 08:00 Mon 7 Dec; `withdraw chase {action}` takes it back") in chasers
    assert "(open, **overdue**, chase held until 08:00 Mon 7 Dec)" in named
    assert "Update the chronology" in owner_named and "chase" not in owner_named


def test_withdrawing_a_held_chase_means_it_never_goes(engine: Engine, services: Services) -> None:
    _, action, _ = held_on_saturday(engine, services)
    with at(datetime(2026, 12, 6, 9, 0, tzinfo=LONDON)):
        taken = engine.message(MANAGER, f"withdraw chase {action}", surface="terminal")
        again = engine.message(MANAGER, f"unchase {action}", surface="terminal")
    assert f"Withdrawn: the chase of action {action} {WORDS} will not be sent" in said(taken)
    assert f"No chase of action {action} {WORDS} is waiting, so nothing was withdrawn." in said(again)
    jobs, sender = runner(services)
    with at(MONDAY_MORNING):
        assert jobs.send_held() == 0
    assert nudges(sender) == []


def test_someone_who_may_not_chase_may_not_withdraw(engine: Engine, services: Services) -> None:
    _, action, _ = held_on_saturday(engine, services)
    with at(datetime(2026, 12, 6, 9, 0, tzinfo=LONDON)):
        refused = said(engine.message("U0PRAN002", f"cancel the chase on action {action}", surface="terminal"))
    assert "Only Social worker N1's manager" in refused
    assert action in held_chases.waiting(services.storage, [action])


def test_an_action_done_before_the_morning_is_not_chased(engine: Engine, services: Services) -> None:
    _, action, _ = held_on_saturday(engine, services)
    with at(datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)):
        done = engine.message(OWNER, f"done {action}", surface="terminal")
    assert "chase" not in " ".join(r.text for r in done).lower()  # the owner hears nothing of it
    assert MANAGER not in [r.to_user for r in done if "chase" in r.text.lower()]
    jobs, sender = runner(services)
    with at(MONDAY_MORNING):
        assert jobs.send_held() == 0
    assert sender.sent == []
    assert action_store.last_chase(services.storage, action) is None
    [row] = services.storage.db.execute("SELECT state FROM held_chases").fetchall()
    assert row[0] == "dropped"


def test_a_restart_sends_a_chase_already_due_once(engine: Engine, services: Services, settings) -> None:
    """The bot was down over Monday 08:00: the start sends it, and no later run (or second process) again."""
    held_on_saturday(engine, services)
    restarted = build_services(settings)  # a new process on the same database
    try:
        jobs = build_scheduler(restarted, RecordingSender(), holder="process-b")
        with at(datetime(2026, 12, 7, 9, 30, tzinfo=LONDON)):
            jobs.start()
            try:
                assert len(nudges(jobs.runner.sender)) == 1
                assert jobs.runner.send_held() == 0
            finally:
                jobs.shutdown()
        other, other_sender = runner(services, holder="process-c")
        with at(datetime(2026, 12, 7, 9, 35, tzinfo=LONDON)):
            assert other.send_held() == 0
        assert nudges(other_sender) == []
    finally:
        restarted.storage.close()
    assert services.storage.db.execute("SELECT state FROM held_chases").fetchall() == [("sent",)]


def test_the_terminal_chat_prints_a_held_chase_to_its_owner_when_it_goes(environ: dict[str, str]) -> None:
    """The chat runs the same scheduler: run as the owner, it prints the nudge at 08:00 (README: terminal chat)."""
    from bot.cli.modes import start_background_jobs
    from bot.cli.runtime import Runtime

    out = io.StringIO()
    runtime = Runtime(environ=environ, stdout=out, stderr=io.StringIO())
    try:
        _, action = open_action(runtime.services.storage, date(2026, 11, 20), auditor="U0MGRS001")
        with at(SATURDAY_NIGHT):
            runtime.engine.message(MANAGER, f"chase {action}", surface="terminal")
        with at(MONDAY_MORNING):
            jobs = start_background_jobs(runtime, chat_user=OWNER)
            assert jobs is not None
            jobs.shutdown()
    finally:
        runtime.close()
    assert f"[chase] Team manager (North) asks about action {action}: Update the chronology" in out.getvalue()


def test_retention_deletes_an_audit_whose_action_has_a_held_chase(engine: Engine, services: Services) -> None:
    """Deleting an audit past retention (its actions cascade) takes its held chases too, never failing on them."""
    from bot.storage.maintenance import apply_retention

    audit, _, _ = held_on_saturday(engine, services)
    report = apply_retention(services.storage, datetime(2040, 1, 1, tzinfo=LONDON))
    assert report.audits == 1
    assert services.storage.db.execute("SELECT COUNT(*) FROM held_chases").fetchone() == (0,)
    assert services.storage.db.execute("SELECT COUNT(*) FROM audits WHERE id = ?", [audit]).fetchone() == (0,)


def test_two_runs_at_once_claim_a_due_chase_once(engine: Engine, services: Services) -> None:
    """Two threads' runs at 08:00 (the minute's run and the start's): one claims the chase, the other finds none."""
    import threading

    _, action, _ = held_on_saturday(engine, services)
    claimed: list[list] = []
    start = threading.Barrier(2)

    def run() -> None:
        start.wait()
        claimed.append(held_chases.claim_due(services.storage, MONDAY_MORNING))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(len(found) for found in claimed) == [0, 1]
    assert [held.action_id for found in claimed for held in found] == [action]


def part_timed_services(config_dir, environ, extra: str) -> Services:
    """Services where the owner, Social worker N1, has `extra` (their own hours or days) in teams.yaml."""
    from bot.settings.config import load_settings

    teams = config_dir / "teams.yaml"
    teams.write_text(teams.read_text().replace("{user: U0PRAN001, name: Social worker N1, role: practitioner, "
                                               "audit_target: 0}", "{user: U0PRAN001, name: Social worker N1, role: "
                                               f"practitioner, audit_target: 0, {extra}}}", 1))
    return build_services(load_settings(environ))


@pytest.mark.parametrize(("extra", "moment", "reaches", "out_of"), [
    # fix41e: a Monday-to-Wednesday worker chased on Wednesday evening was to be nudged on Thursday
    ("working_days: mon-wed", datetime(2026, 12, 9, 18, 0, tzinfo=LONDON), datetime(2026, 12, 14, 8, 0),
     "working hours"),
    ("working_days: mon-wed", datetime(2026, 12, 10, 10, 0, tzinfo=LONDON), datetime(2026, 12, 14, 8, 0),
     "their working days (Monday, Tuesday, Wednesday)"),  # Thursday: in the service's hours, not their days
    ("working_days: mon-wed", datetime(2026, 8, 26, 18, 0, tzinfo=LONDON), datetime(2026, 9, 1, 8, 0),
     "working hours"),  # the Monday after is the Summer bank holiday
    ("working_days: 'tue, thu'", datetime(2026, 12, 24, 19, 0, tzinfo=LONDON), datetime(2026, 12, 29, 8, 0),
     "working hours"),  # Christmas Eve (a Thursday): Tuesday 29th, after the Boxing Day substitute Monday
    ("working_days: mon-wed, working_hours: '09:30-15:00'", datetime(2026, 12, 9, 15, 0, tzinfo=LONDON),
     datetime(2026, 12, 14, 9, 30), "their working hours (09:30 to 15:00)"),
])
def test_a_part_timers_chase_waits_for_their_next_working_day(config_dir, environ, extra: str, moment: datetime,
                                                              reaches: datetime, out_of: str) -> None:
    from bot.composition import build_engine

    part_timed = part_timed_services(config_dir, environ, extra)
    try:
        _, action = open_action(part_timed.storage, date(2026, 7, 20), auditor="U0MGRS001")
        with at(moment):
            replies = build_engine(part_timed).message(MANAGER, f"chase {action}", surface="terminal")
        due = reaches.replace(tzinfo=LONDON)
        assert [r.to_user for r in replies] == [None]  # nothing reaches them on a day they do not work
        assert f"Held: it is out of {out_of}" in said(replies)
        assert f"It will reach them at {due:%H:%M} on {due:%A} {due.day} {due:%B}, or sooner" in said(replies)
        sent_once_at(part_timed, due - timedelta(minutes=1), due)
    finally:
        part_timed.storage.close()


def test_a_part_timer_chased_on_a_day_they_work_is_nudged_at_once(config_dir, environ) -> None:
    from bot.composition import build_engine

    part_timed = part_timed_services(config_dir, environ, "working_days: mon-wed")
    try:
        _, action = open_action(part_timed.storage, date(2026, 11, 20), auditor="U0MGRS001")
        with at(datetime(2026, 12, 9, 17, 59, tzinfo=LONDON)):  # Wednesday, their last day of the week
            replies = build_engine(part_timed).message(MANAGER, f"chase {action}", surface="terminal")
        assert OWNER in [r.to_user for r in replies]
        assert held_chases.waiting(part_timed.storage, [action]) == {}
    finally:
        part_timed.storage.close()


def test_a_part_timers_chase_waits_for_their_own_hours(config_dir, environ) -> None:
    """An owner with `working_hours: '13:00-17:00'` (as their reminders keep) is chased when they start."""
    from bot.composition import build_engine

    part_timed = part_timed_services(config_dir, environ, "working_hours: '13:00-17:00'")
    try:
        engine = build_engine(part_timed)
        _, action = open_action(part_timed.storage, date(2026, 11, 20), auditor="U0MGRS001")
        with at(datetime(2026, 12, 7, 9, 0, tzinfo=LONDON)):  # Monday, in the service's hours but not theirs
            replies = engine.message(MANAGER, f"chase {action}", surface="terminal")
        assert [r.to_user for r in replies] == [None]
        assert "Held: it is out of their working hours (13:00 to 17:00)" in said(replies)
        assert "It will reach them at 13:00 on Monday 7 December, or sooner" in said(replies)
        sent_once_at(part_timed, datetime(2026, 12, 7, 12, 59, tzinfo=LONDON),
                     datetime(2026, 12, 7, 13, 0, tzinfo=LONDON))
    finally:
        part_timed.storage.close()
