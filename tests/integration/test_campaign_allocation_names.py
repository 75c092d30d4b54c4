"""Campaign allocations are never "#N" (user trial 9, finding 13: a manager's Home showed "#5 a case the auditor
chooses … Start #5" for allocation 5 right above "#5 Early help spot audit … View #5" for audit 5, so `show 5` or
`resume 5` typed from it got the other one). "#N" is an audit wherever it is shown; an allocation is "allocation
N", and once started it gives its audit's number, which `/audit show` and `/audit resume` take."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaigns import QA, create
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRN001"


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def _home(engine: Engine, services: Services) -> list[Reply]:
    return [r for p in engine.home_providers for r in p(services.directory.person(MANAGER))]


def test_home_names_allocations_apart_from_the_audits_beside_them(engine: Engine, services: Services,
                                                                    clock) -> None:
    audit = AuditRows(services).audit(submitted=datetime(2026, 12, 1, 11, tzinfo=UTC))  # audit #1, on Home
    campaign_id = create(engine)
    first, second = store.allocations(services.storage, campaign_id, MANAGER)  # allocations 1 and 4
    assert first.id == audit  # the same number as the audit: the case the trial found
    engine.action(MANAGER, "campaign.start", str(first.id), surface="terminal")
    engine.message(MANAGER, "CR-600101", surface="terminal")
    started = store.get_allocation(services.storage, first.id)
    assert started is not None and started.audit_id is not None

    home = _home(engine, services)
    [cases] = [r for r in home if "You are to audit" in r.text]
    [recent] = [r for r in home if r.title == "Recent audits you can read"]
    assert f"#{first.id} " not in cases.text and f"#{second.id} " not in cases.text
    assert (f"• allocation {first.id}, case CR-600101, worker Social worker N1 (north-assessment): "
            f"started as audit #{started.audit_id}") in cases.text  # the case chosen, once started (trial 11)
    assert f"• allocation {second.id}, a case the auditor chooses, worker Social worker N2" in cases.text
    assert [(c.label, c.value) for c in cases.choices] == [(f"Resume #{started.audit_id}", str(first.id)),
                                                           (f"Start allocation {second.id}", str(second.id))]
    assert f"#{audit} " in recent.text and f"View #{audit}" in [c.label for c in recent.choices]

    # What the Home says is what typing does: `resume N` with the number it gave carries on with that audit.
    resumed = engine.command(MANAGER, f"resume {started.audit_id}", surface="terminal")
    assert f"Carrying on with audit #{started.audit_id}" in resumed[0].text


def test_reassigning_and_listing_say_allocation_never_hash(engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    allocation = store.allocations(services.storage, campaign_id, MANAGER)[0]
    [listed] = engine.command(QA, f"campaign allocations {campaign_id}", surface="terminal")
    assert f"• allocation {allocation.id}, " in listed.text and f"#{allocation.id} " not in listed.text
    [refused] = engine.command(QA, f"campaign reassign {allocation.id} U0MGRS001 covering leave", surface="terminal")
    assert f"can't audit allocation {allocation.id}:" in refused.text and "#" not in refused.text
    [missing] = engine.command(QA, "campaign reassign 99 U0MGRS001 covering leave", surface="terminal")
    assert missing.text.startswith("There is no allocation 99."), missing.text


def test_an_allocation_started_on_a_case_the_auditor_chose_is_listed_by_that_case_until_cancelled(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    first = store.allocations(services.storage, campaign_id, MANAGER)[0]
    engine.action(MANAGER, "campaign.start", str(first.id), surface="terminal")
    engine.message(MANAGER, "cr 600101", surface="terminal")
    [listed] = engine.command(QA, f"campaign allocations {campaign_id}", surface="terminal")
    [mine] = engine.command(MANAGER, f"campaign mine {campaign_id}", surface="terminal")
    for said in (listed.text, mine.text):
        assert f"allocation {first.id}, case CR-600101, worker Social worker N1" in said
    audit = store.get_allocation(services.storage, first.id).audit_id
    engine.message(MANAGER, "cancel", surface="terminal")
    engine.message(MANAGER, "yes", surface="terminal")
    [listed] = engine.command(QA, f"campaign allocations {campaign_id}", surface="terminal")
    assert audit is not None and f"allocation {first.id}, a case the auditor chooses, worker " in listed.text
