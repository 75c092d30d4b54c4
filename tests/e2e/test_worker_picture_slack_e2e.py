"""Trial 43 (finding 12), through the real Bolt stack with signed requests: a manager's "how is my new asye getting
on, social worker s1" in a DM is that worker's picture, and `list team Social worker S1` says `list team` takes a team
with a *Worker picture* button that shows it; neither reaches the knowledge base."""

from __future__ import annotations

import time_machine

from bot.digests.demo_data import generate
from tests.conftest import RunningBot
from tests.support.kb_helpers import posted_buttons
from tests.support.trial_day import TRIAL

MANAGER, WORKER = "U0MGRS001", "U0PRAS001"


def _body(post) -> str:
    return post.params["text"] + str(post.params.get("blocks", ""))


def test_a_manager_asks_after_her_worker_in_a_dm_and_through_list_team(running_bot: RunningBot, standin) -> None:
    with time_machine.travel(TRIAL, tick=False):
        generate(running_bot.services)
        running_bot.slack.message_im(MANAGER, "how is my new asye getting on, social worker s1")
        [asked] = standin.wait_for("chat.postMessage")
        running_bot.slack.message_im(MANAGER, "list team Social worker S1")
        offer = standin.wait_for("chat.postMessage", count=2)[-1]
        action_id = next(element["action_id"] for block in offer.params.get("blocks") or []
                         for element in block.get("elements", []) if element.get("value") == WORKER)
        running_bot.slack.block_action(MANAGER, action_id, WORKER)
        pressed = standin.wait_for("chat.postMessage", count=3)[-1]
    assert "Social worker S1" in _body(asked) and "Audits of their cases" in _body(asked), _body(asked)
    assert "Open actions they own" in _body(asked) and "reflected on" in _body(asked), _body(asked)
    assert "takes a team" in _body(offer) and posted_buttons(offer).get("worker.view") == WORKER, _body(offer)
    assert "Audits of their cases" in _body(pressed), _body(pressed)
    assert list(running_bot.services.storage.db.query("SELECT * FROM kb_asks")) == []
