"""The `/audit` slash command: acknowledge at once, then let the engine work and reply by DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.markup import from_slack


def register(app: App) -> None:
    app.command("/audit")(handle_audit_command)


def handle_audit_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    """Replies go to the person's DM with the bot, so they are private and stay in one place."""
    in_dm = command.get("channel_name") == "directmessage"
    ack() if in_dm else ack(text="I've replied in our direct messages.")
    user_id = command.get("user_id")
    if not user_id:
        return
    replies = context["engine"].command(user_id, from_slack(command.get("text") or ""), surface="command")
    context["delivery"].deliver_privately(user_id, replies, channel=command.get("channel_id") if in_dm else None)
