"""The App Home page as replies: what this person should see first when they open the bot."""

from __future__ import annotations

import re

from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn, unknown_user_reply

HomeSection = Reply


def home_sections(engine: Engine, services: Services, user_id: str) -> list[HomeSection]:
    """Sections of the Home tab, top to bottom; features add theirs to the engine (`Engine.add_home_section`)."""
    person = services.directory.person(user_id)
    if person is None:
        return [unknown_user_reply(user_id)]
    shortcuts = [
        Choice(label, action, style="primary" if action == "audit.start" else None)
        for label, action in (("Start an audit", "audit.start"), ("Ask a question", "kb.prompt"),
                              ("Help", "help.show"))
        if action in engine.actions
    ]
    local = services.local_now()
    sections = [
        Reply(
            title="audit-bot",
            text=f"Hello, {person.name}. Case audits, practice questions and your team's audit picture.",
            choices=tuple(shortcuts),
            note=f"Updated {local:%A %d %B %Y, %H:%M} ({services.settings.timezone.key})",
        )
    ]
    for provider in engine.home_providers:
        sections += provider(person)
    return sections


HOME_WORDS = re.compile(r"^\s*(?:home|my home|home tab|dashboard)\s*$", re.IGNORECASE)


def install(engine: Engine, services: Services) -> None:
    """Register `/audit home` and the typed word `home`: the Home tab's sections as messages, so the terminal chat
    (which has no Home tab) and anyone in Slack can see their audit picture in the conversation."""

    def show(turn: Turn, _text: str) -> list[HomeSection]:
        return home_sections(engine, services, turn.user_id)

    engine.add_command("home", show, "your Home tab here: your drafts, actions and your teams' audit picture",
                       typed="")

    def on_text(turn: Turn, text: str) -> list[HomeSection] | None:
        return show(turn, text) if HOME_WORDS.match(text) else None

    engine.add_message_handler(on_text, priority=26)  # after an audit or a moderation waiting for typed text
