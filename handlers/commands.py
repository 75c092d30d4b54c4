"""The `/audit` slash command: acknowledge at once, then let the engine work and reply by DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.core.markup import from_slack

# Typed sub-commands that open a form (a modal) rather than answering in the DM: text -> the engine action that
# returns the form (its submission goes to the form's own action).
FORMS = {"campaign new": "campaign.new_form"}


def register(app: App) -> None:
    app.command("/audit")(handle_audit_command)


def handle_audit_command(ack: Ack, command: dict[str, Any], context: BoltContext) -> None:
    """Replies go to the person's DM with the bot, so they are private and stay in one place."""
    in_dm = command.get("channel_name") == "directmessage"
    ack() if in_dm else ack(text="I've replied in our direct messages.")
    user_id = command.get("user_id")
    if not user_id:
        return
    text = from_slack(command.get("text") or "")
    form = FORMS.get(" ".join(text.lower().split()))
    if form is not None:
        replies = context["engine"].action(user_id, form, "", surface="command")
        replies = context["delivery"].open_forms(command.get("trigger_id"), replies)
    else:
        replies = context["engine"].command(user_id, text, surface="command")
    if not replies:
        return
    context["delivery"].deliver_privately(user_id, replies, channel=command.get("channel_id") if in_dm else None)
