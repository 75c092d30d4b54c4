"""Searchable menus (Slack's external_select): what to offer for what the person has typed so far."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext

from handlers.blocks import option

MAX_OPTIONS = 100  # Slack shows at most 100 options


def register(app: App) -> None:
    app.options(re.compile(r".+"))(handle_options)


def handle_options(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """Answer at once with the engine's options; the engine checks the person may see them."""
    user_id = (body.get("user") or {}).get("id")
    name = str(body.get("action_id") or "")
    found = context["engine"].options(user_id, name, str(body.get("value") or "")) if user_id else []
    ack(options=[option(label, value) for label, value in found[:MAX_OPTIONS]])
