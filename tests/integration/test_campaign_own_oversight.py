"""A management-oversight campaign with `auditors=managers` (trial 26): the North manager graded the oversight of his
own team's case with no word from the bot. The organiser is told at creation, and the manager as the case starts."""

from __future__ import annotations

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaigns import QA, clock  # noqa: F401 (clock is a fixture)

NORTH_MANAGER = "U0MGRN001"
CREATE = ("campaign create name=Oversight winter theme=supervision checklist={checklist} teams=north,south "
          "start=2026-12-01 deadline=2026-12-11 per-worker=1 auditors={auditors} moderate=20")


def _created(engine: Engine, checklist: str, auditors: str) -> str:
    [made, *_] = engine.command(QA, CREATE.format(checklist=checklist, auditors=auditors), surface="terminal")
    assert made.kind != "error", made.text
    return made.text


def test_managers_grading_their_own_teams_oversight_are_warned_at_create_and_start(
        engine: Engine, services: Services, clock) -> None:  # noqa: F811
    created = _created(engine, "supervision", "managers")
    assert "**Heads up**: with `auditors=managers` each manager audits their own team's cases, so here they grade " \
           "the management oversight of their own team" in created
    [allocation, *_] = store.allocations(services.storage, 1, NORTH_MANAGER)
    engine.action(NORTH_MANAGER, "campaign.start", str(allocation.id), surface="terminal")
    started = engine.message(NORTH_MANAGER, "CR-600100", surface="terminal")
    [warned] = [r for r in started if "this is your own team's case" in r.text]
    assert f"`/audit campaign reassign {allocation.id} …`" in warned.text
    assert any("Whose case" in r.text or "Is there an immediate" in r.text for r in started)  # the audit goes on


def test_no_warning_for_another_checklist_or_a_peer_campaign(engine: Engine, services: Services,
                                                               clock) -> None:  # noqa: F811
    assert "Heads up" not in _created(engine, "neglect", "managers")
    peer = CREATE.format(checklist="supervision", auditors="peer").replace("Oversight winter", "Oversight peer")
    [made, *_] = engine.command(QA, peer, surface="terminal")
    assert made.kind != "error" and "Heads up" not in made.text
    [allocation, *_] = store.allocations(services.storage, 1, NORTH_MANAGER)
    engine.action(NORTH_MANAGER, "campaign.start", str(allocation.id), surface="terminal")
    started = engine.message(NORTH_MANAGER, "CR-600100", surface="terminal")
    assert not any("own team's case" in r.text for r in started)
