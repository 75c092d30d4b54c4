"""Buttons and menus: every interactive element maps to an engine action by its action id."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from handlers.blocks import action_name


def register(app: App) -> None:
    app.action(re.compile(r".+"))(handle_action)


def selected_value(action: dict[str, Any]) -> str:
    """The value of whatever was pressed or picked, whichever kind of element it was."""
    if "value" in action:
        return str(action["value"])
    if action.get("selected_option"):
        return str(action["selected_option"].get("value", ""))
    if "selected_user" in action:
        return str(action["selected_user"] or "")
    if "selected_date" in action:
        return str(action["selected_date"] or "")
    return ""


def handle_action(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """Acknowledge first; the engine re-checks the person's rights, since buttons can be copied."""
    ack()
    actions = body.get("actions") or []
    user_id = (body.get("user") or {}).get("id")
    if not actions or not user_id:
        return
    action = actions[0]
    channel = (body.get("channel") or {}).get("id")
    # Wherever it was pressed, the answer is delivered privately (see SlackDelivery.deliver_privately).
    surface = "home" if (body.get("view") or {}).get("type") == "home" else ("dm" if channel else "home")
    replies = context["engine"].action(user_id, action_name(action.get("action_id", "")),
                                       selected_value(action), surface=surface)
    replies = context["delivery"].open_forms(body.get("trigger_id"), replies)
    context["delivery"].deliver_privately(user_id, replies, channel=channel)
