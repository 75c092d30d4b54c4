"""Signed requests in shapes Slack never sends get a 4xx (or a polite reply), never a 500 or a traceback."""

from __future__ import annotations

import json
import logging
import time
import urllib.parse
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_sdk.signature import SignatureVerifier

from handlers.http_server import shape_problem
from tests.conftest import SIGNING_SECRET, RunningBot
from tests.support.slack_standin import SlackStandIn, dm_channel_for

USER = "U0MGRN001"


def interaction(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "type": "block_actions", "user": {"id": USER}, "team": {"id": "T0TEAM001"}, "api_app_id": "A0APP0001",
        "token": "verification-token-test", "trigger_id": "1.2.3",
        "channel": {"id": dm_channel_for(USER), "name": "directmessage"},
        "container": {"type": "message", "message_ts": "1.2", "channel_id": dm_channel_for(USER)},
        "actions": [{"action_id": "audit.view|0", "block_id": "b", "value": "1", "type": "button", "action_ts": "1"}],
    }
    payload.update(changes)
    return payload


def as_form(payload: dict[str, Any]) -> tuple[bytes, str]:
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded"


def event_with(**changes: Any) -> tuple[bytes, str]:
    envelope: dict[str, Any] = {
        "token": "verification-token-test", "team_id": "T0TEAM001", "api_app_id": "A0APP0001",
        "type": "event_callback", "event_id": "EvMALFORMED1", "event_time": int(time.time()),
        "event": {"type": "message", "channel_type": "im", "channel": dm_channel_for(USER), "user": USER,
                  "text": "help", "ts": "1.1", "event_ts": "1.1"},
    }
    envelope.update(changes)
    return json.dumps(envelope).encode(), "application/json"


VIEW_WITHOUT_TYPE = {"type": "view_submission", "user": {"id": USER}, "team": {"id": "T0TEAM001"},
                     "api_app_id": "A0APP0001", "token": "verification-token-test",
                     "view": {"id": "V1", "callback_id": "help.show", "private_metadata": "",
                              "state": {"values": {}}}}
HELP_COMMAND = urllib.parse.urlencode({"command": "/audit", "text": "help", "user_id": USER,
                                       "channel_id": dm_channel_for(USER), "channel_name": "directmessage"}).encode()

CASES = {
    "non-numeric timestamp": (HELP_COMMAND, "application/x-www-form-urlencoded", "abc"),
    "empty timestamp": (HELP_COMMAND, "application/x-www-form-urlencoded", ""),
    "authorizations is text": (*event_with(authorizations="x"), None),
    "authorizations is a list of text": (*event_with(authorizations=["x"]), None),
    "actions is empty": (*as_form(interaction(actions=[])), None),
    "action without action_id": (*as_form(interaction(actions=[{"value": "1", "type": "button"}])), None),
    "view without type": (*as_form(VIEW_WITHOUT_TYPE), None),
    "5,000-digit button value": (*as_form(interaction(actions=[{"action_id": "audit.view|0", "value": "9" * 5000,
                                                                "type": "button"}])), None),
    "5,000-digit moderation value": (*as_form(interaction(actions=[{"action_id": "audit.moderate_open|0",
                                                                    "value": "7" * 5000, "type": "button"}])), None),
}


def post(bot: RunningBot, body: bytes, content_type: str, timestamp: str | None) -> tuple[int, str]:
    stamp = str(int(time.time())) if timestamp is None else timestamp
    signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=stamp, body=body.decode())
    response = bot.slack.raw(body, content_type, {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature})
    return response.status, response.body


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_signed_requests_get_4xx_or_a_polite_reply_and_no_traceback(
        running_bot: RunningBot, standin: SlackStandIn, caplog, capfd, case: str) -> None:
    caplog.set_level(logging.DEBUG)
    body, content_type, timestamp = CASES[case]
    status, text = post(running_bot, body, content_type, timestamp)
    running_bot.app.listener_runner.listener_executor.shutdown(wait=True)
    assert status < 500, (status, text)
    assert 400 <= status < 500 or status == 200
    logged = "\n".join(record.getMessage() for record in caplog.records)
    captured = capfd.readouterr()
    for output in (text, logged, captured.err, captured.out):
        assert "Traceback" not in output
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], logged
    for call in standin.calls_to("chat.postMessage"):  # any reply is a clear one, not an apology for a crash
        assert "something went wrong" not in call.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(st.text(), st.integers(min_value=0).map(str), st.text(alphabet="0123456789", min_size=1,
                                                                             max_size=6000)))
def test_any_button_value_is_either_refused_up_front_or_a_short_text(value: str) -> None:
    problem = shape_problem(interaction(actions=[{"action_id": "audit.view|0", "value": value, "type": "button"}]))
    assert (problem is None) == (len(value) <= 2000)
