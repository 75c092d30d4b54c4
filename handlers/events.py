"""Events: direct messages to the bot and @mentions in channels (answered in the thread)."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import App, BoltContext

from bot.core.markup import from_slack
from bot.settings.people import SLACK_USER_ID

MENTION = re.compile(rf"<@{SLACK_USER_ID}(\|[^>]*)?>")


def register(app: App) -> None:
    app.event("app_mention")(handle_mention)
    app.event({"type": "message", "channel_type": "im"})(handle_direct_message)
    app.event("message")(ignore_other_messages)


def handle_direct_message(event: dict[str, Any], context: BoltContext) -> None:
    """A DM is a conversation turn: a typed answer, a shortcut or a question."""
    if event.get("bot_id") or event.get("subtype") or not event.get("user"):
        return  # the bot's own posts, edits and joins are not turns
    user_id = event["user"]
    replies = context["engine"].message(user_id, from_slack(event.get("text") or ""), surface="dm")
    context["delivery"].deliver(user_id, replies, channel=event.get("channel"))


def handle_mention(event: dict[str, Any], context: BoltContext) -> None:
    """In a channel the bot answers in the thread, and the engine knows the place is not private."""
    if event.get("bot_id") or not event.get("user"):
        return
    user_id = event["user"]
    text = from_slack(MENTION.sub("", event.get("text") or "")).strip()
    replies = context["engine"].message(user_id, text, surface="channel")
    thread = event.get("thread_ts") or event.get("ts")
    context["delivery"].deliver(user_id, replies, channel=event.get("channel"), thread_ts=thread)


def ignore_other_messages() -> None:
    """Channel messages the bot is not mentioned in are none of its business."""
