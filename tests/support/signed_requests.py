"""Send requests to a Bolt app in HTTP mode the way Slack does: signed, and in Slack's payload shapes.

End-to-end tests then pass through Bolt's real signature check, body parsing and listener routing instead
of calling listener functions directly. Only 127.0.0.1 is allowed as a target.
"""

from __future__ import annotations

import itertools
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any

from slack_sdk.signature import SignatureVerifier

from tests.support.slack_standin import APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID, dm_channel_for

TEAM_DOMAIN = "audit-test"
VERIFICATION_TOKEN = "verification-token-test"
DEFAULT_CHANNEL = "C0CHAN001"
# Port 9 (discard) on loopback: a reply sent to a response_url nobody set up fails at once, never leaves
# the machine.
_NOWHERE = "http://127.0.0.1:9/response_url"
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
# How long a request waits for the bot's answer. Only an answer that never comes waits this long; a slow one
# (with every core busy a form's check alone took over 7 s) is a loaded machine, not a failure.
ANSWER_SECONDS = 60.0


@dataclass(frozen=True)
class SlackResponse:
    """What the app answered: Slack only sees the status, but the body carries ack() payloads."""

    status: int
    body: str
    headers: dict[str, str]
    elapsed: float

    def json(self) -> Any:
        """The ack body as JSON (for ``response_action`` errors or ack(text=...)); an empty ack is None."""
        return json.loads(self.body) if self.body.strip() else None


def plain_text_input(value: str | None) -> dict[str, Any]:
    """A ``plain_text_input`` entry for ``view_submission`` values, as Slack sends it."""
    return {"type": "plain_text_input", "value": value}


def static_select(value: str | None, text: str | None = None) -> dict[str, Any]:
    """A ``static_select`` entry; ``value=None`` is a select left empty."""
    if value is None:
        return {"type": "static_select", "selected_option": None}
    option = {"text": {"type": "plain_text", "text": text or value, "emoji": True}, "value": value}
    return {"type": "static_select", "selected_option": option}


def users_select(user_id: str | None) -> dict[str, Any]:
    """A ``users_select`` entry."""
    return {"type": "users_select", "selected_user": user_id}


def datepicker(date: str | None) -> dict[str, Any]:
    """A ``datepicker`` entry; ``date`` is ``YYYY-MM-DD`` as Slack sends it."""
    return {"type": "datepicker", "selected_date": date}


class SignedSlackClient:
    """Plays Slack's side of HTTP mode against ``{base_url}/slack/events``.

    ``timestamp_offset``, ``bad_signature`` and ``omit_signature`` break the signing on purpose, to show the
    app rejects stale or forged requests; ``variant(...)`` gives a copy with other options.
    """

    def __init__(
        self,
        base_url: str,
        signing_secret: str,
        *,
        path: str = "/slack/events",
        response_url_base: str | None = None,
        timestamp_offset: float = 0,
        bad_signature: bool = False,
        omit_signature: bool = False,
        timeout: float = ANSWER_SECONDS,
    ) -> None:
        host = urllib.parse.urlsplit(base_url).hostname
        if host not in _LOCAL_HOSTS:
            raise ValueError(f"SignedSlackClient only talks to 127.0.0.1, not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.url = self.base_url + path
        self.signing_secret = signing_secret
        self.path = path
        self.response_url_base = (response_url_base or _NOWHERE).rstrip("/")
        self.timestamp_offset = timestamp_offset
        self.bad_signature = bad_signature
        self.omit_signature = omit_signature
        self.timeout = timeout
        self._serial = itertools.count(1)

    def variant(self, **options: Any) -> SignedSlackClient:
        """A copy with some options changed, e.g. ``client.variant(timestamp_offset=-400)``."""
        settings: dict[str, Any] = {
            "path": self.path,
            "response_url_base": self.response_url_base,
            "timestamp_offset": self.timestamp_offset,
            "bad_signature": self.bad_signature,
            "omit_signature": self.omit_signature,
            "timeout": self.timeout,
        }
        settings.update(options)
        return SignedSlackClient(self.base_url, self.signing_secret, **settings)

    # -- signing and sending -------------------------------------------------------------------------

    def signed_headers(self, body: bytes, timestamp: int | None = None) -> dict[str, str]:
        """The X-Slack-* headers for a body, honouring the options that break signing."""
        stamp = str(int(time.time() + self.timestamp_offset) if timestamp is None else timestamp)
        secret = self.signing_secret + "-forged" if self.bad_signature else self.signing_secret
        headers = {"X-Slack-Request-Timestamp": stamp}
        if not self.omit_signature:
            signature = SignatureVerifier(secret).generate_signature(
                timestamp=stamp, body=body.decode("utf-8")
            )
            headers["X-Slack-Signature"] = str(signature)
        return headers

    def raw(self, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> SlackResponse:
        """Send any body, signed; ``headers`` are added last so a test can override the signature."""
        all_headers = {
            "Content-Type": content_type,
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
            **self.signed_headers(body),
            **(headers or {}),
        }
        request = urllib.request.Request(self.url, data=body, headers=all_headers, method="POST")
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                text = response.read().decode("utf-8", errors="replace")
                return SlackResponse(
                    response.status, text, dict(response.headers.items()), time.perf_counter() - started
                )
        except urllib.error.HTTPError as error:
            with error:
                text = error.read().decode("utf-8", errors="replace")
                return SlackResponse(
                    error.code, text, dict(error.headers.items()), time.perf_counter() - started
                )

    def _form(self, fields: dict[str, str], headers: dict[str, str] | None = None) -> SlackResponse:
        body = urllib.parse.urlencode(fields).encode("utf-8")
        return self.raw(body, "application/x-www-form-urlencoded", headers)

    def _interaction(self, payload: dict[str, Any]) -> SlackResponse:
        return self._form({"payload": json.dumps(payload)})

    # -- ids -----------------------------------------------------------------------------------------

    def new_trigger_id(self) -> str:
        """A unique trigger_id in Slack's shape."""
        return f"{int(time.time())}.{next(self._serial):012d}.{uuid.uuid4().hex[:32]}"

    def new_ts(self) -> str:
        """A unique message ts for messages Slack would have stamped."""
        return f"{int(time.time())}.{next(self._serial):06d}"

    def response_url(self, channel_id: str, user_id: str) -> str:
        """Where the app's ``respond()`` goes: the stand-in records these by channel and user."""
        return f"{self.response_url_base}/{channel_id}/{user_id}/{next(self._serial)}"

    # -- slash commands ------------------------------------------------------------------------------

    def command(
        self,
        user_id: str,
        text: str,
        command: str = "/audit",
        channel_id: str | None = None,
        team_id: str = TEAM_ID,
        trigger_id: str | None = None,
    ) -> SlackResponse:
        """A slash command, as form fields; by default typed in the person's DM with the bot."""
        channel_id = channel_id or dm_channel_for(user_id)
        fields = {
            "token": VERIFICATION_TOKEN,
            "team_id": team_id,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel_id,
            "channel_name": "directmessage" if channel_id.startswith("D") else "audit-practice",
            "user_id": user_id,
            "user_name": f"staff.{user_id.lower()}",
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": self.response_url(channel_id, user_id),
            "trigger_id": trigger_id or self.new_trigger_id(),
        }
        return self._form(fields)

    # -- events --------------------------------------------------------------------------------------

    def event(
        self,
        event: dict[str, Any],
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        event_time: int | None = None,
    ) -> SlackResponse:
        """An Events API ``event_callback``; the same ``event_id`` with ``retry_num`` replays a retry."""
        envelope = {
            "token": VERIFICATION_TOKEN,
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": event_time if event_time is not None else int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER_ID,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": f"4-{uuid.uuid4().hex}",
        }
        headers: dict[str, str] = {}
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
        if retry_reason is not None:
            headers["X-Slack-Retry-Reason"] = retry_reason
        body = json.dumps(envelope).encode("utf-8")
        return self.raw(body, "application/json", headers)

    def message_im(
        self,
        user_id: str,
        text: str,
        channel: str | None = None,
        ts: str | None = None,
        thread_ts: str | None = None,
        **envelope: Any,
    ) -> SlackResponse:
        """A person's direct message to the bot (``message.im``)."""
        ts = ts or self.new_ts()
        event: dict[str, Any] = {
            "type": "message",
            "channel_type": "im",
            "channel": channel or dm_channel_for(user_id),
            "user": user_id,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "team": TEAM_ID,
            "client_msg_id": str(uuid.uuid4()),
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.event(event, **envelope)

    def app_mention(
        self,
        user_id: str,
        text: str,
        channel: str = DEFAULT_CHANNEL,
        ts: str | None = None,
        thread_ts: str | None = None,
        **envelope: Any,
    ) -> SlackResponse:
        """An @-mention of the bot in a channel; ``text`` is sent as given (include ``<@U0BOT0001>``)."""
        ts = ts or self.new_ts()
        event: dict[str, Any] = {
            "type": "app_mention",
            "user": user_id,
            "text": text,
            "ts": ts,
            "channel": channel,
            "event_ts": ts,
            "team": TEAM_ID,
            "client_msg_id": str(uuid.uuid4()),
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.event(event, **envelope)

    def app_home_opened(self, user_id: str, tab: str = "home", **envelope: Any) -> SlackResponse:
        """The person opened the bot's Home (or Messages) tab."""
        event = {
            "type": "app_home_opened",
            "user": user_id,
            "channel": dm_channel_for(user_id),
            "tab": tab,
            "event_ts": self.new_ts(),
        }
        return self.event(event, **envelope)

    # -- interactions --------------------------------------------------------------------------------

    def block_actions(
        self,
        user_id: str,
        action: dict[str, Any],
        *,
        channel_id: str | None = None,
        message_ts: str | None = None,
        message_text: str = "",
        container: dict[str, Any] | None = None,
        trigger_id: str | None = None,
        view: dict[str, Any] | None = None,
        state_values: dict[str, Any] | None = None,
    ) -> SlackResponse:
        """A ``block_actions`` payload for one action; a ``view`` makes it a click in a modal or Home tab."""
        action = {"action_ts": self.new_ts(), **action}
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": _user(user_id),
            "api_app_id": APP_ID,
            "token": VERIFICATION_TOKEN,
            "trigger_id": trigger_id or self.new_trigger_id(),
            "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
            "enterprise": None,
            "is_enterprise_install": False,
            "state": {"values": state_values or {}},
            "actions": [action],
        }
        if view is not None:
            view_id = view.get("id") or "V0VIEW0001"
            payload["view"] = {
                "id": view_id,
                "type": "modal",
                "state": {"values": state_values or {}},
                **view,
            }
            payload["container"] = container or {"type": "view", "view_id": view_id}
            return self._interaction(payload)
        channel_id = channel_id or dm_channel_for(user_id)
        message_ts = message_ts or self.new_ts()
        payload["container"] = container or {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel_id,
            "is_ephemeral": False,
        }
        payload["channel"] = {"id": channel_id, "name": "directmessage" if channel_id[:1] == "D" else "audit"}
        payload["message"] = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "ts": message_ts,
            "text": message_text,
            "blocks": [],
        }
        payload["response_url"] = self.response_url(channel_id, user_id)
        return self._interaction(payload)

    def block_action(
        self, user_id: str, action_id: str, value: str, block_id: str = "b", **context: Any
    ) -> SlackResponse:
        """A button click; ``context`` takes the keyword options of ``block_actions``."""
        action = {"action_id": action_id, "block_id": block_id, "value": value, "type": "button"}
        return self.block_actions(user_id, action, **context)

    def static_select_action(
        self,
        user_id: str,
        action_id: str,
        selected_value: str,
        selected_text: str | None = None,
        block_id: str = "b",
        **context: Any,
    ) -> SlackResponse:
        """An option picked from a static select in a message or view."""
        chosen = static_select(selected_value, selected_text)
        action = {"action_id": action_id, "block_id": block_id, **chosen}
        return self.block_actions(user_id, action, **context)

    def users_select_action(
        self, user_id: str, action_id: str, selected_user: str, block_id: str = "b", **context: Any
    ) -> SlackResponse:
        """A person picked from a users select."""
        action = {"action_id": action_id, "block_id": block_id, **users_select(selected_user)}
        return self.block_actions(user_id, action, **context)

    def view_submission(
        self,
        user_id: str,
        callback_id: str,
        values: dict[str, dict[str, dict[str, Any]]],
        private_metadata: str = "",
        view_id: str | None = None,
        external_id: str = "",
    ) -> SlackResponse:
        """A modal's Submit; ``values`` is ``state.values`` in Slack's shape and is sent as given."""
        view_id = view_id or f"V0{uuid.uuid4().hex[:9].upper()}"
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
            "user": _user(user_id),
            "api_app_id": APP_ID,
            "token": VERIFICATION_TOKEN,
            "trigger_id": self.new_trigger_id(),
            "view": {
                "id": view_id,
                "team_id": TEAM_ID,
                "type": "modal",
                "blocks": [],
                "private_metadata": private_metadata,
                "callback_id": callback_id,
                "state": {"values": values},
                "hash": f"{int(time.time())}.{uuid.uuid4().hex[:8]}",
                "title": {"type": "plain_text", "text": "Audit"},
                "clear_on_close": False,
                "notify_on_close": False,
                "close": None,
                "submit": {"type": "plain_text", "text": "Submit"},
                "previous_view_id": None,
                "root_view_id": view_id,
                "app_id": APP_ID,
                "external_id": external_id,
                "app_installed_team_id": TEAM_ID,
                "bot_id": BOT_ID,
            },
            "response_urls": [],
            "is_enterprise_install": False,
            "enterprise": None,
        }
        return self._interaction(payload)


    def block_suggestion(self, user_id: str, action_id: str, value: str, block_id: str = "b",
                         view: dict[str, Any] | None = None) -> SlackResponse:
        """What Slack sends while a person types in an external_select: the app answers with options."""
        view_id = (view or {}).get("id") or "V0VIEW0001"
        payload = {
            "type": "block_suggestion",
            "user": _user(user_id),
            "container": {"type": "view", "view_id": view_id},
            "api_app_id": APP_ID,
            "token": VERIFICATION_TOKEN,
            "action_id": action_id,
            "block_id": block_id,
            "value": value,
            "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
            "enterprise": None,
            "is_enterprise_install": False,
            "view": {"id": view_id, "type": "modal", "state": {"values": {}}, "callback_id": "",
                     "private_metadata": "", **(view or {})},
        }
        return self._interaction(payload)


def _user(user_id: str) -> dict[str, str]:
    name = f"staff.{user_id.lower()}"
    return {"id": user_id, "username": name, "name": name, "team_id": TEAM_ID}


__all__ = [
    "SignedSlackClient",
    "SlackResponse",
    "datepicker",
    "plain_text_input",
    "static_select",
    "users_select",
]
