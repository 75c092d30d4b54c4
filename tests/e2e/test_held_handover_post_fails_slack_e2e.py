"""fix48e: a held message handed over in a turn was settled as the reply was built, so when Slack refused the post it
was lost: the worker never saw it and the 08:00 run had nothing left to send. Now it is settled only once Slack has
taken the post; refused, its claim is released and the scheduler's run at the start of her hours sends it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine

from bot.core.services import Services
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.e2e.test_held_dms_when_here_slack_e2e import WORKER, _removed_at, _runs_after
from tests.integration.test_held_dms_when_here import coming
from tests.support.slack_standin import _RESPONDERS
from tests.support.text import flat


def _refusing_the_held(standin) -> None:
    """chat.postMessage refuses what carries the held removal (channel_not_found, never retried); the rest goes."""
    post = _RESPONDERS["chat.postMessage"]

    def answer(params: dict[str, Any]) -> dict[str, Any]:
        if "removed action" in str(params.get("text", "")):
            return {"ok": False, "error": "channel_not_found"}
        return post(standin, params)
    standin.set_response("chat.postMessage", answer)


def test_a_handed_over_message_slack_refused_is_sent_by_the_next_working_morning_run(
        bot: RunningBot, standin, services: Services) -> None:
    saturday = coming(5, 10)
    _removed_at(bot, standin, services, saturday)
    worker = SlackPerson(bot, standin, WORKER)
    _refusing_the_held(standin)
    with time_machine.travel(saturday + timedelta(minutes=10), tick=False):
        worker.send("type", "any messages for me?")
    standin.set_response("chat.postMessage", lambda params: _RESPONDERS["chat.postMessage"](standin, params))
    assert _runs_after(bot, services, saturday) == 1


def test_a_handed_over_message_slack_took_is_not_sent_again(bot: RunningBot, standin, services: Services) -> None:
    saturday = coming(5, 10)
    _removed_at(bot, standin, services, saturday)
    worker = SlackPerson(bot, standin, WORKER)
    with time_machine.travel(saturday + timedelta(minutes=10), tick=False):
        worker.send("type", "any messages for me?")
    assert _runs_after(bot, services, saturday) == 0


def test_the_worker_is_told_in_the_same_reply_when_the_refused_message_comes(
        bot: RunningBot, standin, services: Services) -> None:
    """fix50b: the refused message was released for 08:00 without a word, so the worker thought that was all."""
    saturday = coming(5, 10)
    _removed_at(bot, standin, services, saturday)
    worker = SlackPerson(bot, standin, WORKER)
    _refusing_the_held(standin)
    with time_machine.travel(saturday + timedelta(minutes=10), tick=False):
        said = [flat(reply.text) for reply in worker.send("type", "any messages for me?")]
    monday = saturday + timedelta(days=2)
    line = ("Slack did not take every message above just now: the ones missing come again at 08:00 on Monday "
            f"{monday.day} {monday:%B}, the start of your working hours.")
    assert said[0] == "While you were away: 1 message was waiting for you."
    assert said[-1] == line
    assert said.count(line) == 1
