"""A manager exporting two teams where one is refused (user trial 46, F14): `/audit export north south` said "You may
not export the audits of south-cin-cp … Nothing was exported." and stopped. Now it offers the next step: the command
for the teams typed that they may export, with the start day they typed."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.engine.routing import Engine
from tests.support.text import flat

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Monday, in working hours
NORTH_MANAGER = "U0MGRN001"


@pytest.mark.parametrize(("typed", "offered"), [
    ("/audit export north south since 1/9/2026", "/audit export north since 1/9/2026"),
    ("/audit export north and south", "/audit export north"),
    ("/audit export since 1/9/2026 south, north", "/audit export north since 1/9/2026"),
])
def test_a_team_refused_offers_the_export_of_the_teams_allowed(engine: Engine, typed: str, offered: str) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.command(NORTH_MANAGER, typed.removeprefix("/audit "), surface="terminal")
    said = flat("\n".join(reply.text for reply in replies), "`")
    assert "You may not export the audits of south-cin-cp" in said
    assert f"Nothing was exported. To export North Assessment Team alone: {offered}" in said, said
    assert not any(reply.file is not None for reply in replies)


def test_only_teams_refused_offers_the_teams_they_may_export(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.command(NORTH_MANAGER, "export south", surface="terminal")
    said = flat("\n".join(reply.text for reply in replies), "`")
    assert "Nothing was exported. To export North Assessment Team: /audit export north" in said, said
