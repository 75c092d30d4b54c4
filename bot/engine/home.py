"""The App Home page as replies: what this person should see first when they open the bot."""

from __future__ import annotations

import re

from bot.core import policy
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn, unknown_user_reply
from bot.settings.people import Person
from knowledge.dates import long_date

HomeSection = Reply


def _picture(services: Services, person: Person) -> str:
    """Whose audit picture the Home shows: the whole service's for QA leads and admins (they are in no team, and a
    trial read "your team's" on theirs), the teams a manager manages, or a practitioner's own audits and actions."""
    if policy.sees_every_team(person):
        return "the whole service's audit picture"
    managed = services.directory.managed_team_ids(person.user_id)
    if managed:
        return "your teams' audit picture" if len(managed) > 1 else "your team's audit picture"
    return "your own audits and actions"


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
            text=f"Hello, {person.name}. Case audits, practice questions and {_picture(services, person)}.",
            choices=tuple(shortcuts),
            note=f"Updated {long_date(local.date())}, {local:%H:%M} ({services.settings.timezone.key})",
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
