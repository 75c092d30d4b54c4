"""A refused campaign reassignment or swap says who could take the case, or that nobody can in this campaign and
what to do. Trial 13, F5: in a campaign audited by managers, with one manager per team, a North manager's leave left a
QA lead no way to move the case, and "the auditor must be a manager of the worker's team" did not say that nobody
else was."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaigns import QA, create

LONDON = ZoneInfo("Europe/London")
NORTH, SOUTH = "U0MGRN001", "U0MGRS001"


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 12, 10, 11, 45, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def test_a_managers_campaign_with_one_manager_a_team_says_nobody_else_can_and_what_to_do(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    north = store.allocations(services.storage, campaign_id, NORTH)[0]
    south = store.allocations(services.storage, campaign_id, SOUTH)[0]
    [refused] = engine.command(QA, f"campaign reassign {north.id} {SOUTH} North manager is on leave next week",
                               surface="terminal")
    assert refused.kind == "error"
    assert ("Nobody else can audit it in this campaign: Team manager (North) is the only manager of North "
            "Assessment Team who may") in refused.text, refused.text
    assert "auditors=peer" in refused.text and "teams.yaml" in refused.text, refused.text
    [swapped] = engine.command(QA, f"campaign swap {north.id} {south.id} independence", surface="terminal")
    assert "Nobody else can audit it in this campaign" in swapped.text, swapped.text


def test_a_peer_campaign_names_who_may_take_the_case(engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine, "per-worker=1 auditors=peer moderate=50")
    [case] = [a for a in store.allocations(services.storage, campaign_id) if a.team_id == "north-assessment"][:1]
    [refused] = engine.command(QA, f"campaign reassign {case.id} {NORTH} covering leave", surface="terminal")
    others = {"Team manager (South)", "Team manager (Children in care)"} - {services.directory.label(case.auditor_id)}
    assert all(label in refused.text for label in others), refused.text
    assert "may take it instead" in refused.text, refused.text
