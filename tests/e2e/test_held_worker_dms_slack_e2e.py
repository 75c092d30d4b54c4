"""fix44d, through the real Slack stack: an action removed at 23:00 on a Thursday posts nothing to its worker's DM,
tells the manager when it will reach her, and the scheduler's run at 08:00 on Friday posts the removal to her DM."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"


def test_an_action_removed_at_night_reaches_the_worker_in_slack_at_eight(bot: RunningBot, standin,
                                                                        services: Services) -> None:
    from handlers.delivery import SlackDelivery

    _, action = open_action(services.storage, date(2026, 12, 18))
    manager, worker = SlackPerson(bot, standin, MANAGER), SlackPerson(bot, standin, WORKER)
    with time_machine.travel(datetime(2026, 12, 3, 23, 0, tzinfo=LONDON), tick=False):
        manager.send("type", f"remove action {action}")
        told = manager.send("type", "yes")
    assert ("Held: it is out of Social worker N1's working hours, so they get the message about this at 08:00 on "
            "Friday 4 December") in flat(" ".join(r.text for r in told))
    assert worker._dm_posts() == []
    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    with time_machine.travel(datetime(2026, 12, 4, 7, 59, tzinfo=LONDON), tick=False):
        assert runner.send_held() == 0
    assert worker._dm_posts() == []
    with time_machine.travel(datetime(2026, 12, 4, 8, 0, tzinfo=LONDON), tick=False):
        assert runner.send_held() == 1
        assert runner.send_held() == 0
    [removal] = worker._replies(worker._dm_posts())
    assert flat(removal.text).startswith(f"Team manager (North) removed action {action} (audit #")
