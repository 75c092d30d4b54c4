"""fix48e: a worker's held DMs were handed over when she wrote to the bot out of hours (fix47c), but a chase of her
action and her audit's summary, held the same way, still waited for 08:00 while she was using the bot. Now they come
under the same "While you were away" line, settled once posted, so the run at the start of her hours sends none of
them again; her Home counts them as waiting."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from schedules.scheduler import build_scheduler
from schedules.senders import RecordingSender
from tests.integration.test_held_dms_when_here import LONDON, MANAGER, WORKER, coming
from tests.integration.test_held_worker_news_trial43 import submit_and_regrade_twice
from tests.support.action_rows import open_action
from tests.support.posted import posted
from tests.support.text import flat


def _mornings_run(services: Services, after: datetime) -> int:
    """How many held messages (chases, news, DMs) the scheduler's runs at 08:00 on the next four days send."""
    jobs = build_scheduler(services, RecordingSender(), holder="process-a")
    sent = 0
    for days in range(4):
        with time_machine.travel(datetime.combine(after.date() + timedelta(days=days), time(8), LONDON), tick=False):
            sent += jobs.runner.send_held()
    return sent


def _chased(engine: Engine, services: Services, at: datetime) -> int:
    _, action = open_action(services.storage, at.date() - timedelta(days=15), auditor="U0MGRS001")
    with time_machine.travel(at, tick=False):
        told = engine.message(MANAGER, f"chase {action}")
    assert any(flat(reply.text).startswith("Held: it is out of") for reply in told)
    return action


def test_a_chase_held_on_saturday_night_comes_when_she_writes_on_sunday_and_monday_sends_nothing(
        engine: Engine, services: Services) -> None:
    saturday = coming(5, 23)
    action = _chased(engine, services, saturday)
    with time_machine.travel(saturday + timedelta(hours=11), tick=False):
        said = [flat(reply.text) for reply in posted(engine.message(WORKER, "help"))]
    assert said[0] == "While you were away: 1 message was waiting for you."
    assert said[1].startswith(f"Team manager (North) asks about action {action}:")
    assert _mornings_run(services, saturday) == 0
    assert action_store.last_chase(services.storage, action) is not None  # it counts as the action's chase


def test_her_home_counts_a_held_chase_as_waiting(engine: Engine, services: Services) -> None:
    saturday = coming(5, 23)
    _chased(engine, services, saturday)
    with time_machine.travel(saturday + timedelta(minutes=5), tick=False):
        texts = [flat(section.text) for section in home_sections(engine, services, WORKER)]
    assert any(text.startswith("1 message is waiting for you") for text in texts), texts


def test_her_audit_summary_held_on_sunday_comes_when_she_asks_and_monday_sends_nothing(
        engine: Engine, services: Services) -> None:
    sunday = coming(6, 14)
    with time_machine.travel(sunday, tick=False):
        submit_and_regrade_twice(engine)
    with time_machine.travel(sunday + timedelta(hours=1), tick=False):
        said = [flat(reply.text) for reply in posted(engine.message(WORKER, "any messages for me?"))]
    assert said[0] == "While you were away: 1 message was waiting for you."
    assert said[1].startswith("Team manager (North) has audited one of your cases. Here is the summary")
    assert len(said) == 2
    assert _mornings_run(services, sunday) == 0


def test_an_unposted_summary_still_goes_at_the_start_of_her_hours(engine: Engine, services: Services) -> None:
    sunday = coming(6, 14)
    with time_machine.travel(sunday, tick=False):
        submit_and_regrade_twice(engine)
    with time_machine.travel(sunday + timedelta(hours=1), tick=False):
        for reply in engine.message(WORKER, "any messages for me?"):
            if reply.receipt is not None:
                reply.receipt.failed([])  # Slack refused the post
    assert _mornings_run(services, sunday) == 1
