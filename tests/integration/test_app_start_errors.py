"""Starting in HTTP mode with a bad bot token or no way to reach Slack ends in one clear line, not a traceback."""

from __future__ import annotations

import socket

import pytest
from slack_sdk import WebClient

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from handlers.app import create_app


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe closes


def test_an_unreachable_slack_at_start_is_one_line(services: Services, engine: Engine) -> None:
    client = WebClient(token="xoxb-not-a-real-token", base_url=f"http://127.0.0.1:{_closed_port()}/api/")
    with pytest.raises(UserError) as raised:
        create_app(services, engine, client=client, signing_secret="secret")
    message = str(raised.value)
    assert "could not reach Slack" in message and "\n" not in message and "xoxb-not-a-real-token" not in message


def test_a_refused_bot_token_at_start_names_the_setting_to_fix(services: Services, engine: Engine, standin) -> None:
    standin.set_response("auth.test", {"ok": False, "error": "invalid_auth"})
    client = WebClient(token="xoxb-not-a-real-token", base_url=standin.base_url)
    with pytest.raises(UserError) as raised:
        create_app(services, engine, client=client, signing_secret="secret")
    message = str(raised.value)
    assert "SLACK_BOT_TOKEN" in message and "invalid_auth" in message and "xoxb-not-a-real-token" not in message
