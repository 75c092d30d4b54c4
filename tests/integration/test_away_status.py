"""`/audit away` on its own, and Home, say whether you are away, until when and who covers (user trial 9, finding
14: `away` alone gave only the usage, and nothing showed that reminders were paused)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine

LONDON = ZoneInfo("Europe/London")
LEAD = "U0QALEAD1"
AWAY = ("Away until Thursday 24 December 2026: your reminders are paused, and QA lead (children in care) gets your "
        "moderation requests meanwhile.")


def _away_section(engine: Engine, services: Services) -> list[str]:
    return [s.text for s in home_sections(engine, services, LEAD) if s.title == "Away"]


def test_away_alone_says_you_are_not_away_and_how_to_be(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 16, 10, tzinfo=LONDON), tick=False):
        [said] = engine.command(LEAD, "away", surface="terminal")
        assert _away_section(engine, services) == []
    assert said.kind != "error"
    assert said.text.startswith("You are not marked away: your reminders come as usual. To pause them, type "
                                "`/audit away until 06/01/2027`")


def test_away_alone_and_home_say_until_when_and_who_covers(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 16, 10, tzinfo=LONDON), tick=False):
        engine.command(LEAD, "away until 24/12 cover U0QALEAD2", surface="terminal")
        [said] = engine.command(LEAD, "away", surface="terminal")
        home = _away_section(engine, services)
    assert said.text.startswith(AWAY) and "`/audit away off` turns them back on" in said.text
    assert [text.startswith(AWAY) for text in home] == [True]
    with time_machine.travel(datetime(2026, 12, 29, 10, tzinfo=LONDON), tick=False):  # back after the date
        [back] = engine.command(LEAD, "away", surface="terminal")
        assert _away_section(engine, services) == []
    assert back.text.startswith("You are not marked away")


def test_away_without_a_cover_says_nobody_covers_a_moderator(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 16, 10, tzinfo=LONDON), tick=False):
        for user in (LEAD, "U0PRAN001"):
            engine.command(user, "away until 24/12", surface="terminal")
        [lead] = engine.command(LEAD, "away", surface="terminal")
        [practitioner] = engine.command("U0PRAN001", "away", surface="terminal")
    assert lead.text.startswith("Away until Thursday 24 December 2026: your reminders are paused, and nobody covers "
                                "your moderation requests.")
    assert practitioner.text.startswith("Away until Thursday 24 December 2026: your reminders are paused. ")
