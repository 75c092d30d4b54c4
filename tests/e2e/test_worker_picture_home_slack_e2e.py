"""fix44e: a manager's Home lists her workers, each with a *Picture* button; pressing it opens that worker's picture
(what `worker S1` shows in the chat) in a modal over Home, through the real Bolt stack with signed requests. Another
team's manager pressing a copy of the button gets one message saying whose it is, in the modal, and no picture."""

from __future__ import annotations

import json
from typing import Any

import time_machine

from bot.digests.demo_data import generate
from tests.conftest import RunningBot
from tests.support.trial_day import TRIAL

MANAGER, WORKER, OTHER_MANAGER = "U0MGRS001", "U0PRAS001", "U0MGRN001"
HOME = {"id": "V0HOME0001", "type": "home"}


def _view(call) -> dict[str, Any]:
    view = call.params["view"]
    return json.loads(view) if isinstance(view, str) else view


def _picture_button(publish) -> dict[str, Any]:
    return next(element for block in _view(publish)["blocks"] for element in block.get("elements", [])
                if element.get("type") == "button" and element["action_id"].startswith("home.worker_picture"))


def test_home_picture_button_opens_the_workers_picture_in_a_modal(running_bot: RunningBot, standin) -> None:
    with time_machine.travel(TRIAL, tick=False):
        generate(running_bot.services)
        running_bot.slack.app_home_opened(MANAGER)
        [publish] = standin.wait_for("views.publish")
        button = _picture_button(publish)
        running_bot.slack.block_action(MANAGER, button["action_id"], button["value"], view=HOME)
        [opened] = standin.wait_for("views.open")
    home = json.dumps(_view(publish)["blocks"])
    assert "Your workers" in home and "Social worker S1" in home and button["value"] == WORKER
    modal = _view(opened)
    shown = json.dumps(modal["blocks"])
    assert modal["type"] == "modal" and modal["title"]["text"] == "Worker picture"
    assert "Social worker S1" in shown and "Audits of their cases" in shown and "Open actions they own" in shown
    assert "CR-" in shown and "overdue" in shown
    assert standin.calls_to("chat.postMessage") == []  # read over Home, not sent to the DM


def test_another_teams_manager_is_told_whose_picture_it_is(running_bot: RunningBot, standin) -> None:
    with time_machine.travel(TRIAL, tick=False):
        generate(running_bot.services)
        running_bot.slack.block_action(OTHER_MANAGER, "home.worker_picture|0", WORKER, view=HOME)
        [opened] = standin.wait_for("views.open")
    shown = json.dumps(_view(opened)["blocks"])
    assert "not in a team you manage" in shown and "Team manager (South)" in shown
    assert "Audits of their cases" not in shown
