"""A bad app token or an unreachable Slack ends Socket Mode with one line saying what to check, not a traceback."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.errors import UserError
from handlers import app as slack_app


class Refusing:
    def __init__(self, app: object, token: str) -> None:
        self.token = token

    def start(self) -> None:
        response = SlackResponse(client=None, http_verb="POST", api_url="apps.connections.open", req_args={},
                                 data={"ok": False, "error": "invalid_auth"}, headers={}, status_code=200)
        raise SlackApiError("The request to the Slack API failed.", response)


class Unreachable(Refusing):
    def start(self) -> None:
        raise ConnectionRefusedError("no route")


@pytest.mark.parametrize(("handler", "says"), [(Refusing, "invalid_auth"), (Unreachable, "could not reach Slack")])
def test_socket_mode_failures_are_one_clear_line(monkeypatch: pytest.MonkeyPatch, handler: type, says: str) -> None:
    import slack_bolt.adapter.socket_mode as socket_mode

    monkeypatch.setattr(socket_mode, "SocketModeHandler", handler)
    with pytest.raises(UserError) as raised:
        slack_app.run_socket_mode(object(), "xapp-not-a-real-token")  # type: ignore[arg-type]
    message = str(raised.value)
    assert says in message and "\n" not in message and "xapp-not-a-real-token" not in message
