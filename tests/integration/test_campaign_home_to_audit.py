"""The Home tab lists the campaign cases a person must audit, with Start buttons (a user trial found a manager's
Home showing their team's allocations but not their own, which only `/audit campaign mine N` listed)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaign_early_close import _submit_one
from tests.integration.test_campaigns import QA, create

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def _home(engine: Engine, services: Services, user: str) -> list[Reply]:
    return [r for p in engine.home_providers for r in p(services.directory.person(user))]


def _to_audit(engine: Engine, services: Services, user: str) -> list[Reply]:
    return [r for r in _home(engine, services, user) if "You are to audit" in r.text]


def test_a_managers_home_lists_the_cases_they_must_audit_with_start_buttons(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    [north] = _to_audit(engine, services, "U0MGRN001")
    assert north.title == "Campaign Neglect December: cases you are to audit"
    assert "You are to audit: 2 cases by Friday 11 December 2026" in north.text.replace("**", "")
    assert f"/audit campaign mine {campaign_id}" in north.text
    ids = sorted(str(a.id) for a in store.allocations(services.storage, campaign_id, "U0MGRN001"))
    assert sorted(c.value for c in north.choices) == ids
    assert {c.action for c in north.choices} == {"campaign.start"}
    assert _to_audit(engine, services, "U0PRAN001") == []  # allocated nothing
    assert _to_audit(engine, services, QA) == []  # organises, audits nothing


def test_the_section_goes_once_the_cases_are_submitted_or_the_campaign_closes(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    _submit_one(engine, services, campaign_id)
    assert _to_audit(engine, services, "U0MGRS001") == []
    assert len(_to_audit(engine, services, "U0MGRN001")) == 1
    engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    assert _to_audit(engine, services, "U0MGRN001") == []


def test_a_managers_home_labels_their_teams_cases_apart_from_the_cases_they_are_to_audit(
        engine: Engine, services: Services, clock) -> None:
    """Trial 25: "North Assessment Team: 2 allocated" (cases South audits) sat beside his task to audit a South case."""
    campaign_id = create(engine, "per-worker=1 auditors=peer moderate=0")
    home = _home(engine, services, "U0MGRN001")
    [mine] = [r for r in home if "You are to audit" in r.text]
    [teams] = [r for r in home if "North Assessment Team:" in r.text]
    assert mine.title == "Campaign Neglect December: cases you are to audit"
    lines = teams.text.splitlines()
    heading = f"**Your team's cases in campaign {campaign_id} (audited by others)**:"
    assert lines[lines.index(heading) + 1].startswith("• North Assessment Team:"), teams.text
