"""Send the engine's replies through the Slack Web API: DMs, channels, threads, images and files."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.markup import to_slack
from bot.core.replies import Receipt, Reply
from bot.core.services import Services
from bot.oversight import undelivered
from handlers.blocks import render_form, render_message, render_modal

log = logging.getLogger("audit_bot.delivery")
POINTER_TO_DM = "I've replied in our direct messages."


class SlackDelivery:
    """Knows how to reach a person's DM (cached) and posts each reply where it belongs."""

    def __init__(self, client: WebClient, services: Services | None = None) -> None:
        self.client = client
        self.services = services  # with it, failed messages are remembered and the person told later
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
        """Post every reply; returns how many could not be delivered (logged without their text).

        The slack-sdk retry handlers have already retried 5xx, 429 and dropped connections by the time an
        error reaches here, so a failure is remembered and the person is told once the bot reaches them.
        """
        self._tell_undelivered(requester)
        self._tell_admin(requester)
        failures = 0
        receipts: dict[int, tuple[Receipt, list[str], bool]] = {}
        for reply in replies:
            sent = self._posted(requester, reply, channel, thread_ts)
            failures += not sent
            if reply.receipt is not None:
                _receipt, arrived, ok = receipts.get(id(reply.receipt), (reply.receipt, [], True))
                arrived += [reply.file_name or "file"] if sent else []
                receipts[id(reply.receipt)] = (reply.receipt, arrived, ok and sent)
        for receipt, arrived, ok in receipts.values():
            failures += self._settle(requester, receipt, arrived, ok, channel, thread_ts)
        return failures

    def _posted(self, requester: str, reply: Reply, channel: str | None, thread_ts: str | None) -> bool:
        """Post one reply; a failure is logged without its text and remembered, unless a receipt will tell the
        person at once (an export's files)."""
        try:
            self._post(requester, reply, channel, thread_ts)
        except (SlackApiError, OSError) as exc:
            reason = exc.response.get("error", "unknown") if isinstance(exc, SlackApiError) else type(exc).__name__
            log.warning("could not deliver a reply: %s", reason)
            if reply.receipt is None:
                self._remember_undelivered(requester, reply)
            return False
        return True

    def _settle(self, requester: str, receipt: Receipt, arrived: list[str], ok: bool, channel: str | None,
                thread_ts: str | None) -> int:
        """Once a receipt's files are all posted, it is told so (the export's trail is written then); if any was
        refused, it words what the person is told, posted now; returns how many of those could not be posted."""
        if ok:
            receipt.delivered()
            return 0
        return sum(not self._posted(requester, told, channel, thread_ts) for told in receipt.failed(arrived))

    def deliver_privately(self, requester: str, replies: list[Reply], channel: str | None = None) -> int:
        """Answer what a person did (a button, a form, a slash command) where only they can read it.

        A button or command can be used in a shared channel, and the answer may hold a case reference or a
        whole audit. The one rule for every interaction: the answer goes to the person's DM with the bot; the
        channel it came from is used only when it *is* that DM. Elsewhere they get a pointer only they can see.
        """
        private = self._is_dm_of(requester, channel)
        failures = self.deliver(requester, replies, channel=channel if private else None)
        if channel and not private and replies:
            self._point_to_dm(requester, channel)
        return failures

    def open_forms(self, trigger_id: str | None, replies: list[Reply]) -> list[Reply]:
        """Open the form a reply carries, or a reply to read in a modal (`Reply.modal`), as a modal (Slack allows one
        per trigger); the replies left to post are returned. One that cannot be opened is posted as a message (a
        form's text says what to type instead)."""
        left: list[Reply] = []
        opened = False
        for reply in replies:
            if reply.form is None and reply.modal is None:
                left.append(reply)
                continue
            if not opened and trigger_id:
                try:
                    self.client.views_open(trigger_id=trigger_id, view=render_form(reply.form) if reply.form
                                           else render_modal(reply))
                    opened = True
                    continue
                except (SlackApiError, OSError) as exc:
                    reason = exc.response.get("error", "unknown") if isinstance(exc, SlackApiError) \
                        else type(exc).__name__
                    log.warning("could not open a form: %s", reason)
            left.append(reply)
        return left

    def _is_dm_of(self, requester: str, channel: str | None) -> bool:
        """Slack's direct-message channel ids start with D, and a person sees no one else's DM with the bot,
        so a D channel they pressed a button in is theirs. Anything else (channels, group DMs) is shared."""
        if not channel:
            return False
        with self._lock:
            known = self._dm_channels.get(requester)
        return channel == known or channel.startswith("D")

    def _point_to_dm(self, requester: str, channel: str) -> None:
        try:
            self.client.chat_postEphemeral(channel=channel, user=requester, text=POINTER_TO_DM)
        except (SlackApiError, OSError):
            log.info("could not leave an ephemeral pointer to the DM; the answer is in the DM anyway")

    def _remember_undelivered(self, requester: str, reply: Reply) -> None:
        if self.services is None:
            return
        undelivered.remember(self.services, requester, reply)

    def _tell_undelivered(self, user_id: str) -> None:
        """Tell the person, once and in their DM, about messages that never reached them."""
        if self.services is not None:
            self._post_notice(user_id, undelivered.take_notice(self.services, user_id), undelivered.give_back,
                              "an undelivered-message notice")

    def _tell_admin(self, user_id: str) -> None:
        """An admin gets one summary of messages Slack refused (for anyone) since an admin was last told."""
        if self.services is not None and user_id:
            self._post_notice(user_id, undelivered.take_admin_notice(self.services, user_id),
                              undelivered.give_back_admin, "the admin's undelivered-message summary")

    def _post_notice(self, user_id: str, taken: tuple[Reply, list[int]] | None,
                     give_back: Callable[[Services, list[int]], None], what: str) -> None:
        """Post a notice taken from the undelivered list; if Slack refuses it too, put it back for next time."""
        if taken is None or self.services is None:
            return
        notice, ids = taken
        try:
            self.client.chat_postMessage(channel=self.dm_channel(user_id), **render_message(notice))
        except (SlackApiError, OSError):
            give_back(self.services, ids)
            log.warning("could not deliver %s either; keeping it for next time", what)

    def _post(self, requester: str, reply: Reply, channel: str | None, thread_ts: str | None) -> None:
        if reply.to_channel:
            target, thread = reply.to_channel, None
        elif reply.to_user:
            target, thread = self.dm_channel(reply.to_user), None
        else:
            target, thread = (channel or self.dm_channel(requester)), thread_ts
        if reply.image is not None or reply.file is not None:
            name = (reply.image_name or "chart.png") if reply.image is not None else (reply.file_name or "file")
            self.client.files_upload_v2(
                channel=target,
                content=reply.image if reply.image is not None else reply.file,
                filename=name,
                title=reply.title or name,
                initial_comment=to_slack(reply.text),
            )
            return
        self.client.chat_postMessage(channel=target, thread_ts=thread, **render_message(reply))
