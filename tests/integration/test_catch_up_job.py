"""Back from `/audit away`: the first reminder run after the last day away sends one catch-up, before the day's
reminders and without repeating them, and records it so it never comes again; `/audit away off` before the last day
gives it at once. The clock is pinned for every step."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from schedules.jobs import reminders_job
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
WORKER, MANAGER = "U0PRAN001", "U0MGRN001"


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 30) -> time_machine.travel:
    return time_machine.travel(datetime(year, month, day, hour, minute, tzinfo=LONDON), tick=False)


def away_with_things_happening(services: Services, engine: Engine) -> tuple[int, int]:
    """The worker is away Monday 7 to Friday 11 December 2026; an action of theirs falls due on the Wednesday and an
    audit of their case is submitted on the Tuesday."""
    rows = AuditRows(services)
    earlier = rows.audit(auditor=MANAGER, submitted=datetime(2026, 11, 16, 10, tzinfo=UTC))
    action = rows.action(earlier, WORKER, date(2026, 12, 9), description="Visit and see the child alone")
    with at(2026, 12, 7):
        [said] = engine.command(WORKER, "away until 11/12")
    assert "you are away to Friday 11 December 2026" in said.text
    reflect = rows.audit(auditor=MANAGER, submitted=datetime(2026, 12, 8, 11, tzinfo=UTC))
    return action, reflect


def test_the_first_run_after_time_away_sends_one_catch_up_and_records_it(services: Services,
                                                                          engine: Engine) -> None:
    action, reflect = away_with_things_happening(services, engine)
    with at(2026, 12, 11):  # the last day away: nothing yet
        assert WORKER not in {o.recipient for o in reminders_job(services, services.clock())}
    with at(2026, 12, 14):
        [sent] = [o for o in reminders_job(services, services.clock()) if o.recipient == WORKER]
        sender = RecordingSender()
        JobRunner(services, sender, holder="process-a").fire("reminders")
    [welcome] = sent.replies  # the overdue action is in the catch-up, not said again in a bundle
    assert ("actions.done", str(action)) in [(c.action, c.value) for c in welcome.choices]
    assert welcome.title == "Welcome back" and welcome.to_user == WORKER
    assert welcome.text.startswith("While you were away (from Monday 7 December 2026 to Friday 11 December 2026), "
                                   "2 things came up for you:")
    assert f"• Action {action} “Visit and see the child alone” (audit #" in welcome.text  # the button's number
    assert "was due 9 Dec 2026 and is overdue." in welcome.text
    assert f"• Audit #{reflect} of your case CR-" in welcome.text and "asks for your reflections." in welcome.text
    assert ("audit.reflect", str(reflect)) in [(c.action, c.value) for c in welcome.choices]
    assert [r.title for _, r in sender.sent if r.to_user == WORKER] == ["Welcome back"]
    recorded = services.storage.db.execute("SELECT caught_up_at FROM away WHERE user_id = ?", [WORKER]).fetchone()
    assert recorded[0] is not None
    with at(2026, 12, 15):
        later = [o for o in reminders_job(services, services.clock()) if o.recipient == WORKER]
    assert all(r.title != "Welcome back" for o in later for r in o.replies)  # once only


def test_away_off_before_the_last_day_gives_the_catch_up_at_once(services: Services, engine: Engine) -> None:
    rows = AuditRows(services)
    earlier = rows.audit(auditor=MANAGER, submitted=datetime(2026, 11, 16, 10, tzinfo=UTC))
    visit = rows.action(earlier, WORKER, date(2026, 12, 9), description="Visit and see the child alone")
    with at(2026, 12, 7):
        engine.command(WORKER, "away until 18/12")
    with at(2026, 12, 10, 14):
        back, welcome = engine.command(WORKER, "away off")
    assert back.text == "Welcome back: reminders are on again."
    assert welcome.title == "Welcome back" and welcome.text.startswith(
        "While you were away (from Monday 7 December 2026 to Thursday 10 December 2026), 1 thing came up for you:\n"
        f"• Action {visit} “Visit and see the child alone”")
    with at(2026, 12, 11):
        sent = [o for o in reminders_job(services, services.clock()) if o.recipient == WORKER]
    assert all(r.title != "Welcome back" for o in sent for r in o.replies)


def test_back_to_nothing_is_no_message(services: Services, engine: Engine) -> None:
    with at(2026, 12, 7):
        engine.command(WORKER, "away until 11/12")
    with at(2026, 12, 14):
        assert WORKER not in {o.recipient for o in reminders_job(services, services.clock())}
