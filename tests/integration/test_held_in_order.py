"""Trial 49 (F3): a worker out of hours got the moderation ("Audit #1 of your case has been moderated…") before the
audit's summary it refers to, though the summary was written first. What is handed over together now comes in the
order it was held, and so is what the run at the start of her hours sends; and the summary says the command for
reflections (`/audit reflect N`), not only that she can."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from schedules.scheduler import build_scheduler
from schedules.senders import RecordingSender
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_held_dms_when_here import coming
from tests.integration.test_wording import submitted_audit
from tests.support.action_rows import open_action
from tests.support.posted import posted
from tests.support.text import flat

MANAGER, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"


def test_the_summary_comes_before_the_moderation_that_refers_to_it(engine: Engine, services: Services) -> None:
    saturday = coming(5, 10)
    with time_machine.travel(saturday, tick=False):
        audit_id = submitted_audit(engine, services, MANAGER)
    with time_machine.travel(saturday + timedelta(minutes=30), tick=False):
        drive(engine, [f"/audit moderate {audit_id}", "agree", "The plan is reviewed monthly."], user=QA)
    with time_machine.travel(saturday + timedelta(hours=1), tick=False):
        said = [flat(reply.text, "*`") for reply in posted(engine.message(WORKER, "messages"))]
    assert said[0] == "While you were away: 2 messages were waiting for you.", said
    assert said[1].startswith("Team manager (North) has audited one of your cases. Here is the summary: you can add "
                              f"your reflections on it with /audit reflect {audit_id}."), said[1]
    assert "has been moderated" in said[2], said


def test_at_the_start_of_her_hours_they_are_sent_in_the_order_they_were_held(engine: Engine,
                                                                             services: Services) -> None:
    saturday = coming(5, 10)
    with time_machine.travel(saturday, tick=False):
        action_id = open_action(services.storage, saturday.date() + timedelta(days=20), case_ref="CR-100300")[1]
        engine.message(MANAGER, f"remove action {action_id}")
        engine.message(MANAGER, "yes")  # a DM held first: the action removed
    with time_machine.travel(saturday + timedelta(minutes=10), tick=False):
        audit_id = submitted_audit(engine, services, MANAGER)
    with time_machine.travel(saturday + timedelta(minutes=30), tick=False):
        drive(engine, [f"/audit moderate {audit_id}", "agree", "The plan is reviewed monthly."], user=QA)
    jobs = build_scheduler(services, RecordingSender(), holder="process-a")
    with time_machine.travel(saturday + timedelta(days=2, hours=-2), tick=False):  # Monday 08:00
        jobs.runner.send_held()
    sent = [flat(reply.text) for _, reply in jobs.runner.sender.sent if reply.to_user == WORKER]
    removed = next(n for n, text in enumerate(sent) if f"removed action {action_id} " in text)
    summary = next(n for n, text in enumerate(sent) if text.startswith("Team manager (North) has audited"))
    moderated = next(n for n, text in enumerate(sent) if "has been moderated" in text)
    assert removed < summary < moderated, sent
