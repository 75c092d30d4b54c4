"""A service of one team is counted as people write it (bot.core.replies.count_of): the head of service's Home said
"across 1 teams". The shipped config cut down to the North team; the clock is pinned to Wednesday 2 December 2026."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def config_dir(config_dir: Path) -> Path:
    """The shipped config with the North team alone."""
    teams = config_dir / "teams.yaml"
    teams.write_text(teams.read_text().split("  - id: south-cin-cp")[0])
    return config_dir


def test_the_whole_service_of_one_team_says_one_team(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        person = services.directory.person("U0ADMIN01")
        [picture] = [r for p in engine.home_providers for r in p(person) if r.title == "Whole service"]
    assert dict(picture.fields)["Audits this month"] == (
        "0 in December (to 2 December) across 1 team; target 2, 2 to go; 1 team behind its target for the whole "
        "month (North Assessment "
        "Team: 0 of 2 for December so far, 2 to go)")
