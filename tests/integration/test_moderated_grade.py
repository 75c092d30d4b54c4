"""After moderation the moderator's grade is the grade of record: `/audit show` and `/audit list` show it with the
auditor's beside it, and the digest, the Home tab's figures, campaign reports and exports count it; a moderator's
Inadequate alerts the managers as an auditor's does."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlite_utils import Database

from bot.core.services import Services
from bot.digests.dashboard import team_figures
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import audits as store
from bot.storage import campaigns as campaign_store
from bot.storage.db import Storage
from bot.storage.demo_data import insert_audits
from bot.storage.schema import MIGRATIONS
from tests.audit_driver import complete_audit
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_campaigns import BASE, QA, _send
from tests.integration.test_wording import submitted_audit
from tests.support.audit_rows import insert_audit
from tests.support.cli import run_cli
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)   # week 49 (30 Nov to 6 Dec 2026)
NEXT_WEEK = datetime(2026, 12, 9, 10, 0, tzinfo=LONDON)   # its digest, and the Home's "last week"
AUDITOR, SOUTH = "U0MGRN001", "U0MGRS001"  # the North manager audits; the South manager moderates
REASON = "Evidence of impact for the child is thin."


def moderate_inadequate(engine: Engine, audit_id: int) -> str:
    """The South manager opens the audit, disagrees and grades it Inadequate, in the terminal chat."""
    _, out = drive(engine, ["/audit moderate", "1", "2", "3", REASON, "send"], user=SOUTH)  # send: the alert check
    assert f"Moderation of audit #{audit_id} saved" in out, out
    return out


@pytest.fixture
def regraded(engine: Engine, services: Services) -> Iterator[int]:
    """Audit #1 graded Good by its auditor, graded Inadequate by the moderator."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        assert store.get_audit(services.storage, audit_id).overall_grade == "good"
        moderate_inadequate(engine, audit_id)
    yield audit_id


def test_show_and_list_give_the_moderators_grade_with_the_auditors_beside_it(engine: Engine, services: Services,
                                                                             regraded: int) -> None:
    with time_machine.travel(NEXT_WEEK, tick=False):
        _, out = drive(engine, [f"/audit show {regraded}", "/audit list"], user=AUDITOR)
    text = flat(out)
    assert "Overall grade: Inadequate (after moderation; the auditor graded Good)" in text
    assert "Overall grade: Good" not in text
    assert (f"#{regraded} Early help spot audit, case CR-100200, Inadequate after moderation (auditor: Good), "
            "audited by ") in text and ": submitted " in text and ", moderated " in text
    audit = store.get_audit(services.storage, regraded)
    assert (audit.overall_grade, audit.moderated_grade, audit.grade_of_record) == ("good", "inadequate",
                                                                                   "inadequate")


def test_an_agreed_grade_says_so_and_stays_the_auditors(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        drive(engine, ["/audit moderate", "1", "1", REASON], user=SOUTH)
        _, out = drive(engine, [f"/audit show {audit_id}"], user=AUDITOR)
    assert "Overall grade: Good (agreed at moderation)" in flat(out)
    assert store.get_audit(services.storage, audit_id).grade_of_record == "good"


def test_the_digest_counts_the_moderators_grade_and_says_so(services: Services, environ: dict[str, str],
                                                             regraded: int) -> None:
    with time_machine.travel(NEXT_WEEK, tick=False):
        text = flat(run_cli(environ, "digest", "--team", "north-assessment", "--week", "2026-W49").out)
        data = json.loads(run_cli(environ, "digest", "--team", "north-assessment", "--week", "2026-W49",
                                  "--format", "json").out)
    assert "Inadequate: 1 of 1 (100%)" in text and "Good: 0 of 1 (0%)" in text
    assert ("Grades in week 49 (1 graded, after moderation where moderated: 1 of 1 moderated, regraded by the "
            "moderator;") in text
    [team] = data["teams"]
    assert team["grades_week"] == {"inadequate": 1}
    assert (team["moderated_week"], team["regraded_week"]) == (1, 1)


def test_the_home_tab_counts_the_moderators_grade(services: Services, regraded: int) -> None:
    with time_machine.travel(NEXT_WEEK, tick=False):
        [north] = team_figures(services, services.directory.person(AUDITOR))
    fields = dict(north.fields)
    assert fields["Audits last week"] == "1"
    # trial 56 F17, trial 60 F6: never "0 of 1 (0%), 1 of 1 after moderation", read as a second count of Good
    assert fields["Good or better last week"] == "0 of 1 (0%; 1 of 1 moderated, regraded by the moderator)"
    assert fields["Month vs target"] == "1 in December (to 9 December); target 2, 1 to go"  # this month to date


def test_the_export_keeps_both_grades_and_names_the_grade_of_record(services: Services, environ: dict[str, str],
                                                                    regraded: int) -> None:
    rows = list(csv.DictReader(io.StringIO(run_cli(environ, "export", "--format", "csv").out)))
    assert {(r["overall_grade"], r["moderation_grade"], r["grade_of_record"]) for r in rows} == {
        ("good", "inadequate", "inadequate")}
    [audit] = json.loads(run_cli(environ, "export", "--format", "json").out)["audits"]
    assert (audit["overall_grade"], audit["grade_of_record"]) == ("good", "inadequate")


def test_a_moderators_inadequate_alerts_the_managers_as_an_auditors_does(engine: Engine,
                                                                         services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.action(SOUTH, "audit.moderate_open", str(audit_id))
        engine.action(SOUTH, "audit.moderate_disagree", str(audit_id))
        engine.action(SOUTH, "audit.moderate_grade", f"{audit_id}:inadequate")
        engine.message(SOUTH, REASON)  # asks the auditor's check first: nothing saved, nobody alerted
        replies = engine.message(SOUTH, "send")
    # The auditor manages the worker's team, so (as for the auditor's own Inadequate) the QA leads and the head of
    # service are alerted.
    alerts = [r for r in replies if r.to_user and "Inadequate overall grade" in r.text]
    assert sorted(r.to_user for r in alerts) == ["U0ADMIN01", "U0QALEAD1", "U0QALEAD2"]
    assert all("Team manager (South) graded it Inadequate at moderation, where the auditor's grade was Good"
               in flat(r.text) for r in alerts)
    assert all(any(c.action == "audit.view" for c in r.choices) for r in alerts)
    [saved] = [r for r in replies if r.to_user is None]
    assert ("I've alerted Head of service, QA lead (practice), QA lead (children in care) about the Inadequate grade "
            "now") in saved.text


def test_a_moderator_who_is_a_qa_lead_is_not_alerted_about_their_own_grade(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.action(QA, "audit.moderate_open", str(audit_id))
        engine.action(QA, "audit.moderate_grade", f"{audit_id}:inadequate")
        [asked] = engine.message(QA, REASON)
        assert "This sends an urgent alert now to Head of service, QA lead (children in care). Send it?" in asked.text
        replies = engine.message(QA, "send")
    alerted = [r.to_user for r in replies if r.to_user and "Inadequate overall grade" in r.text]
    assert alerted == ["U0ADMIN01", "U0QALEAD2"]


def test_no_alert_when_the_moderator_agrees_or_grades_above_inadequate(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.action(SOUTH, "audit.moderate_open", str(audit_id))
        engine.action(SOUTH, "audit.moderate_grade", f"{audit_id}:requires_improvement")
        replies = engine.message(SOUTH, REASON)
    assert not [r for r in replies if "Inadequate overall grade" in r.text]


def test_moderations_written_outside_the_bot_set_the_grade_of_record(services: Services) -> None:
    """Demo data and restored databases write moderations directly: the database keeps the grade of record."""
    decided = datetime(2026, 11, 10, 10, 0, tzinfo=LONDON)
    agreed = insert_audit(services.storage, "CR-100301", decided, status="moderated")
    regraded = insert_audit(services.storage, "CR-100302", decided, status="moderated")
    services.storage.db.execute("UPDATE audits SET overall_grade = 'good'")
    insert_audits(services.storage, [], [], [], [
        (agreed, "U0QALEAD1", "2026-11-09T10:00:00+00:00", "2026-11-10T10:00:00+00:00", 1, None, None),
        (regraded, "U0QALEAD1", "2026-11-09T10:00:00+00:00", "2026-11-10T10:00:00+00:00", 0, "inadequate", "Thin."),
    ])
    assert store.get_audit(services.storage, agreed).grade_of_record == "good"
    assert store.get_audit(services.storage, regraded).grade_of_record == "inadequate"


def test_a_campaign_report_counts_the_moderators_grade(engine: Engine, services: Services,
                                                      environ: dict[str, str]) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        [created, *_] = engine.command(QA, BASE + "per-worker=1 auditors=managers moderate=0", surface="terminal")
        campaign_id = int(created.text.split("ampaign ", 1)[1].split()[0])
        mine = next(a for a in campaign_store.allocations(services.storage, campaign_id)
                    if a.worker_id == "U0PRAN001")
        engine.action(AUDITOR, "campaign.start", str(mine.id), surface="terminal")
        started = engine.message(AUDITOR, "CR-400100", surface="terminal")
        complete_audit(lambda kind, payload: _send(engine, AUDITOR, kind, payload), started)
        audit_id = campaign_store.get_allocation(services.storage, mine.id).audit_id
        auditors = store.get_audit(services.storage, audit_id).overall_grade
        assert auditors != "inadequate"
        moderate_inadequate(engine, audit_id)
        text = flat(run_cli(environ, "campaign", "report", str(campaign_id)).out)
        data = json.loads(run_cli(environ, "campaign", "report", str(campaign_id), "--format", "json").out)
    assert "Grades (after moderation, where moderated): Inadequate 1" in text
    assert data["grades"] == {"inadequate": 1}


def test_the_migration_fills_in_the_grade_of_record_for_audits_moderated_before(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    MIGRATIONS.apply(db, stop_before="m240_modgrade_moderated_grade")
    db.execute("INSERT INTO checklist_versions (hash, checklist_id, title, content, first_seen) "
               "VALUES ('h', 'c', 'C', '{}', '2026-11-01T10:00:00+00:00')")
    for audit_id, status in ((1, "moderated"), (2, "moderated"), (3, "submitted")):
        db.execute("INSERT INTO audits (id, checklist_id, checklist_hash, case_ref, auditor_id, status, step, "
                   "overall_grade, started_at, updated_at, submitted_at) VALUES (?, 'c', 'h', 'CR-100001', "
                   "'U0MGRN001', ?, 'done', 'good', '2026-11-01T10:00:00+00:00', '2026-11-01T10:00:00+00:00', "
                   "'2026-11-01T10:00:00+00:00')", [audit_id, status])
    for audit_id, grade in ((1, "inadequate"), (2, "good")):
        db.execute("INSERT INTO moderations (audit_id, moderator_id, opened_at, decided_at, agrees, grade, reason) "
                   "VALUES (?, 'U0QALEAD1', '2026-11-02T10:00:00+00:00', '2026-11-02T11:00:00+00:00', ?, ?, 'Why.')",
                   [audit_id, int(grade == "good"), grade])
    db.conn.commit()
    db.conn.close()
    storage = Storage(path)
    try:
        assert "m240_modgrade_moderated_grade" in storage.migrate()
        assert [store.get_audit(storage, n).grade_of_record for n in (1, 2, 3)] == ["inadequate", "good", "good"]
        assert [store.get_audit(storage, n).regraded for n in (1, 2, 3)] == [True, False, False]
    finally:
        storage.close()


def test_an_export_written_to_a_file_is_readable_by_its_owner_only(environ: dict[str, str], regraded: int,
                                                                   tmp_path: Path) -> None:
    target = tmp_path / "north.csv"
    target.write_text("last month's export\n")
    target.chmod(0o644)
    done = run_cli(environ, "export", "--format", "csv", "--output", str(target))
    assert done.code == 0 and "replaced" in done.err and str(target) in done.err
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text().startswith("audit_id,") and "last month" not in target.read_text()
    fresh = tmp_path / "new.json"
    assert run_cli(environ, "export", "--format", "json", "--output", str(fresh)).code == 0
    assert fresh.stat().st_mode & 0o777 == 0o600 and "replaced" not in run_cli(environ, "export").err


def test_an_export_to_a_folder_that_does_not_exist_says_so(environ: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"--output: cannot write .*check the folder exists"):
        run_cli(environ, "export", "--output", str(tmp_path / "no-such-folder" / "x.csv"))
