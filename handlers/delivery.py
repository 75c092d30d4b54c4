"""Send the engine's replies through the Slack Web API: DMs, channels, threads and images."""

from __future__ import annotations

import logging
import threading

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.blocks import render_message
from bot.replies import Reply

log = logging.getLogger("audit_bot.delivery")


class SlackDelivery:
    """Knows how to reach a person's DM (cached) and posts each reply where it belongs."""

    def __init__(self, client: WebClient) -> None:
        self.client = client
        self._dm_channels: dict[str, str] = {}
        self._lock = threading.Lock()

    def dm_channel(self, user_id: str) -> str:
        """The DM channel with a person, opened once with conversations.open and then remembered."""
        with self._lock:
            cached = self._dm_channels.get(user_id)
        if cached:
            return cached
        response = self.client.conversations_open(users=user_id)
        channel_id = str(response["channel"]["id"])
        with self._lock:
            self._dm_channels[user_id] = channel_id
        return channel_id

    def deliver(
        self,
        requester: str,
        replies: list[Reply],
        channel: str | None = None,
        thread_ts: str | None = None,
    ) -> int:
        """Post every reply; returns how many could not be delivered (logged without their text)."""
        failures = 0
        for reply in replies:
            try:
                self._post(requester, reply, channel, thread_ts)
            except SlackApiError as exc:
                failures += 1
                log.warning("could not deliver a reply: %s", exc.response.get("error", "unknown"))
        return failures

    def _post(self, requester: str, reply: Reply, channel: str | None, thread_ts: str | None) -> None:
        if reply.to_channel:
            target, thread = reply.to_channel, None
        elif reply.to_user:
            target, thread = self.dm_channel(reply.to_user), None
        else:
            target, thread = (channel or self.dm_channel(requester)), thread_ts
        if reply.image is not None:
            self.client.files_upload_v2(
                channel=target,
                content=reply.image,
                filename=reply.image_name or "chart.png",
                title=reply.title or reply.image_name or "chart",
                initial_comment=reply.text,
            )
            return
        self.client.chat_postMessage(channel=target, thread_ts=thread, **render_message(reply))
