"""A campaign's moderation sample always holds every audit graded Inadequate: drawn before anything was
submitted (refused), drawn before a later Inadequate audit was submitted, graded Inadequate after submitting,
or at close; the close report counts them. Shipped teams: North (manager U0MGRN001; workers U0PRAN001,
U0PRAN002), South (U0MGRS001; U0PRAS001), Children in Care (U0MGRC001; U0PRAC001)."""

from __future__ import annotations

import itertools
import random
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from bot.campaigns import service
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as audit_store
from bot.storage import campaigns as store
from bot.storage import moderation as moderation_store
from bot.storage.db import Storage
from bot.storage.schema import MIGRATIONS
from tests.audit_driver import complete_audit
from tests.integration.test_campaign_report_totals import STAMP, add_audit, base

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"
PINNED = datetime(2027, 1, 12, 10, 0, tzinfo=LONDON)  # a Tuesday
_names = itertools.count(1)


@pytest.fixture
def clock():
    with time_machine.travel(PINNED, tick=False) as traveller:
        yield traveller


def create(engine: Engine, moderate: int = 20, name: str = "DA Jan") -> int:
    today = datetime.now(LONDON).date()  # the pinned clock
    [created, *_] = engine.command(
        QA, f'campaign create name="{name}" theme="domestic abuse" checklist=neglect '
            f"teams=north-assessment,south-cin-cp,children-in-care start={today.isoformat()} "
            f"deadline={(today + timedelta(days=14)).isoformat()} per-worker=2 auditors=managers "
            f"moderate={moderate}", surface="terminal")
    assert created.kind != "error", created.text
    return int(created.text.split("ampaign ", 1)[1].split()[0])


def send_as(engine: Engine, user: str, grade: str | None = None):
    """The audit driver's `send`, pressing `grade` instead of the first grade button when one is given."""

    def send(kind: str, payload: str):
        if kind == "press":
            action, value = payload.split("|", 1)
            if action == "audit.grade" and grade:
                value = value.rsplit(":", 1)[0] + ":" + grade
            return engine.action(user, action, value, surface="terminal")
        return engine.message(user, payload, surface="terminal")
    return send


def audit_allocation(engine: Engine, services: Services, allocation: store.Allocation, case_ref: str,
                     grade: str | None = None) -> int:
    """Start an allocated case with the Start button, type its reference and answer to submission."""
    engine.action(allocation.auditor_id, "campaign.start", str(allocation.id), surface="terminal")
    first = engine.message(allocation.auditor_id, case_ref, surface="terminal")
    complete_audit(send_as(engine, allocation.auditor_id, grade), first)
    linked = store.get_allocation(services.storage, allocation.id)
    assert linked is not None and linked.submitted and linked.audit_id is not None
    return linked.audit_id


def test_the_qa_trial_an_inadequate_audit_submitted_after_the_draw_is_sampled_and_counted(
        engine: Engine, services: Services, clock) -> None:
    services.rng = random.Random(3)
    campaign_id = create(engine)
    [refused] = engine.command(QA, f"campaign sample {campaign_id}", surface="terminal")
    assert refused.kind == "error" and "No audit of DA Jan is submitted yet" in refused.text, refused.text
    assert "nothing was drawn" in refused.text
    assert store.get_campaign(services.storage, campaign_id).sample_drawn_at is None

    allocations = store.allocations(services.storage, campaign_id)
    good = audit_allocation(engine, services, allocations[0], "CR-555100")
    [early] = engine.command(QA, f"campaign sample {campaign_id}", surface="terminal")  # trial 23: drawn at 1 of 8
    total = len(allocations)
    assert early.kind == "error" and early.text.startswith(f"Only 1 of {total} audits of DA Jan is submitted.")
    assert f"type `/audit campaign sample {campaign_id} now`. Nothing was drawn." in early.text
    assert store.get_campaign(services.storage, campaign_id).sample_drawn_at is None
    [drawn, *_] = engine.command(QA, f"campaign sample {campaign_id} now", surface="terminal")
    assert "1 of 1 submitted audits are sampled" in drawn.text, drawn.text
    inadequate = audit_allocation(engine, services, allocations[1], "CR-555111", grade="inadequate")
    assert audit_store.get_audit(services.storage, inadequate).overall_grade == "inadequate"
    assert store.get_allocation(services.storage, allocations[1].id).sampled
    assert {good, inadequate} <= store.sampled_audit_ids(services.storage)  # first in /audit moderate

    [again] = engine.command(QA, f"campaign sample {campaign_id}", surface="terminal")
    assert again.kind == "error" and "drawn already" in again.text and "Inadequate joins it" in again.text
    replies = engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    [report] = [r for r in replies if r.title and r.to_user == QA]
    assert "**Moderation**: 2 sampled" in report.text, report.text


def test_close_draws_the_sample_once_something_is_submitted_and_not_when_nothing_is(
        engine: Engine, services: Services, clock) -> None:
    services.rng = random.Random(4)
    empty = create(engine, name="Nothing in")
    replies = engine.command(QA, f"campaign close {empty} confirm", surface="terminal")
    assert all(r.kind != "error" for r in replies) and "is closed" in replies[0].text
    assert not any("sampled for moderation" in r.text for r in replies)

    campaign_id = create(engine, moderate=0)
    first = store.allocations(services.storage, campaign_id)[0]
    inadequate = audit_allocation(engine, services, first, "CR-555200", grade="inadequate")
    assert store.get_allocation(services.storage, first.id).sampled  # sampled on submission, before any draw
    replies = engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    assert any(f"1 of 1 submitted audits are sampled for moderation (0% and every Inadequate one): #{inadequate}"
               in r.text for r in replies), [r.text for r in replies]
    [report] = [r for r in replies if r.title and r.to_user == QA]
    assert "**Moderation**: 1 sampled" in report.text


# -- for any order of submissions, grade changes, draws and closing, every Inadequate audit is sampled ------------

OPS = st.lists(st.one_of(
    st.tuples(st.just("draft"), st.integers(0, 7), st.just("")),
    st.tuples(st.just("submit"), st.integers(0, 7), st.sampled_from(("good", "inadequate", "requires_improvement"))),
    st.tuples(st.just("regrade"), st.integers(0, 7), st.sampled_from(("good", "inadequate"))),
    st.tuples(st.just("sample"), st.just(0), st.just("")),
    st.tuples(st.just("close"), st.just(0), st.just(""))), max_size=14)


def _start(engine: Engine, allocation: store.Allocation) -> None:
    """The Start button and the typed case reference (the real link; refused once the campaign is closed)."""
    engine.action(allocation.auditor_id, "campaign.start", str(allocation.id), surface="terminal")
    engine.message(allocation.auditor_id, f"CR-{700000 + allocation.id}", surface="terminal")


def _submit(services: Services, allocation: store.Allocation, grade: str, now: datetime) -> None:
    """Grade and submit a started draft with the audit store's own steps (a draft may be submitted after close)."""
    audit = audit_store.get_audit(services.storage, allocation.audit_id or 0)
    if audit is None or audit.status != "draft":
        return
    version = audit_store.advance(services.storage, audit.id, audit.step_version, audit.auditor_id,
                                  audit_store.Move(step=audit.step, fields={"overall_grade": grade}), now)
    audit_store.set_status(services.storage, audit.id, version, audit.auditor_id, "submitted", now)


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=OPS, moderate=st.sampled_from((0, 20, 100)))
def test_every_inadequate_submitted_audit_ends_up_sampled_whatever_the_order(
        engine: Engine, services: Services, ops: list[tuple[str, int, str]], moderate: int) -> None:
    with time_machine.travel(PINNED, tick=False):
        now = datetime.now(LONDON)
        campaign_id = create(engine, moderate=moderate, name=f"Property {next(_names)}")
        allocations = store.allocations(services.storage, campaign_id)
        for op, index, grade in ops:
            allocation = store.get_allocation(services.storage, allocations[index].id)
            assert allocation is not None
            if op in ("draft", "submit") and not allocation.started:
                _start(engine, allocation)
            if op == "submit":
                _submit(services, store.get_allocation(services.storage, allocation.id) or allocation, grade, now)
            elif op == "regrade" and allocation.submitted and allocation.audit_id:
                audit_store.edit_submitted(services.storage, allocation.audit_id, allocation.auditor_id,
                                           {"overall_grade": grade}, now)
            elif op == "sample":
                engine.command(QA, f"campaign sample {campaign_id} now", surface="terminal")
            elif op == "close":
                engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
            current = store.allocations(services.storage, campaign_id)
            for each in current:
                audit = audit_store.get_audit(services.storage, each.audit_id) if each.audit_id else None
                if each.submitted and audit is not None and audit.overall_grade == "inadequate":
                    assert each.sampled, (op, each)
        campaign = store.get_campaign(services.storage, campaign_id)
        assert campaign is not None
        report = service.report(services, campaign, now.date())
        assert report.progress.sampled == sum(a.sampled for a in store.allocations(services.storage, campaign_id))


def test_the_migration_samples_inadequate_audits_already_submitted(tmp_path: Path) -> None:
    """The QA trial's database: an Inadequate audit submitted after the draw, unsampled; m241 marks it."""
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    MIGRATIONS.apply(db, stop_before="m241_campaign_inadequate_always_sampled")
    base(db)
    for audit_id, status, grade in ((1, "submitted", "inadequate"), (2, "submitted", "good"),
                                    (3, "draft", "inadequate")):
        add_audit(db, audit_id, status, submitted=status == "submitted")
        db.execute("UPDATE audits SET overall_grade = ? WHERE id = ?", [grade, audit_id])
        db.execute("INSERT INTO campaign_allocations (campaign_id, case_ref, worker_id, team_id, auditor_id, status, "
                   "audit_id, updated_at) VALUES (1, NULL, 'U0PRAN001', 'north', 'U0MGRN001', 'started', ?, ?)",
                   [audit_id, STAMP])
    db.conn.commit()
    db.conn.close()
    storage = Storage(path)
    assert storage.migrate()[0] == "m241_campaign_inadequate_always_sampled"
    try:
        assert [(a.audit_id, a.sampled) for a in store.allocations(storage, 1)] == [(1, True), (2, False),
                                                                                    (3, False)]
    finally:
        storage.close()


def test_the_moderation_queue_marks_a_campaigns_sampled_audits(engine: Engine, services: Services, clock) -> None:
    """fix79a: audits in a campaign's sample came after the Inadequate ones in `/audit moderate` with no mark saying
    why, while the monthly sample's were marked "(monthly sample, November)"."""
    services.rng = random.Random(3)
    campaign_id = create(engine)
    allocations = store.allocations(services.storage, campaign_id)
    audited = [audit_allocation(engine, services, allocations[i], f"CR-55520{i}") for i in range(3)]
    engine.command(QA, f"campaign sample {campaign_id} now", surface="terminal")
    sampled = store.sampled_audit_ids(services.storage) & set(audited)
    assert sampled and sampled != set(audited)
    queue = engine.command(QA, "moderate", surface="terminal")
    [waiting] = [r for r in queue if r.text.startswith("**Audits waiting for moderation**")]
    lines = {int(line[3:].split()[0]): line for line in waiting.text.splitlines() if line.startswith("• #")}
    assert all(lines[a].endswith(f"(campaign {campaign_id} sample)") for a in sampled), waiting.text
    assert not any("sample" in lines[a] for a in set(audited) - sampled), waiting.text
    order = [a for a in lines if a in audited]
    assert set(order[:len(sampled)]) == sampled  # first, as marked
    # fix80b: the queue's heading names the campaign's sample between the Inadequate ones and the oldest
    assert moderation_store.queue_samples(services.storage, QA) == (True, False)
    assert moderation_store.queue_samples(services.storage, "U0ADMIN01") == (True, False)
