"""A worker moved to another team or taken out of teams.yaml while a campaign runs (trial 62 F7): the start that sees
the change tells the organiser which allocations no longer hold, `campaign N` and `campaign allocations N` say so with
the command that puts each right, progress counts the moved worker under their team now, a leaver's cases are no
longer chased, and `campaign cancel` takes a leaver's case out."""

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
from bot.reminders.inputs import reminder_inputs
from bot.settings.config import load_settings
from bot.storage import campaigns as store
from tests.support.cli import run_cli
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
ADMIN, N2, C1 = "U0ADMIN01", "U0PRAN002", "U0PRAC001"
CREATE = ("campaign create name=Voice of the child December theme=voice of the child checklist=voice of the child "
          "teams=all start=today deadline=18/12/2026 per-worker=2 auditors=peer moderate=25")


def _said(replies: list) -> str:
    return flat("\n".join(reply.text for reply in replies)).replace("**", "").replace("`", "")


@pytest.fixture
def moved(environ: dict[str, str], config_dir: Path) -> Iterator[Services]:
    """A peer campaign of every team made on Monday; then N2 moved from North to South and C1 taken out of
    teams.yaml, and the bot started again."""
    with time_machine.travel(MONDAY, tick=False):
        services = build_services(load_settings(environ))
        [created, *_] = build_engine(services).command(ADMIN, CREATE, surface="terminal")
        assert created.kind != "error", created.text
        services.storage.close()
        teams = config_dir / "teams.yaml"
        lines = [line for line in teams.read_text().splitlines() if N2 not in line and C1 not in line]
        at = next(i for i, line in enumerate(lines) if "U0PRAS001" in line)
        lines.insert(at + 1, "      - {user: U0PRAN002, name: Social worker N2, role: practitioner, audit_target: 0}")
        teams.write_text("\n".join(lines) + "\n")
        restarted = build_services(load_settings(environ))
        yield restarted
        restarted.storage.close()


def _allocations(services: Services) -> tuple[list[int], int, str]:
    """The leaver's allocation numbers, and the moved worker's allocation now audited by South's own manager."""
    every = store.allocations(services.storage, 1)
    left = [a.id for a in every if a.worker_id == C1]
    [own] = [a for a in every if a.worker_id == N2 and a.auditor_id == "U0MGRS001"]
    return left, own.id, own.auditor_id


def test_the_organiser_is_told_at_the_start_which_allocations_no_longer_hold(moved: Services) -> None:
    left, own, _ = _allocations(moved)
    with time_machine.travel(MONDAY, tick=False):
        shown = _said(build_engine(moved).command(ADMIN, "home", surface="terminal"))
    assert (f"allocation {own}: Social worker N2 is now in South Child in Need and Protection, whose manager, Team "
            f"manager (South), would audit it: no longer a peer audit; reassign with /audit campaign reassign {own} "
            "<auditor> <reason>") in shown, shown
    assert (f"allocations {left[0]}, {left[1]}: Social worker C1 has left teams.yaml, so these are no longer chased: "
            f"cancel each (then {left[1]}) with /audit campaign cancel {left[0]} <reason>") in shown, shown


def test_the_campaign_and_its_allocations_flag_them_and_count_the_move_under_south(moved: Services) -> None:
    left, own, _ = _allocations(moved)
    engine = build_engine(moved)
    with time_machine.travel(MONDAY, tick=False):
        progress = _said(engine.command(ADMIN, "campaign 1", surface="terminal"))
        listed = _said(engine.command(ADMIN, "campaign allocations 1", surface="terminal"))
    for said in (progress, listed):
        assert "Changed in teams.yaml since it was allocated:" in said, said
        assert f"allocation {own}: Social worker N2 is now in South Child in Need and Protection" in said, said
        assert f"allocations {left[0]}, {left[1]}: Social worker C1 has left teams.yaml" in said, said
    assert "North Assessment Team: 2 allocated" in progress and "South Child in Need and Protection: 4 allocated" \
        in progress, progress
    assert f"allocation {own}, a case the auditor chooses, worker Social worker N2 (south-cin-cp)" in listed, listed


def test_a_leavers_cases_are_not_chased_and_cancel_takes_one_out(moved: Services) -> None:
    left, _, _ = _allocations(moved)
    leaver_auditor = store.get_allocation(moved.storage, left[0]).auditor_id  # type: ignore[union-attr]
    with time_machine.travel(MONDAY, tick=False):
        chased = {item.auditor_id: item.outstanding for item in reminder_inputs(moved, MONDAY.date()).campaigns}
        mine = [a for a in store.allocations(moved.storage, 1, leaver_auditor) if a.worker_id != C1]
        assert chased.get(leaver_auditor, 0) == len(mine), chased
        replies = build_engine(moved).command(ADMIN, f"campaign cancel {left[0]} worker left", surface="terminal")
    said = _said(replies)
    assert f"Allocation {left[0]} is cancelled" in said and "Reason: worker left" in said, said
    assert any(r.to_user == leaver_auditor and "you need not audit it" in r.text for r in replies)
    assert store.get_allocation(moved.storage, left[0]) is None
    trail = moved.storage.db.execute("SELECT detail FROM trail WHERE action = 'campaign.allocation_cancelled'")
    assert "worker left" in trail.fetchone()[0]



def test_a_cancelled_allocation_is_kept_and_the_campaign_says_so(moved: Services) -> None:
    """fix77c: a cancelled allocation was deleted, so `campaign show` lost that the case had been allocated."""
    left, _, _ = _allocations(moved)
    engine = build_engine(moved)
    with time_machine.travel(MONDAY, tick=False):
        before = len(store.allocations(moved.storage, 1))
        engine.command(ADMIN, f"campaign cancel {left[0]} worker left", surface="terminal")
        shown = _said(engine.command(ADMIN, "campaign show 1", surface="terminal"))
        again = engine.command(ADMIN, f"campaign cancel {left[0]} worker left", surface="terminal")[-1]
    assert "1 allocation cancelled (a case of Social worker C1 (left), by Head of service, worker left)" in shown, shown
    assert ", worker left)" in shown
    assert shown == _said(engine.command(ADMIN, "campaign 1", surface="terminal"))
    assert len(store.allocations(moved.storage, 1)) == before - 1  # counted and listed no more
    assert left[0] not in [a.id for a in store.allocations(moved.storage, 1)]
    [kept] = store.cancelled_allocations(moved.storage, 1)
    assert (kept.id, kept.worker_id, kept.cancelled_by, kept.reason) == (left[0], C1, ADMIN, "worker left")
    assert again.kind == "error"  # cancelled once only


def test_the_campaign_report_says_which_allocations_were_cancelled(moved: Services) -> None:
    """fix79a: `campaign N report` said nothing of a cancelled allocation, though `campaign show N` did."""
    left, _, _ = _allocations(moved)
    engine = build_engine(moved)
    with time_machine.travel(MONDAY, tick=False):
        before = _said(engine.command(ADMIN, "campaign 1 report", surface="terminal"))
        engine.command(ADMIN, f"campaign cancel {left[0]} worker left", surface="terminal")
        report = _said(engine.command(ADMIN, "campaign 1 report", surface="terminal"))
    assert "cancelled" not in before, before
    assert "1 allocation cancelled (a case of Social worker C1 (left), by Head of service, worker left)" in report


def test_a_started_allocation_is_not_cancelled(moved: Services) -> None:
    engine: Engine = build_engine(moved)
    [case] = [a for a in store.allocations(moved.storage, 1) if a.worker_id == "U0PRAN001"][:1]
    with time_machine.travel(MONDAY, tick=False):
        engine.action(case.auditor_id, "campaign.start", str(case.id), surface="terminal")
        engine.message(case.auditor_id, "CR-604411", surface="terminal")
        assert store.get_allocation(moved.storage, case.id).started  # type: ignore[union-attr]
        refused = engine.command(ADMIN, f"campaign cancel {case.id} not needed", surface="terminal")[-1]
    assert refused.kind == "error" and "already started as audit #" in refused.text, refused.text
    assert store.get_allocation(moved.storage, case.id) is not None


def test_health_warns_of_the_campaign(moved: Services, environ: dict[str, str]) -> None:
    out = flat(run_cli(environ, "health").out)
    assert "campaign 1 (Voice of the child December) has allocations that no longer hold" in out, out
    assert "Social worker C1 has left teams.yaml" in out, out
