"""The App Home tab: rebuilt for the person each time they open it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from handlers.blocks import reply_blocks

MAX_HOME_BLOCKS = 100


def register(app: App) -> None:
    app.event("app_home_opened")(handle_home_opened)


def handle_home_opened(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """Publish the person's own audit picture; the engine decides what their role may see."""
    user_id = event.get("user")
    if event.get("tab", "home") != "home" or not user_id:
        return
    blocks: list[dict[str, Any]] = []
    for reply in context["home"](user_id):
        blocks += [*reply_blocks(reply), {"type": "divider"}]
    client.views_publish(user_id=user_id, view={"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]})
