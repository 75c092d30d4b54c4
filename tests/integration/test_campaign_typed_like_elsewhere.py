"""Trial 30 (item 8): campaign commands were stricter than the rest of the bot. `campaign reassign 1 tm south off
sick` was refused ("Name the new auditor as a Slack mention or member ID") though `tm south` names Team manager
(South) wherever else a person is typed; `checklist=cin` and `checklist=exploitaton` were refused though `checklist
cin` works. The clock is pinned, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaigns import QA
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SOUTH = "U0MGRS001"
CREATE = ('campaign create name="Round December" theme=practice checklist={checklist} '
          "teams=north-assessment,south-cin-cp,children-in-care start=2026-12-07 deadline=2026-12-18 "
          "per-worker=1 auditors=peer moderate=20")


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 12, 5, 20, 10, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def said(engine: Engine, text: str) -> str:
    return flat("\n".join(reply.text for reply in engine.message(QA, text, surface="terminal")))


@pytest.mark.parametrize(("typed", "checklist"), [("cin", "child-in-need"),
                                                  ("exploitaton", "exploitation-missing")])
def test_a_campaigns_checklist_is_read_as_checklist_reads_it(engine: Engine, services: Services, clock, typed: str,
                                                             checklist: str) -> None:
    reply = said(engine, CREATE.format(checklist=typed))
    assert "is created" in reply and f"({checklist})" in reply, reply
    [campaign] = store.list_campaigns(services.storage)
    assert campaign.checklist_id == checklist


@pytest.mark.parametrize("typed", ["checklist=cin", "checklist: cin", "/checklist=cin"])
def test_checklist_as_key_and_value_shows_the_checklist(engine: Engine, clock, typed: str) -> None:
    reply = said(engine, typed)
    assert "child in need under section 17" in reply and "not sure which" not in reply, reply[:200]


def test_a_reassignment_reads_the_new_auditor_as_tm_south(engine: Engine, services: Services, clock) -> None:
    said(engine, CREATE.format(checklist="neglect"))
    [campaign] = store.list_campaigns(services.storage)
    case = next(a for a in store.allocations(services.storage, campaign.id)
                if a.auditor_id != SOUTH and a.team_id != "south-cin-cp")
    reply = said(engine, f"campaign reassign {case.id} tm south off sick")
    assert f"Allocation {case.id} now goes to" in reply, reply
    moved = store.get_allocation(services.storage, case.id)
    assert moved is not None and moved.auditor_id == SOUTH
    reasons = services.storage.db.execute("SELECT detail FROM trail WHERE detail LIKE '%off sick%'").fetchall()
    assert reasons, "the reason is the words after the name"
