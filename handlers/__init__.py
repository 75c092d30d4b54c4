"""Thin Slack listeners: parse the request, call the engine, render and deliver. No domain logic here."""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, events, home, options, views


def register_listeners(app: App) -> None:
    """Attach every listener module to the app, the way Bolt's starter template does."""
    for module in (commands, events, actions, views, home, options):
        module.register(app)
