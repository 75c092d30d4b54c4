"""fix47c (trial 46, finding 7), through the real Slack stack with signed requests: an action removed on a Saturday
morning is held for its worker; when she writes `any messages for me?` the removal is posted to her DM under "While
you were away", and the scheduler's run at 08:00 on Monday posts nothing more. On a weekday night her Home lists what
is waiting, and its **Show them** button posts it to her DM, once."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage.reminders import set_away
from schedules.scheduler import JobRunner
from schedules.senders import PacedSender
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_held_dms_when_here import coming
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MANAGER, WORKER = "U0MGRN001", "U0PRAN001"
HOME = {"id": "V0HOME0001", "type": "home"}


def _removed_at(bot: RunningBot, standin, services: Services, at: datetime) -> int:
    _, action = open_action(services.storage, at.date() + timedelta(days=20))
    manager = SlackPerson(bot, standin, MANAGER)
    with time_machine.travel(at, tick=False):
        manager.send("type", f"remove action {action}")
        told = manager.send("type", "yes")
    assert "Held: it is out of Social worker N1's working hours" in flat(" ".join(r.text for r in told))
    return action


def _runs_after(bot: RunningBot, services: Services, after: datetime) -> int:
    """How many held DMs the scheduler's runs at 08:00 on the next four days send."""
    from handlers.delivery import SlackDelivery

    delivery = SlackDelivery(bot.app.client)
    runner = JobRunner(services, PacedSender(lambda reply: delivery.deliver("", [reply]) == 0, interval=0.01),
                       holder="process-a")
    sent = 0
    for days in range(4):
        with time_machine.travel(datetime.combine(after.date() + timedelta(days=days), time(8), LONDON), tick=False):
            sent += runner.send_held()
    return sent


def _home_buttons(bot: RunningBot, standin, user: str) -> dict[str, dict[str, Any]]:
    before = len(standin.calls_to("views.publish"))
    bot.slack.app_home_opened(user)
    view = standin.wait_for("views.publish", count=before + 1)[-1].params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    return {element["text"]["text"]: element for block in view["blocks"] for element in block.get("elements", [])
            if element.get("type") == "button"}


def test_asked_in_slack_on_a_saturday_the_held_removal_is_posted_and_monday_sends_nothing_more(
        bot: RunningBot, standin, services: Services) -> None:
    saturday = coming(5, 10)
    action = _removed_at(bot, standin, services, saturday)
    worker = SlackPerson(bot, standin, WORKER)
    assert worker._dm_posts() == []
    with time_machine.travel(saturday + timedelta(minutes=10), tick=False):
        said = [flat(reply.text) for reply in worker.send("type", "any messages for me?")]
    assert said[0] == "While you were away: 1 message was waiting for you."
    assert said[1].startswith(f"Team manager (North) removed action {action} (audit #")
    assert _runs_after(bot, services, saturday) == 0
    assert len(worker._dm_posts()) == len(said)


def test_show_them_on_home_on_a_weekday_night_posts_them_once(bot: RunningBot, standin, services: Services) -> None:
    night = coming(2, 21)
    action = _removed_at(bot, standin, services, night)
    worker = SlackPerson(bot, standin, WORKER)
    with time_machine.travel(night + timedelta(minutes=10), tick=False):
        show = _home_buttons(bot, standin, WORKER)["Show them"]
        bot.slack.block_action(WORKER, show["action_id"], show["value"], view=HOME)
        standin.wait_for("chat.postMessage", predicate=lambda c: "removed action" in c.params["text"])
        after = _home_buttons(bot, standin, WORKER)
    texts = [flat(reply.text) for reply in worker._replies(worker._dm_posts())]
    assert texts[0] == "While you were away: 1 message was waiting for you."
    assert sum(f"removed action {action} " in text for text in texts) == 1
    assert "Show them" not in after
    assert _runs_after(bot, services, night) == 0


def test_asked_in_slack_while_still_booked_away_the_heading_is_in_the_present(
        bot: RunningBot, standin, services: Services) -> None:
    """Trial 61 (G2): still away, "While you were away: 1 message was waiting" read as if the leave were over."""
    saturday = coming(5, 10)
    set_away(services.storage, WORKER, saturday.date() + timedelta(days=9), None, saturday - timedelta(days=1),
             starts=saturday.date() - timedelta(days=1))
    action = _removed_at(bot, standin, services, saturday)
    worker = SlackPerson(bot, standin, WORKER)
    with time_machine.travel(saturday + timedelta(minutes=10), tick=False):
        said = [flat(reply.text) for reply in worker.send("type", "any messages for me?")]
    assert said[0] == "While you're away: 1 message is waiting for you."
    assert said[1].startswith(f"Team manager (North) removed action {action} (audit #")
