"""`campaign create … teams=north,cic` creates the campaign for North and Children in Care (trial 23: "There is no
team cic"); a team that names none is refused listing every team by id and name."""

from __future__ import annotations

from datetime import datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaigns import LONDON, QA

CREATE = ('campaign create name="Neglect December" theme=neglect checklist=neglect teams={teams} start=2026-12-01 '
          "deadline=2026-12-11 per-worker=1 auditors=peer moderate=20")


def test_a_short_form_names_its_team(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        [created, *_] = engine.command(QA, CREATE.format(teams="north,cic"), surface="terminal")
    assert created.kind != "error", created.text
    assert "is created for North Assessment Team, Children in Care Team" in created.text
    [campaign] = store.list_campaigns(services.storage)
    assert campaign.teams == ("north-assessment", "children-in-care")


def test_a_team_that_names_none_lists_the_teams_by_id_and_name(engine: Engine) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        [refused] = engine.command(QA, CREATE.format(teams="north,westside"), surface="terminal")
    assert refused.kind == "error"
    assert ("There is no team `westside`. Teams: `north-assessment` (North Assessment Team), `south-cin-cp` (South "
            "Child in Need and Protection), `children-in-care` (Children in Care Team).") in refused.text
