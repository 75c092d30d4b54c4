"""A campaign's case started in words (new-user trial: a head of service typed `start allocation 1`, the Start
button's own label, and was told "That isn't how /audit start is typed"). `start allocation 5` does what the case's
Start button does for the auditor it is allocated to; anyone else is told where their own cases are listed."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
QA, NORTH_MANAGER, SOUTH_MANAGER = "U0QALEAD1", "U0MGRN001", "U0MGRS001"
CREATE = ('campaign create name="Voice December" theme=voice checklist=neglect teams=north-assessment,south-cin-cp '
          "start=2026-12-07 deadline=2026-12-18 per-worker=1 auditors=managers moderate=0")


def campaign(engine: Engine, services: Services) -> tuple[int, int]:
    """The campaign's number, and the number of one allocation of North's manager."""
    [created, *_] = engine.command(QA, CREATE, surface="terminal")
    assert created.kind != "error", created.text
    campaign_id = int(re.search(r"Campaign (\d+)", created.text).group(1))
    return campaign_id, campaign_store.allocations(services.storage, campaign_id, NORTH_MANAGER)[0].id


@pytest.mark.parametrize("typed", ["start allocation {n}", "Start allocation {n}", "start allocation #{n}",
                                   "begin my allocation {n}.", "open allocated case {n}"])
def test_the_start_buttons_label_typed_starts_the_allocated_case(engine: Engine, services: Services,
                                                                 typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, number = campaign(engine, services)
        _, out = drive(engine, [typed.format(n=number), "CR-123456"], user=NORTH_MANAGER)
    said = flat(out)
    assert "Voice December: which case of Social worker N" in said and "isn't how" not in said
    audit_id = campaign_store.get_allocation(services.storage, number).audit_id
    assert audit_id is not None and store.get_audit(services.storage, audit_id).checklist_id == "neglect"
    assert "I don't know that yet" not in out


def test_a_started_allocation_typed_again_resumes_its_audit(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, number = campaign(engine, services)
        drive(engine, [f"start allocation {number}", "CR-123456", "pause"], user=NORTH_MANAGER)
        _, out = drive(engine, [f"resume allocation {number}"], user=NORTH_MANAGER)
    assert "Carrying on with audit #1 (CR-123456, Neglect) where you stopped." in flat(out)


@pytest.mark.parametrize("whose", [SOUTH_MANAGER, "U0ADMIN01"])
def test_someone_elses_or_no_allocation_is_refused_saying_where_yours_are(engine: Engine, services: Services,
                                                                          whose: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, number = campaign(engine, services)
        [refused] = engine.message(whose, f"start allocation {number}", surface="terminal")
        [missing] = engine.message(NORTH_MANAGER, "start allocation 999", surface="terminal")
    assert refused.kind == "error" and refused.text.startswith(f"Allocation {number} is not one of your campaign "
                                                               "cases, so nothing was started.")
    assert "`/audit campaign mine <campaign number>`" in refused.text
    assert missing.kind == "error" and missing.text.startswith("Allocation 999 is not one of your campaign cases")
    assert campaign_store.get_allocation(services.storage, number).audit_id is None
