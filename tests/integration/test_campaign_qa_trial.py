"""The QA lead's trial of audit campaigns, beyond the moderation sample (test_campaign_moderation_sample.py):
one case audited once per campaign, allocation numbers where the messages say they are, no reassignment to the
auditor a case already has, and every mistake of a new campaign at once. Shipped teams: North (manager
U0MGRN001; workers U0PRAN001, U0PRAN002), South (U0MGRS001; U0PRAS001), Children in Care (U0MGRC001;
U0PRAC001)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
import time_machine

from bot.core.markup import mention
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as audit_store
from bot.storage import campaigns as store
from knowledge.dates import short_date
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
        assert f"Case CR-555111 is already audited in DA Jan (allocation {first.id})" in refused.text  # one form
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
    assert listed.kind != "error" and "8 allocations" in listed.text
    for allocation in allocations:
        assert f"allocation {allocation.id}, a case the auditor chooses, worker " in listed.text
    assert f"{mention(allocations[0].auditor_id)}, to do" in listed.text
    [page] = engine.command(QA, f"campaign allocations {campaign_id} 8", surface="terminal")
    assert f"allocation {allocations[-1].id}, " in page.text and f"allocation {allocations[0].id}, " not in page.text
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
    assert f"Allocation {allocation.id} is already " in replies[0].text and "nothing changed" in replies[0].text
    trail = services.storage.db.execute("SELECT COUNT(*) FROM trail WHERE action = 'campaign.reassign'").fetchone()
    assert trail[0] == 0


def _create_command(today, name: str = "DA Mar", checklist: str = "neglect", start: str | None = None,
                    deadline: str | None = None, per_worker: str = "1", moderate: str = "20") -> str:
    return (f'campaign create name="{name}" theme=neglect checklist={checklist} teams=north-assessment '
            f"start={start or today.isoformat()} deadline={deadline or (today + timedelta(days=10)).isoformat()} "
            f"per-worker={per_worker} auditors=managers moderate={moderate}")


def test_every_mistake_of_a_new_campaign_is_reported_at_once_one_a_line(engine: Engine, services: Services,
                                                                        clock) -> None:
    today = datetime.now(PINNED.tzinfo).date()
    february = f"{today.year + 1}-02-30"
    [reply] = engine.command(QA, _create_command(today, checklist="zebra", deadline=february, per_worker="25",
                                                 moderate="120%"), surface="terminal")
    assert reply.kind == "error"
    lines = reply.text.splitlines()
    assert lines[0] == "Please fix these 4 things:", reply.text
    for words in ("There is no checklist called 'zebra'", f"The deadline: '{february}' is not a real date",
                  "Cases per worker must be a whole number from 1 to 20, not '25'",
                  "The moderation share '120%' must be a whole percentage"):
        assert sum(words in line for line in lines[1:]) == 1, (words, reply.text)
    assert store.list_campaigns(services.storage) == []
    [missing] = engine.command(QA, 'campaign create name="DA Mar" theme=neglect checklist=zebra', surface="terminal")
    assert "There is no checklist called 'zebra'" in missing.text and "The campaign needs teams=…" in missing.text
    assert "Choose at least one team" not in missing.text  # a missing field is told once

    form = {"name": "DA Mar", "theme": "neglect", "checklist": "zebra", "teams": "north-assessment",
            "start": today.isoformat(), "deadline": february, "per-worker": "25", "auditors": "managers",
            "moderate": "120"}
    errors = engine.check_form(QA, "campaign.create_form", json.dumps({"form": form, "meta": ""}))
    assert sorted(errors) == ["checklist", "deadline", "moderate", "per-worker"], errors
    assert "30" in errors["deadline"] and "'25'" in errors["per-worker"] and "\n" not in errors["checklist"]


def test_a_deadline_already_past_is_refused_and_a_past_start_is_allowed_and_said(engine: Engine, services: Services,
                                                                                clock) -> None:
    today = datetime.now(PINNED.tzinfo).date()
    past_start, past_deadline = (today - timedelta(days=20)).isoformat(), (today - timedelta(days=1)).isoformat()
    [refused] = engine.command(QA, _create_command(today, start=past_start, deadline=past_deadline),
                               surface="terminal")
    shown_deadline, shown_start = short_date(past_deadline), short_date(past_start)  # as every list shows a date
    assert refused.kind == "error" and f"The deadline {shown_deadline} has passed" in refused.text, refused.text
    assert store.list_campaigns(services.storage) == []
    [created, *_] = engine.command(QA, _create_command(today, start=past_start, deadline=today.isoformat()),
                                   surface="terminal")
    assert created.kind != "error", created.text
    assert f"It started on {shown_start}, before today: its cases can be started now" in created.text
    [later, *_] = engine.command(QA, _create_command(today, name="DA Apr"), surface="terminal")
    assert later.kind != "error" and "before today" not in later.text


def test_a_name_an_open_campaign_has_is_refused_until_it_closes(engine: Engine, services: Services, clock) -> None:
    today = datetime.now(PINNED.tzinfo).date()
    campaign_id = create(engine)
    [refused] = engine.command(QA, _create_command(today, name="  da   JAN "), surface="terminal")
    assert refused.kind == "error" and "An open campaign is already called 'da JAN'" in refused.text, refused.text
    engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    [created, *_] = engine.command(QA, _create_command(today, name="DA Jan"), surface="terminal")
    assert created.kind != "error", created.text


def test_starting_a_campaign_case_audited_this_year_gives_the_same_heads_up_as_any_start(
        engine: Engine, services: Services, clock) -> None:
    from tests.audit_driver import complete_audit
    from tests.integration.test_campaign_moderation_sample import send_as

    campaign_id = create(engine)
    first = store.allocations(services.storage, campaign_id, "U0MGRN001")[0]
    complete_audit(send_as(engine, "U0MGRN001"), engine.command("U0MGRN001", "start neglect", surface="terminal"))
    [earlier] = [row["id"] for row in services.storage.db.query("SELECT id FROM audits")]
    engine.action("U0MGRN001", "campaign.start", str(first.id), surface="terminal")
    started = engine.message("U0MGRN001", "cr 100200 ", surface="terminal")
    said = "\n".join(r.text for r in started)
    assert f"audit #{earlier + 1}, case CR-100200 of " in said and f"allocation {first.id}." in said
    assert "Heads up: CR-100200 has been audited in the last 12 months:" in said and f"#{earlier} " in said
