"""The App Home tab, opened while a moderation waits at its alert check, says it is not saved and how to finish it
(trial 52, F15), through the real Bolt stack with signed requests."""

from __future__ import annotations

import json

import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderation_unsaved import AUDITOR, HEAD, TO_CHECK, WEDNESDAY
from tests.integration.test_wording import submitted_audit


def _home_text(bot: RunningBot, standin, user: str) -> str:
    before = len(standin.calls_to("views.publish"))
    bot.slack.app_home_opened(user)
    view = standin.wait_for("views.publish", count=before + 1)[-1].params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    return json.dumps(view["blocks"])


def test_home_tab_says_the_moderation_is_not_saved(bot: RunningBot, standin, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(bot.engine, services, AUDITOR)
        drive(bot.engine, TO_CHECK, user=HEAD)
        waiting = _home_text(bot, standin, HEAD)
        drive(bot.engine, ["send"], user=HEAD)
        saved = _home_text(bot, standin, HEAD)
    line = f"Your moderation of #{audit_id} is not saved yet"
    assert line in waiting and "`send` to save it (and send the alert) or `no`" in waiting
    assert line not in saved
