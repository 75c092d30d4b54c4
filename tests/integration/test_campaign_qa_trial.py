"""The QA lead's trial of audit campaigns, beyond the moderation sample (test_campaign_moderation_sample.py):
one case audited once per campaign, allocation numbers where the messages say they are, no reassignment to the
auditor a case already has, and every mistake of a new campaign at once. Shipped teams: North (manager
U0MGRN001; workers U0PRAN001, U0PRAN002), South (U0MGRS001; U0PRAS001), Children in Care (U0MGRC001;
U0PRAC001)."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine

from bot.core.markup import mention
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as audit_store
from bot.storage import campaigns as store
from tests.integration.test_campaign_moderation_sample import PINNED, QA, audit_allocation, create


@pytest.fixture
def clock():
    with time_machine.travel(PINNED, tick=False) as traveller:
        yield traveller


def test_a_case_reference_already_used_in_the_campaign_is_refused_and_the_wait_kept(
        engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    first, second, *_ = store.allocations(services.storage, campaign_id, "U0MGRN001")
    audit_allocation(engine, services, first, "CR-555111", grade="good")
    [asked] = engine.action("U0MGRN001", "campaign.start", str(second.id), surface="terminal")
    assert "Type its case reference" in asked.text
    for typed in ("CR-555111", "cr555111"):  # the same case however it is typed
        [refused] = engine.message("U0MGRN001", typed, surface="terminal")
        assert refused.kind == "error", refused.text
        assert f"Case {typed.upper()} is already audited in DA Jan (allocation #{first.id})" in refused.text
        assert not store.get_allocation(services.storage, second.id).started
    started = engine.message("U0MGRN001", "CR-555112", surface="terminal")  # still waiting for a reference
    assert all(r.kind != "error" for r in started) and store.get_allocation(services.storage, second.id).started
    [progress] = engine.command(QA, f"campaign {campaign_id}", surface="terminal")
    assert "All teams: 8 allocated, 2 started, 1 submitted" in progress.text.replace("**", ""), progress.text

    other = create(engine, name="DA Feb")  # another campaign may audit the same case again
    again = store.allocations(services.storage, other, "U0MGRN001")[0]
    engine.action("U0MGRN001", "campaign.start", str(again.id), surface="terminal")
    replies = engine.message("U0MGRN001", "CR-555111", surface="terminal")
    assert all(r.kind != "error" for r in replies) and store.get_allocation(services.storage, again.id).started


def test_a_cancelled_audit_frees_its_case_reference(engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    first, second, *_ = store.allocations(services.storage, campaign_id, "U0MGRN001")
    engine.action("U0MGRN001", "campaign.start", str(first.id), surface="terminal")
    engine.message("U0MGRN001", "CR-555300", surface="terminal")
    row = audit_store.get_audit(services.storage, store.get_allocation(services.storage, first.id).audit_id)
    engine.action("U0MGRN001", "audit.cancel", f"{row.id}:{row.step_version}", surface="terminal")
    engine.action("U0MGRN001", "audit.cancel_confirm", f"{row.id}:{row.step_version}", surface="terminal")
    engine.action("U0MGRN001", "campaign.start", str(second.id), surface="terminal")
    replies = engine.message("U0MGRN001", "CR-555300", surface="terminal")
    assert all(r.kind != "error" for r in replies) and store.get_allocation(services.storage, second.id).started


def test_link_audit_refuses_a_case_another_allocation_has(engine: Engine, services: Services, clock) -> None:
    """The same check inside the linking transaction: two auditors typing one reference at once get one link."""
    campaign_id = create(engine)
    first, second, *_ = store.allocations(services.storage, campaign_id, "U0MGRN001")
    audit_allocation(engine, services, first, "CR-555400")
    audit_id = store.get_allocation(services.storage, first.id).audit_id
    assert not store.link_audit(services.storage, second.id, "U0MGRN001", audit_id, datetime.now(PINNED.tzinfo))


def test_messages_point_to_the_allocation_list_which_lists_them_by_number(engine: Engine, services: Services,
                                                                          clock) -> None:
    campaign_id = create(engine)
    allocations = store.allocations(services.storage, campaign_id)
    [missing] = engine.command(QA, "campaign reassign 99 U0MGRN001 sick", surface="terminal")
    assert missing.kind == "error" and "`/audit campaign allocations N` lists" in missing.text, missing.text
    [progress] = engine.command(QA, f"campaign {campaign_id}", surface="terminal")
    assert f"`/audit campaign allocations {campaign_id}` lists each allocation by number" in progress.text
    [listed] = engine.command(QA, f"campaign allocations {campaign_id}", surface="terminal")
    assert listed.kind != "error" and "8 allocation(s)" in listed.text
    for allocation in allocations:
        assert f"#{allocation.id} a case of your choosing of " in listed.text
    assert f"{mention(allocations[0].auditor_id)}, to do" in listed.text
    [page] = engine.command(QA, f"campaign allocations {campaign_id} 8", surface="terminal")
    assert f"#{allocations[-1].id} " in page.text and f"#{allocations[0].id} " not in page.text
    [manager] = engine.command("U0MGRN001", f"campaign allocations {campaign_id}", surface="terminal")
    assert manager.kind == "error" and "QA leads and admins" in manager.text
    [own] = engine.command("U0MGRN001", f"campaign {campaign_id}", surface="terminal")
    assert "campaign allocations" not in own.text  # only organisers are pointed there


def test_reassigning_to_the_auditor_it_already_has_is_refused_and_nobody_is_told(engine: Engine, services: Services,
                                                                                clock) -> None:
    campaign_id = create(engine)
    allocation = store.allocations(services.storage, campaign_id, "U0MGRN001")[0]
    replies = engine.command(QA, f"campaign reassign {allocation.id} <@U0MGRN001> sick", surface="terminal")
    assert [r.kind for r in replies] == ["error"], [r.text for r in replies]
    assert f"#{allocation.id} is already allocated to " in replies[0].text and "nothing changed" in replies[0].text
    trail = services.storage.db.execute("SELECT COUNT(*) FROM trail WHERE action = 'campaign.reassign'").fetchone()
    assert trail[0] == 0
