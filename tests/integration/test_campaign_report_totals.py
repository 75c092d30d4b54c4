"""The campaign report reads answer totals the database keeps (schema m230) instead of grouping every answer:
whatever happens to answers, audits, allocations and campaigns, in any order, the totals equal a count from
scratch, and the migration fills them in for the audits already stored."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from uuid import uuid4

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as audit_store
from bot.storage import campaigns as store
from bot.storage.db import Storage
from bot.storage.schema import MIGRATIONS
from tests.audit_driver import complete_audit
from tests.integration.test_audit_moderation_export import press
from tests.integration.test_campaigns import LONDON, _send, create

STAMP = "2026-12-02T10:00:00+00:00"
STATUSES = ("draft", "submitted", "in_moderation", "moderated", "cancelled")
TEAMS = ("north", "south")
QUESTIONS = ("q1", "q2", "q3")
VALUES = ("yes", "no", "na", "good")
AUDITS = 4
CAMPAIGNS = (1, 2)


def base(db: Database) -> None:
    """Two campaigns and a checklist snapshot, for audits and allocations to point at."""
    db.execute("INSERT INTO checklist_versions VALUES ('h', 'neglect', 'Neglect', '{}', ?)", [STAMP])
    for campaign_id in CAMPAIGNS:
        db.execute("INSERT INTO campaigns (id, name, theme, checklist_id, teams, starts_on, deadline, per_worker, "
                   "auditors, moderation_share, created_by, created_at) VALUES (?, 'C', 'neglect', 'neglect', "
                   "'north,south', '2026-12-01', '2026-12-18', 1, 'peer', 10, 'U0QALEAD1', ?)",
                   [campaign_id, STAMP])


def add_audit(db: Database, audit_id: int, status: str, submitted: bool) -> None:
    db.execute("INSERT OR IGNORE INTO audits (id, checklist_id, checklist_hash, case_ref, auditor_id, worker_id, "
               "team_id, status, step, started_at, updated_at, submitted_at) VALUES (?, 'neglect', 'h', "
               "'CR-100001', 'U0MGRN001', 'U0PRAN001', 'north', ?, 'done', ?, ?, ?)",
               [audit_id, status, STAMP, STAMP, STAMP if submitted else None])


# Each step is (kind, audit, question or allocation, value, flag, team, campaign, status), applied as the app's own
# statements would: an answer upserted, a status changed, an allocation linked, moved or deleted...
STEP = st.tuples(st.sampled_from(("answer", "unanswer", "status", "submit", "delete_audit", "allocate", "link",
                                  "unlink", "move_team", "delete_allocation", "delete_campaign", "audit")),
                 st.integers(1, AUDITS), st.integers(0, 5), st.sampled_from(VALUES), st.booleans(),
                 st.sampled_from(TEAMS), st.sampled_from(CAMPAIGNS), st.sampled_from(STATUSES))


def apply(db: Database, step: tuple) -> None:
    kind, audit_id, n, value, flag, team, campaign, status = step
    question = QUESTIONS[n % len(QUESTIONS)]
    if kind == "audit":
        add_audit(db, audit_id, status, flag)
    elif kind == "answer":
        db.execute("INSERT INTO answers (audit_id, question_id, value, evidence, flagged, answered_by, answered_at) "
                   "SELECT ?, ?, ?, NULL, ?, 'U0MGRN001', ? WHERE EXISTS (SELECT 1 FROM audits WHERE id = ?) "
                   "ON CONFLICT (audit_id, question_id) DO UPDATE SET value = excluded.value, evidence = NULL, "
                   "flagged = excluded.flagged", [audit_id, question, value, int(flag), STAMP, audit_id])
    elif kind == "unanswer":
        db.execute("DELETE FROM answers WHERE audit_id = ? AND question_id = ?", [audit_id, question])
    elif kind == "status":
        db.execute("UPDATE audits SET status = ? WHERE id = ?", [status, audit_id])
    elif kind == "submit":
        db.execute("UPDATE audits SET status = 'submitted', submitted_at = ? WHERE id = ? AND status = 'draft'",
                   [STAMP if flag else None, audit_id])
    elif kind == "delete_audit":
        db.execute("DELETE FROM audits WHERE id = ?", [audit_id])
    elif kind == "allocate":
        db.execute("INSERT INTO campaign_allocations (campaign_id, worker_id, team_id, auditor_id, audit_id, "
                   "updated_at) SELECT ?, 'U0PRAN001', ?, 'U0MGRN001', (SELECT id FROM audits WHERE id = ?), ? "
                   "WHERE EXISTS (SELECT 1 FROM campaigns WHERE id = ?)", [campaign, team, audit_id, STAMP, campaign])
    elif kind == "link":
        db.execute("UPDATE campaign_allocations SET audit_id = (SELECT id FROM audits WHERE id = ?), "
                   "status = 'started' WHERE id = (SELECT MIN(id) + ? FROM campaign_allocations)", [audit_id, n])
    elif kind == "unlink":
        db.execute("UPDATE campaign_allocations SET audit_id = NULL, status = 'allocated' WHERE audit_id = ?",
                   [audit_id])
    elif kind == "move_team":
        db.execute("UPDATE campaign_allocations SET team_id = ? WHERE audit_id = ?", [team, audit_id])
    elif kind == "delete_allocation":
        db.execute("DELETE FROM campaign_allocations WHERE id = (SELECT MIN(id) + ? FROM campaign_allocations)", [n])
    elif kind == "delete_campaign":
        db.execute("DELETE FROM campaigns WHERE id = ?", [campaign])


def assert_totals_match(storage: Storage) -> None:
    for campaign_id in CAMPAIGNS:
        assert store.answers_by_team(storage, campaign_id) == store.answers_by_team_recounted(storage, campaign_id)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, max_size=40))
def test_kept_totals_always_equal_a_count_from_scratch(tmp_path: Path, steps: list[tuple]) -> None:
    storage = Storage(tmp_path / f"{uuid4().hex}.db")
    storage.migrate()
    try:
        with storage.write() as db:
            base(db)
            for audit_id in range(1, AUDITS + 1):  # every audit submitted, answered and in a campaign
                add_audit(db, audit_id, "submitted", True)
                for n in range(len(QUESTIONS)):
                    apply(db, ("answer", audit_id, n, VALUES[(audit_id + n) % 3], n == audit_id % 3, "north", 1,
                               "draft"))
                apply(db, ("allocate", audit_id, 0, "yes", False, TEAMS[audit_id % 2], CAMPAIGNS[audit_id % 2],
                           "draft"))
        assert_totals_match(storage)
        for step in steps:
            with storage.write() as db:
                apply(db, step)
        assert_totals_match(storage)
    finally:
        storage.close()


def test_a_submitted_audit_counts_once_submitted_and_stops_counting_when_cancelled(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "totals.db")
    storage.migrate()
    try:
        with storage.write() as db:
            base(db)
            add_audit(db, 1, "draft", False)
            for question, value, flag in (("q1", "yes", 0), ("q2", "no", 1), ("q3", "na", 0)):
                apply(db, ("answer", 1, QUESTIONS.index(question), value, bool(flag), "north", 1, "draft"))
            apply(db, ("allocate", 1, 0, "yes", False, "south", 1, "draft"))
        assert store.answers_by_team(storage, 1) == []  # a draft never submitted does not count
        with storage.write() as db:
            apply(db, ("submit", 1, 0, "yes", True, "north", 1, "draft"))
        assert store.answers_by_team(storage, 1) == [("south", "q1", 1, 0, 0, 1), ("south", "q2", 0, 1, 1, 1),
                                                     ("south", "q3", 0, 0, 0, 1)]
        with storage.write() as db:  # reopened and re-answered: a draft with its first submission still counts
            apply(db, ("status", 1, 0, "yes", False, "north", 1, "draft"))
            apply(db, ("answer", 1, 1, "yes", False, "north", 1, "draft"))
        assert store.answers_by_team(storage, 1)[1] == ("south", "q2", 1, 0, 0, 1)
        with storage.write() as db:
            apply(db, ("status", 1, 0, "yes", False, "north", 1, "moderated"))
        assert len(store.answers_by_team(storage, 1)) == 3
        with storage.write() as db:
            apply(db, ("status", 1, 0, "yes", False, "north", 1, "cancelled"))
        assert store.answers_by_team(storage, 1) == []
        assert_totals_match(storage)
    finally:
        storage.close()


def test_the_migration_fills_in_totals_for_audits_already_stored(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    db.execute("PRAGMA foreign_keys=ON")
    MIGRATIONS.apply(db, stop_before="m230_reportsum_campaign_answer_totals")
    base(db)
    for audit_id, status, submitted in ((1, "submitted", True), (2, "draft", True), (3, "draft", False),
                                        (4, "cancelled", True)):
        add_audit(db, audit_id, status, submitted)
        for n in range(len(QUESTIONS)):
            apply(db, ("answer", audit_id, n, VALUES[(audit_id + n) % len(VALUES)], n == 1, "north", 1, "draft"))
        apply(db, ("allocate", audit_id, 0, "yes", False, TEAMS[audit_id % 2], 1 + audit_id % 2, "draft"))
    db.conn.commit()
    db.conn.close()
    storage = Storage(path)
    assert storage.migrate()[0] == "m230_reportsum_campaign_answer_totals"
    try:
        assert store.answers_by_team(storage, 2)  # audit 1 submitted, in campaign 2
        assert store.answers_by_team(storage, 1)  # audit 2 reopened after submission, in campaign 1
        assert_totals_match(storage)
    finally:
        storage.close()


def assert_report_counts_every_answer(services: Services, campaign_id: int) -> list[tuple]:
    kept = store.answers_by_team(services.storage, campaign_id)
    assert kept == store.answers_by_team_recounted(services.storage, campaign_id)
    return kept


def test_the_report_follows_submit_reopen_change_and_moderation_in_the_app(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        campaign_id = create(engine)
        north = store.allocations(services.storage, campaign_id, "U0MGRN001")[0]
        engine.action("U0MGRN001", "campaign.start", str(north.id), surface="terminal")
        complete_audit(lambda kind, payload: _send(engine, "U0MGRN001", kind, payload),
                       engine.message("U0MGRN001", "CR-400100", surface="terminal"))
        submitted = assert_report_counts_every_answer(services, campaign_id)
        assert submitted and {row[0] for row in submitted} == {"north-assessment"}
        audit_id = store.get_allocation(services.storage, north.id).audit_id

        engine.command("U0MGRN001", f"edit {audit_id}", surface="terminal")  # reopened: a draft that still counts
        assert assert_report_counts_every_answer(services, campaign_id) == submitted
        [question] = engine.message("U0MGRN001", "change 1", surface="terminal")
        old = {c.value for c in question.choices if c.action == "audit.answer"}
        asked = engine.action("U0MGRN001", "audit.answer", sorted(old)[-1], surface="terminal")  # Yes: it alerts
        send = next(c for r in asked for c in r.choices if c.action == "audit.alert_send")  # once confirmed
        *_escalations, review = engine.action("U0MGRN001", send.action, send.value, surface="terminal")
        changed = assert_report_counts_every_answer(services, campaign_id)
        assert changed != submitted  # the re-answered question counts at once, before resubmitting
        resubmit = next(c for c in review.choices if c.action == "audit.submit")
        # the concern now suggests Inadequate, so Submit the changes goes to the overall grade first (trial 43)
        grades = engine.action("U0MGRN001", "audit.submit", resubmit.value, surface="terminal")
        assert audit_store.get_audit(services.storage, audit_id).status == "draft"
        alert = press(engine, "U0MGRN001", grades, "audit.grade")  # Confirm: Inadequate
        press(engine, "U0MGRN001", alert, "audit.alert_send")
        for typed in ("The child was not seen for three months.", "skip", "skip", "done", "submit"):
            engine.message("U0MGRN001", typed, surface="terminal")
        assert audit_store.get_audit(services.storage, audit_id).status == "submitted"
        assert assert_report_counts_every_answer(services, campaign_id) == changed

        listing = engine.command("U0MGRS001", "moderate", surface="terminal")
        opened = press(engine, "U0MGRS001", listing, "audit.moderate_open")
        assert assert_report_counts_every_answer(services, campaign_id) == changed  # in moderation
        grades = press(engine, "U0MGRS001", opened, "audit.moderate_disagree")
        # Requires improvement: a Good over the immediate concern answered Yes would be queried first (trial 39)
        ri = next(c for c in grades[0].choices if c.label.startswith("Requires"))
        engine.action("U0MGRS001", "audit.moderate_grade", ri.value, surface="terminal")
        engine.message("U0MGRS001", "Evidence of impact for the child is thin.", surface="terminal")
        engine.message("U0MGRS001", "skip", surface="terminal")  # the action offered with a disagreement (fix41d)
        assert audit_store.get_audit(services.storage, audit_id).status == "moderated"
        assert assert_report_counts_every_answer(services, campaign_id) == changed

        south = store.allocations(services.storage, campaign_id, "U0MGRS001")[0]
        engine.action("U0MGRS001", "campaign.start", str(south.id), surface="terminal")
        complete_audit(lambda kind, payload: _send(engine, "U0MGRS001", kind, payload),
                       engine.message("U0MGRS001", "CR-400200", surface="terminal"))
        both = assert_report_counts_every_answer(services, campaign_id)
        assert {row[0] for row in both} == {"north-assessment", "south-cin-cp"}


def test_every_totals_trigger_survives_the_later_migrations(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "fresh.db")
    storage.migrate()
    try:
        triggers = {row[0]: row[1] for row in storage.db.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'campaign_totals_%'")}
        assert sorted(set(triggers.values())) == ["answers", "audits", "campaign_allocations", "campaigns"]
        assert len(triggers) == 9
    finally:
        storage.close()
