"""A manager of several teams sees their teams side by side, with a total (trial 22: a service manager in charge of
two teams got two separate digests and no total, and `digest service` was "There is no team service", naming teams
they could not read)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.periods import PERIODS_SAID
from bot.engine.routing import Engine

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2026, 12, 4, 10, 0, tzinfo=LONDON)
SERVICE_MANAGER, NORTH, QA = "U0SVCM001", "U0MGRN001", "U0QALEAD1"


@pytest.fixture
def service_manager(config_dir: Path) -> None:
    teams = config_dir / "teams.yaml"
    out = []
    for line in teams.read_text().splitlines(keepends=True):
        out.append(line)
        if "{user: U0MGRN001" in line or "{user: U0MGRS001" in line:
            out.append("      - {user: U0SVCM001, name: Service manager, role: manager}\n")
    teams.write_text("".join(out))


def digest(engine: Engine, user: str, args: str = "") -> list:
    with time_machine.travel(FRIDAY, tick=False):
        return engine.command(user, f"digest {args}".strip(), surface="terminal")


def test_a_manager_of_two_teams_gets_their_teams_side_by_side_then_each_team(service_manager: None,
                                                                             engine: Engine) -> None:
    replies = digest(engine, SERVICE_MANAGER)
    titles = [r.title for r in replies if r.title]
    assert titles[0] == "Audit digest for your teams: week 48, 23 Nov to 29 Nov 2026"
    together = replies[0].text
    assert "• **North Assessment Team**" in together and "• **South Child in Need and Protection**" in together
    assert "Children in Care" not in together
    assert "\n**Your teams**: 0 audits in week 48" in together  # trial 32: a finished week by its number
    assert any(t.startswith("North Assessment Team: week 48") for t in titles)
    assert any(t.startswith("South Child in Need and Protection: week 48") for t in titles)


@pytest.mark.parametrize("asked", ["service", "all teams", "my teams", "both"])
def test_asking_for_all_of_them_gives_the_side_by_side_view_only(service_manager: None, engine: Engine,
                                                                 asked: str) -> None:
    replies = digest(engine, SERVICE_MANAGER, asked)
    assert replies[0].title == "Audit digest for your teams: week 48, 23 Nov to 29 Nov 2026"
    assert not any((r.title or "").startswith("North Assessment Team") for r in replies)


def test_a_manager_of_one_team_keeps_their_team_digest_and_qa_the_whole_service(engine: Engine) -> None:
    [first, *_] = digest(engine, NORTH)
    assert first.title.startswith("North Assessment Team: week 48")
    [service, *_] = digest(engine, QA, "service")
    assert service.title.startswith("Service audit digest: week 48") and "**Whole service**" in service.text


def test_a_team_that_is_not_theirs_or_none_at_all_is_refused_naming_only_their_teams(service_manager: None,
                                                                                      engine: Engine) -> None:
    [unknown] = digest(engine, SERVICE_MANAGER, "westside")
    assert unknown.kind == "error"
    assert unknown.text == (f"There is no team `westside` among yours: `north-assessment`, `south-cin-cp`. "
                            f"{PERIODS_SAID}")
    assert "children-in-care" not in unknown.text
