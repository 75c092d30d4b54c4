"""A request for more time answered with Home's own *Approve* and *Say no* buttons (trial 43 put them on Home; fix44e:
no test pressed them there), through the real Bolt stack with signed requests: the approver opens Home, the request is
listed with its two buttons, and pressing one there does what the DM's button does. Approve moves the due date and
tells the worker; Say no asks the reason (in the DM, since Home shows no replies), tells the worker with it, and the
due date stays."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.storage import actions as action_store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.support.audit_rows import insert_audit
from tests.support.slack_standin import dm_channel_for

THURSDAY = datetime(2026, 12, 3, 11, 0, tzinfo=ZoneInfo("Europe/London"))  # in working hours: news goes at once
AUDITOR, WORKER = "U0MGRS001", "U0PRAN001"
HOME = {"id": "V0HOME0001", "type": "home"}


def _asked(bot: RunningBot, standin, services: Services) -> int:
    """An open action of the worker's on the auditor's submitted audit, and the worker's request for more time."""
    audit_id = insert_audit(services.storage, "CR-123456", THURSDAY, status="submitted", auditor=AUDITOR)
    action = action_store.add_action(services.storage, audit_id, "Arrange the statutory visit", WORKER, "2026-12-07",
                                     AUDITOR, THURSDAY)
    SlackPerson(bot, standin, WORKER).send("type", f"extend action {action} to 14/12, family away")
    return action


def _home_buttons(bot: RunningBot, standin, user: str) -> dict[str, dict[str, Any]]:
    """The buttons on the person's Home as published, by their label."""
    before = len(standin.calls_to("views.publish"))
    bot.slack.app_home_opened(user)
    publish = standin.wait_for("views.publish", count=before + 1)[-1]
    view = publish.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    return {element["text"]["text"]: element for block in view["blocks"] for element in block.get("elements", [])
            if element.get("type") == "button"}


def _last_to(standin, user: str) -> str:
    posts = [c for c in standin.calls_to("chat.postMessage") if c.params["channel"] == dm_channel_for(user)]
    return posts[-1].params["text"] if posts else ""


def test_approve_on_home_moves_the_due_date_and_tells_the_worker(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        action = _asked(bot, standin, services)
        buttons = _home_buttons(bot, standin, AUDITOR)
        approve = buttons[f"Approve: action {action}"]
        assert f"Say no: action {action}" in buttons
        told_before = len([c for c in standin.calls_to("chat.postMessage")
                           if c.params["channel"] == dm_channel_for(WORKER)])
        bot.slack.block_action(AUDITOR, approve["action_id"], approve["value"], view=HOME)
        standin.wait_for("chat.postMessage", predicate=lambda c: c.params["channel"] == dm_channel_for(WORKER),
                         count=told_before + 1)
        after = _home_buttons(bot, standin, AUDITOR)
    assert action_store.get_action(services.storage, action).due_date == "2026-12-14"
    told = _last_to(standin, WORKER)
    assert told.startswith(f"Team manager (South) gave you more time on action {action}"), told
    assert "it is now due *Monday 14 December 2026* (in 11 days), not Monday 7 December 2026." in told
    assert "is now due *Monday 14 December 2026*" in _last_to(standin, AUDITOR)
    assert f"Approve: action {action}" not in after  # answered: off Home


def test_say_no_on_home_asks_why_tells_the_worker_and_keeps_the_date(bot: RunningBot, standin,
                                                                     services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        action = _asked(bot, standin, services)
        say_no = _home_buttons(bot, standin, AUDITOR)[f"Say no: action {action}"]
        bot.slack.block_action(AUDITOR, say_no["action_id"], say_no["value"], view=HOME)
        standin.wait_for("chat.postMessage", predicate=lambda c: c.params["channel"] == dm_channel_for(AUDITOR)
                         and c.params["text"].startswith("Why no?"))
        [said] = SlackPerson(bot, standin, AUDITOR).send("type", "no - needs doing before the review")
        after = _home_buttons(bot, standin, AUDITOR)
    assert said.text.startswith(f"I've told Social worker N1 that action {action}"), said.text
    told = _last_to(standin, WORKER)
    assert f"Team manager (South) said no to more time on action {action}" in told, told
    assert "Their reason: “needs doing before the review”." in told and "it stays due *Monday 7 December 2026*" in told
    assert action_store.get_action(services.storage, action).due_date == "2026-12-07"
    assert f"Say no: action {action}" not in after
