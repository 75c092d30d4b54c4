"""Trial 63 (F4): with a second manager added to South, `whoami` told her "your manager is Team manager (South)" (a
fellow manager of her team) and Home's *Your workers* listed him beside the practitioners. A co-manager is a
colleague: whoami says whom she manages the team with, and *Your workers* lists the practitioners only. Through the
chat engine, on a teams.yaml with two South managers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import load_settings
from tests.support.teams_changes import add_south_manager
from tests.support.text import flat

MONDAY = datetime(2026, 12, 14, 10, 0, tzinfo=ZoneInfo("Europe/London"))
NEW_TM, SOUTH_TM, S1, NORTH_TM = "U0MGRS002", "U0MGRS001", "U0PRAS001", "U0MGRN001"


@pytest.fixture
def bot(environ: dict[str, str], config_dir: Path) -> Iterator[tuple[Services, Engine]]:
    add_south_manager(config_dir)
    with time_machine.travel(MONDAY, tick=False):
        services = build_services(load_settings(environ))
        try:
            yield services, build_engine(services)
        finally:
            services.storage.close()


def said(engine: Engine, user: str, text: str, command: bool = False) -> str:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.command(user, text) if command else engine.message(user, text, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies)).replace("*", "")


def test_whoami_names_a_fellow_manager_as_a_colleague_not_as_her_manager(bot) -> None:
    _, engine = bot
    new = said(engine, NEW_TM, "whoami")
    assert "you manage it with Team manager (South)" in new and "your manager" not in new
    assert "you manage it with Team manager Priya (South)" in said(engine, SOUTH_TM, "whoami")
    assert "your managers are Team manager (South) and Team manager Priya (South)" in said(engine, S1, "whoami")
    north = said(engine, NORTH_TM, "whoami")
    assert "you manage" not in north and "your manager" not in north  # North's only manager: as before


def test_your_workers_on_home_lists_practitioners_not_the_fellow_manager(bot) -> None:
    _, engine = bot
    home = said(engine, NEW_TM, "home", command=True)
    workers = home[home.index("Your workers"):]
    assert "Social worker S1: 0 open actions" in workers
    assert "Team manager (South)" not in workers
    assert "Team manager Priya (South)" not in said(engine, SOUTH_TM, "home", command=True).split("Your workers")[1]
