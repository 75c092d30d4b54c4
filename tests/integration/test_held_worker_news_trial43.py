"""Trial 43 (finding 24): on a Sunday the worker got three DMs in minutes (the new audit's summary, "changed … to
Inadequate", "changed from Inadequate to Requires improvement") while a chase typed at the same moment was held until
08:00 on Monday. Now an audit's summary and grade changes to its worker are held out of their working hours as a
chase is, and several about one audit reach them once, as the audit then stands."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from schedules.scheduler import build_scheduler
from schedules.senders import RecordingSender
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SUNDAY = datetime(2026, 12, 6, 14, 0, tzinfo=LONDON)
MONDAY_MORNING = datetime(2026, 12, 7, 8, 0, tzinfo=LONDON)
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"
HELD = ("Held: it is out of Social worker N1's working hours, so they get audit #1 at 08:00 on Monday 7 December, or "
        "sooner if they use the bot before then, as it stands then, in one message")


def submit_and_regrade_twice(engine: Engine) -> list[Reply]:
    """The audit submitted (graded Good), then regraded Requires improvement and back to Good, as the trial's
    manager did; every reply the manager's turns gave."""
    seen: list[Reply] = []
    base = terminal_sender(engine, TerminalView(), user=MANAGER)

    def send(kind: str, payload: str) -> list[Reply]:
        replies = base(kind, payload)
        seen.extend(replies)
        return replies

    complete_audit(send, send("type", "/audit start early-help-spot"))
    for line in ("/audit edit 1 grade requires improvement the plan is not specific enough", "yes",
                 "/audit edit 1 grade good on reflection the plan is fine", "yes"):
        seen.extend(engine.message(MANAGER, line, surface="terminal"))
    return seen


def test_out_of_hours_the_worker_gets_the_latest_state_once_when_they_start(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        replies = submit_and_regrade_twice(engine)
    assert [reply for reply in replies if reply.to_user == WORKER] == []
    said = [flat(reply.text) for reply in replies if reply.is_for_requester]
    assert sum(line.startswith(HELD) for line in said) == 3
    assert not any(line.startswith("I've told Social worker N1") for line in said)
    jobs = build_scheduler(services, RecordingSender(), holder="process-a")
    with time_machine.travel(MONDAY_MORNING.replace(minute=0, hour=7), tick=False):
        assert jobs.runner.send_held() == 0
    with time_machine.travel(MONDAY_MORNING, tick=False):
        assert jobs.runner.send_held() == 1
        assert jobs.runner.send_held() == 0  # once
    [summary] = [reply for _, reply in jobs.runner.sender.sent if reply.to_user == WORKER]
    text = flat(summary.text)
    assert text.startswith("Team manager (North) has audited one of your cases. Here is the summary: you can add your "
                           "reflections on it with `/audit reflect ")  # trial 49: the command, not only that she can
    assert "Overall grade: **Good**" in text or "Overall grade: Good" in text.replace("**", ""), text


def test_in_working_hours_the_worker_is_told_at_once(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        replies = submit_and_regrade_twice(engine)
    told = [flat(reply.text) for reply in replies if reply.to_user == WORKER]
    assert len(told) == 3 and told[0].startswith("Team manager (North) has audited one of your cases.")
    assert not any(flat(reply.text).startswith("Held:") for reply in replies)
