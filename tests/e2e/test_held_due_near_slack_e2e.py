"""fix52c, through the real Slack stack with signed requests: on a Friday evening a manager moves a worker's action
to a date 13 days on; the DM is held. On Monday it says how near that date is on Monday, "(in 10 days)", whether
the worker's first message hands it over or the scheduler's run posts it at 08:00."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_held_due_near_at_delivery import _friday_evening
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"


def _moved_on_friday(bot: RunningBot, standin, services: Services, friday: datetime) -> date:
    _, action = open_action(services.storage, friday.date() + timedelta(days=20))
    new = friday.date() + timedelta(days=13)
    with time_machine.travel(friday, tick=False):
        told = SlackPerson(bot, standin, MANAGER).send("type", f"action {action} due {new.day}/{new.month}")
    assert "Held: it is out of Social worker N1's working hours" in flat(" ".join(r.text for r in told))
    return new


def test_handed_over_in_slack_on_monday_it_says_the_monday_figure(
        bot: RunningBot, standin, services: Services) -> None:
    friday = _friday_evening()
    new = _moved_on_friday(bot, standin, services, friday)
    with time_machine.travel(datetime.combine(friday.date() + timedelta(days=3), time(7, 30), LONDON), tick=False):
        said = [flat(reply.text) for reply in SlackPerson(bot, standin, WORKER).send("type", "any messages for me?")]
    changed = [text for text in said if "changed the due date" in text]
    assert len(changed) == 1 and f"{new.day} {new:%B %Y}* (in 10 days):" in changed[0], said


def test_posted_by_the_monday_0800_run_it_says_the_monday_figure(
        bot: RunningBot, standin, services: Services) -> None:
    from handlers.delivery import SlackDelivery

    friday = _friday_evening()
    new = _moved_on_friday(bot, standin, services, friday)
    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    with time_machine.travel(datetime.combine(friday.date() + timedelta(days=3), time(8), LONDON), tick=False):
        assert runner.send_held() == 1
    posted = [flat(call.params["text"]) for call in standin.calls_to("chat.postMessage")
              if "changed the due date" in call.params["text"]]
    assert len(posted) == 1 and f"{new.day} {new:%B %Y}* (in 10 days):" in posted[0], posted
