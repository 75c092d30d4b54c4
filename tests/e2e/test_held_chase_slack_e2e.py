"""A chase typed out of working hours, through the real Slack stack (trial 35, fix37b): `chase 9` sent in a DM at
23:00 on a Saturday posts nothing to the worker, tells the manager it goes at 08:00 on Monday, and the scheduler's
run at 08:00 posts the nudge to the worker's DM, whose Done button marks the action done."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRN001"
OWNER = "U0PRAN001"


def test_a_saturday_night_chase_reaches_the_worker_in_slack_on_monday_at_eight(bot: RunningBot, standin,
                                                                              services: Services) -> None:
    from handlers.delivery import SlackDelivery

    _, action = open_action(services.storage, date(2026, 11, 20), auditor="U0MGRS001")
    manager, worker = SlackPerson(bot, standin, MANAGER), SlackPerson(bot, standin, OWNER)
    with time_machine.travel(datetime(2026, 12, 5, 23, 0, tzinfo=LONDON), tick=False):
        told = manager.send("message", f"chase {action}")
    assert "It will reach them at 08:00 on Monday 7 December, or sooner" in flat(" ".join(r.text for r in told))
    assert worker._dm_posts() == []
    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    with time_machine.travel(datetime(2026, 12, 7, 7, 59, tzinfo=LONDON), tick=False):
        assert runner.send_held() == 0
    assert worker._dm_posts() == []
    with time_machine.travel(datetime(2026, 12, 7, 8, 0, tzinfo=LONDON), tick=False):
        assert runner.send_held() == 1
        assert runner.send_held() == 0
        [nudge] = worker._replies(worker._dm_posts())
        assert f"Team manager (North) asks about action {action}" in nudge.text
        assert [c.action for c in nudge.choices] == ["actions.done"]
        worker.send("press", f"actions.done|{action}")
    assert action_store.get_action(services.storage, action).done_at is not None
