"""Trial 43: a worker with 4 actions was told of "action 150" alone. In Slack, the reply to a request for more time,
the chase's reply and the daily reminder now give the action's words and case beside its number (which stays: it is
what `done 150` and the buttons take). Signed requests into the real Bolt app; replies read back from the Web API
stand-in; the reminder sent by the scheduler itself."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, MANAGER = "U0MGRS001", "U0PRAN001", "U0MGRN001"
WORDS = "(_Arrange the statutory visit_, audit #1, CR-123456)"


def _action(services: Services, due: str) -> int:
    audit_id = insert_audit(services.storage, "CR-123456", MONDAY, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, due, AUDITOR,
                                   MONDAY)


def test_the_workers_request_and_the_managers_chase_name_the_action(bot: RunningBot, standin,
                                                                    services: Services) -> None:
    action = _action(services, "2026-12-01")
    with time_machine.travel(MONDAY, tick=False):
        [asked] = SlackPerson(bot, standin, WORKER).send("type", f"can i have more time on action {action} till 18/12")
        [asked_first] = SlackPerson(bot, standin, MANAGER).send("type", f"chase {action}")  # the request waits
        [chased] = SlackPerson(bot, standin, MANAGER).send("type", "yes")
    assert asked_first.text.startswith(f"Social worker N1 asked for more time on action {action} {WORDS} to 18 Dec")
    assert asked.text.startswith(f"I've asked Team manager (South), the auditor, for more time on action {action} "
                                 f"{WORDS} until 18 Dec 2026.")
    assert chased.text.startswith(f"Sent: I've nudged Social worker N1 about action {action} {WORDS}")


def test_the_daily_reminder_gives_the_number_its_button_takes_beside_the_words(bot: RunningBot, standin,
                                                                               services: Services) -> None:
    from handlers.delivery import SlackDelivery

    action = _action(services, "2026-12-08")
    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    worker = SlackPerson(bot, standin, WORKER)
    with time_machine.travel(datetime(2026, 12, 7, 9, 30, tzinfo=LONDON), tick=False):
        runner.fire("reminders")
    [reminder] = worker._replies(worker._dm_posts())
    assert f"Action {action} “Arrange the statutory visit” (audit #1, CR-123456) is due" in reminder.text, reminder.text
    assert f"Mark action {action} done" in [c.label for c in reminder.choices]
