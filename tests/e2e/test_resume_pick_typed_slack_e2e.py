"""Note 39 "Left", through the real Slack stack with signed requests: with two drafts, `resume` lists them, "Pick
the one to carry on with", and a bare `2` typed in the DM was told "There's no question waiting for a '2'", though
the terminal and the buttons picked the second draft. It now resumes the second draft listed."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_action_removal import WORKER
from tests.integration.test_held_dms_when_here import coming
from tests.support.text import flat

MANAGER = "U0MGRN001"


def _texts(replies: list) -> str:
    return flat(" ".join(reply.text for reply in replies))


def test_a_bare_2_typed_in_slack_resumes_the_second_draft_listed(bot: RunningBot, standin) -> None:
    monday = coming(0, 10)  # working hours
    manager = SlackPerson(bot, standin, MANAGER)
    with time_machine.travel(monday, tick=False):
        for line in ("start audit early-help-spot", "CR-555555", WORKER, "pause"):
            manager.send("type", line)
    with time_machine.travel(monday + timedelta(minutes=5), tick=False):
        for line in ("start audit early-help-spot", "CR-555556", WORKER, "pause"):
            manager.send("type", line)
        listed = manager.send("type", "resume")
        assert "Pick the one to carry on with" in _texts(listed)
        second = [choice.value for reply in listed for choice in reply.choices if choice.action == "audit.resume"][1]
        picked = manager.send("type", "2")
    said = _texts(picked)
    assert "no question waiting" not in said
    assert f"#{second}" in said and "CR-55555" in said, said
