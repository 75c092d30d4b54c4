"""Audit campaigns through the engine (the terminal chat's path), the command line, the scheduler's jobs and
the exports, on the shipped teams: North (manager U0MGRN001; workers U0PRAN001, U0PRAN002), South (U0MGRS001;
U0PRAS001) and Children in Care (U0MGRC001; U0PRAC001)."""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import audits as audit_store
from bot.storage import campaigns as store
from bot.storage import reminders as reminder_store
from schedules.jobs import JOBS, campaign_close_job, reminders_job
from schedules.scheduler import JobRunner
from schedules.senders import RecordingSender
from tests.audit_driver import complete_audit
from tests.support.cli import run_cli

LONDON = ZoneInfo("Europe/London")
QA = "U0QALEAD1"
BASE = ('campaign create name="Neglect December" theme=neglect checklist=neglect '
        "teams=north-assessment,south-cin-cp,children-in-care start=2026-12-01 deadline=2026-12-11 ")


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def create(engine: Engine, extra: str = "per-worker=1 auditors=managers moderate=50") -> int:
    [created, *_] = engine.command(QA, BASE + extra, surface="terminal")
    assert created.kind != "error", created.text
    return int(created.text.split("ampaign ", 1)[1].split()[0])


def test_create_mistakes_get_one_message_each_in_the_terminal(engine: Engine, clock) -> None:
    for extra, message in [
        ("per-worker=1 auditors=managers", "The campaign needs moderate=…"),
        ("per-worker=0 auditors=managers moderate=10", "Cases per worker must be a whole number from 1 to 20"),
        ("per-worker=1 auditors=bosses moderate=10", "Who audits must be `managers`"),
        ("per-worker=1 auditors=managers moderate=110", "from 0 to 100"),
        ("per-worker=1 auditors=managers moderate=10 colour=blue", "I don't understand 'colour=blue'"),
        ('per-worker=1 auditors=managers moderate=10 name="unclosed', "A quote is not closed"),
    ]:
        [reply] = engine.command(QA, BASE + extra, surface="terminal")
        assert reply.kind == "error" and message in reply.text, reply.text
    [refused] = engine.command("U0PRAN001", BASE + "per-worker=1 auditors=managers moderate=10", surface="terminal")
    assert refused.kind == "error" and "QA leads and admins" in refused.text


def test_managers_audit_their_own_teams_and_start_prefills_the_worker(engine: Engine, services: Services,
                                                                      clock) -> None:
    campaign_id = create(engine)
    allocations = store.allocations(services.storage, campaign_id)
    assert sorted((a.worker_id, a.auditor_id) for a in allocations) == [
        ("U0PRAC001", "U0MGRC001"), ("U0PRAN001", "U0MGRN001"), ("U0PRAN002", "U0MGRN001"),
        ("U0PRAS001", "U0MGRS001")]
    mine = next(a for a in allocations if a.worker_id == "U0PRAN001")
    [asked] = engine.action("U0MGRN001", "campaign.start", str(mine.id), surface="terminal")
    assert "Type its case reference" in asked.text
    [refused] = engine.message("U0MGRN001", "Kayden Smith", surface="terminal")
    assert refused.kind == "error" and "not a case reference" in refused.text
    started = engine.message("U0MGRN001", "CR-400100", surface="terminal")
    linked = store.get_allocation(services.storage, mine.id)
    assert linked is not None and linked.started and linked.audit_id is not None
    audit = audit_store.get_audit(services.storage, linked.audit_id)
    assert audit is not None and (audit.case_ref, audit.worker_id, audit.team_id, audit.checklist_id) == (
        "CR-400100", "U0PRAN001", "north-assessment", "neglect")
    complete_audit(lambda kind, payload: _send(engine, "U0MGRN001", kind, payload), started)
    [again] = engine.action("U0MGRN001", "campaign.start", str(mine.id), surface="terminal")
    assert again.kind == "error"  # submitted: Start resumes only drafts
    [other] = engine.action("U0MGRS001", "campaign.start", str(mine.id), surface="terminal")
    assert other.kind == "error" and "no longer allocated to you" in other.text


def _send(engine: Engine, user: str, kind: str, payload: str):
    if kind == "press":
        action, value = payload.split("|", 1)
        return engine.action(user, action, value, surface="terminal")
    return engine.message(user, payload, surface="terminal")


def test_swap_keeps_independence_and_started_cases_stay_put(engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine, "per-worker=1 auditors=peer moderate=0")
    by_worker = {a.worker_id: a for a in store.allocations(services.storage, campaign_id)}
    first, second = by_worker["U0PRAN001"], by_worker["U0PRAS001"]
    [refused] = engine.command(QA, f"campaign swap {first.id} {second.id} workload", surface="terminal")
    assert refused.kind == "error" and "can't audit" in refused.text  # South's manager would audit South
    # Both North cases go to Children in Care's manager; give one to South's, then swap the two back and forth.
    [moved, *_] = engine.command(QA, f"campaign reassign {by_worker['U0PRAN002'].id} U0MGRS001 leave",
                                 surface="terminal")
    assert moved.kind != "error", moved.text
    [ok, *told] = engine.command(QA, f"campaign swap {by_worker['U0PRAN001'].id} {by_worker['U0PRAN002'].id} "
                                     "workload", surface="terminal")
    assert "Swapped" in ok.text and sorted(r.to_user or "" for r in told) == ["U0MGRC001", "U0MGRS001"]
    assert store.get_allocation(services.storage, by_worker["U0PRAN001"].id).auditor_id == "U0MGRS001"
    trail = services.storage.db.execute("SELECT COUNT(*) FROM trail WHERE action = 'campaign.reassign'").fetchone()
    assert trail[0] == 3  # the reassignment, then one row for each side of the swap
    [no_reason] = engine.command(QA, f"campaign reassign {first.id} U0MGRC001", surface="terminal")
    assert no_reason.kind == "error" and "reassign <allocation> <auditor> <reason>" in no_reason.text


def test_swapping_two_allocations_of_one_auditor_changes_nothing_and_tells_nobody(engine: Engine,
                                                                                 services: Services, clock) -> None:
    """Trial 8 (F18): swapping two of one auditor's cases said "Swapped" and DMed that auditor twice."""
    campaign_id = create(engine)
    north = [a for a in store.allocations(services.storage, campaign_id) if a.auditor_id == "U0MGRN001"]
    assert len(north) == 2
    first, second = sorted(a.id for a in north)
    replies = engine.command(QA, f"campaign swap {first} {second} balance", surface="terminal")
    assert [(r.kind, r.text) for r in replies] == [
        ("error", f"Allocations {first} and {second} already have the same auditor; nothing to swap.")]
    trail = services.storage.db.execute("SELECT COUNT(*) FROM trail WHERE action = 'campaign.reassign'").fetchone()
    assert trail[0] == 0


def test_progress_home_and_who_sees_what(engine: Engine, services: Services, clock) -> None:
    campaign_id = create(engine)
    [listing] = engine.command("U0MGRS001", "campaign", surface="terminal")
    assert "Neglect December" in listing.text
    [none] = engine.command("U0PRAN001", "campaign", surface="terminal")
    assert "no audit campaigns" in none.text
    [south] = engine.command("U0MGRS001", f"campaign {campaign_id}", surface="terminal")
    assert "South Child in Need and Protection: 1 allocated" in south.text and "North" not in south.text
    home = {person: [r.text for p in engine.home_providers for r in p(services.directory.person(person))]
            for person in (QA, "U0MGRN001", "U0PRAN001")}
    assert any("All teams: 4 allocated" in t.replace("**", "") for t in home[QA])
    assert any("North Assessment Team: 2 allocated" in t for t in home["U0MGRN001"])
    assert not any("Neglect December" in t for t in home["U0PRAN001"])


def test_reminders_chase_unsubmitted_cases_but_not_someone_away(services: Services, engine: Engine, clock) -> None:
    create(engine)
    reminder_store.set_away(services.storage, "U0MGRS001", datetime(2026, 12, 20).date(), None, services.clock())
    sent = {o.recipient: o.replies[0].text for o in reminders_job(services, services.clock())}
    assert "Neglect December" in sent["U0MGRN001"] and "your 2 allocated audits are not submitted" in sent["U0MGRN001"]
    assert "is due Fri 11 Dec" in sent["U0MGRN001"]
    assert "U0MGRS001" not in sent


def test_close_by_hand_then_report_in_text_json_and_csv(engine: Engine, services: Services, environ, clock,
                                                        tmp_path: Path) -> None:
    services.rng = random.Random(1)
    campaign_id = create(engine)
    replies = engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    assert "is closed; its report went to the QA leads" in replies[0].text
    reports = [r for r in replies if r.title and r.title.startswith("Audit campaign report")]
    # nothing was submitted, so no chart goes with it (docs: "with its chart once something is submitted"; trial 56)
    assert {r.to_user for r in reports} == {"U0QALEAD1", "U0QALEAD2"} and not any(r.image for r in reports)
    [again] = engine.command(QA, f"campaign close {campaign_id} confirm", surface="terminal")
    assert again.kind == "error" and "closed already" in again.text
    [late] = engine.action("U0MGRN001", "campaign.start", str(store.allocations(services.storage, campaign_id)[0].id))
    assert late.kind == "error" and "closed" in late.text
    text = run_cli(environ, "campaign", "report", str(campaign_id))
    assert "Completion: 0 of 4 (0%)" in text.out
    data = json.loads(run_cli(environ, "campaign", "report", str(campaign_id), "--format", "json").out)
    assert data["progress"]["allocated"] == 4 and data["campaign"]["status"] == "closed"
    rows = run_cli(environ, "campaign", "report", str(campaign_id), "--format", "csv").out.splitlines()
    assert rows[0] == "section,team,item,value" and "progress,all,allocated,4" in rows
    with pytest.raises(UserError, match="whole campaign report is for QA leads and admins"):
        run_cli(environ, "campaign", "report", str(campaign_id), "--as", "U0MGRN001")


def test_cli_creates_from_a_case_file_and_lists_shows_and_closes(environ, services: Services, engine: Engine,
                                                                 tmp_path: Path, clock) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text("case reference,worker\nCR-500001,U0PRAN001\nCR-500002,U0PRAS001\n", encoding="utf-8")
    args = ["campaign", "create", "--name", "Voice of the child", "--theme", "voice", "--checklist", "neglect",
            "--teams", "north-assessment,south-cin-cp", "--start", "2026-12-01", "--deadline", "2026-12-18",
            "--auditors", "peer", "--moderate", "20"]
    with pytest.raises(UserError, match="QA leads and admins"):
        run_cli(environ, *args, "--cases-csv", str(cases), "--as", "U0MGRN001")
    made = run_cli(environ, *args, "--cases-csv", str(cases))
    # Said as Slack says it (bot.campaigns.service.created_line), with where the auditors see their cases.
    assert made.code == 0 and made.out.startswith(
        "Campaign 1 Voice of the child is created for North Assessment Team, South Child in Need and Protection: "
        "2 auditors have their cases. "
        "The command line sends no Slack messages: they see them with `/audit campaign mine 1`"), made.out
    assert [(a.case_ref, a.auditor_id) for a in store.allocations(services.storage, 1)] == [
        ("CR-500001", "U0MGRS001"), ("CR-500002", "U0MGRN001")]
    first = store.allocations(services.storage, 1)[0]
    started = engine.action("U0MGRS001", "campaign.start", str(first.id))  # the case is known: straight in
    assert all(r.kind != "error" for r in started) and "CR-500001" in started[0].text
    audit = audit_store.get_audit(services.storage, store.get_allocation(services.storage, first.id).audit_id)
    assert (audit.case_ref, audit.worker_id, audit.auditor_id) == ("CR-500001", "U0PRAN001", "U0MGRS001")
    bad = tmp_path / "bad.csv"
    bad.write_text("CR-500003,U0PRAN001\nNHS 943 476 5919,U0PRAN001\n", encoding="utf-8")
    renamed = [("Voice of the child 2" if a == "Voice of the child" else a) for a in args]  # the name is taken
    with pytest.raises(UserError, match="Line 2 of the case file"):
        run_cli(environ, *renamed, "--cases-csv", str(bad))
    assert "Voice of the child" in run_cli(environ, "campaign", "list").out
    shown = run_cli(environ, "campaign", "show", "1", "--as", "U0MGRS001").out
    assert "South Child in Need and Protection: 1 allocated" in shown and "North" not in shown
    whole = run_cli(environ, "campaign", "show", "1").out  # the auditors by name, as the chat shows people
    assert f"• @{services.directory.label('U0MGRS001')}: 1 allocated" in whole and "U0MGRS001" not in whole
    closed = run_cli(environ, "campaign", "close", "1", "--yes")  # early, with cases not done: says so
    assert "is closed" in closed.out


def test_the_scheduled_job_closes_at_the_deadline_and_exports_carry_the_campaign(
        engine: Engine, services: Services, environ) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        campaign_id = create(engine)
        allocation = store.allocations(services.storage, campaign_id, "U0MGRS001")[0]
        engine.action("U0MGRS001", "campaign.start", str(allocation.id))
        complete_audit(lambda kind, payload: _send(engine, "U0MGRS001", kind, payload),
                       engine.message("U0MGRS001", "CR-600100"))
    with time_machine.travel(datetime(2026, 12, 10, 17, 30, tzinfo=LONDON), tick=False):
        assert campaign_close_job(services, services.clock()) == []  # the day before the deadline
    with time_machine.travel(datetime(2026, 12, 11, 17, 30, tzinfo=LONDON), tick=False):
        [outgoing, *_] = campaign_close_job(services, services.clock())
        assert outgoing.replies[0].title == "Audit campaign report: Neglect December"
        assert "Completion**: 1 of 4 (25%)" in outgoing.replies[0].text
        assert campaign_close_job(services, services.clock()) == []
    exported = run_cli(environ, "export", "--format", "json", "--campaign", str(campaign_id))
    data = json.loads(exported.out)
    assert [a["campaign_id"] for a in data["audits"]] == [campaign_id]
    assert data["campaigns"][0]["campaign"]["id"] == campaign_id
    assert "campaign_id" in run_cli(environ, "export").out.splitlines()[0]
    # the trail keeps each export's filters, the campaign too (trial 18: it said `since=null team=null`)
    trailed = [json.loads(row["detail"]) for row in services.storage.db.query(
        "SELECT detail FROM trail WHERE action = 'export' ORDER BY id")]
    assert [detail["campaign"] for detail in trailed] == [campaign_id, None]


def test_a_deadline_that_ended_while_the_bot_was_down_is_closed_when_it_starts_never_before_it_ends(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        campaign_id = create(engine)
    runner = JobRunner(services, sender := RecordingSender(), jobs={"campaign_close": JOBS["campaign_close"]})
    # Deadline Friday 11 December. Down over Thursday's closing, started on the deadline morning: the auditors
    # keep their last day, so nothing closes.
    with time_machine.travel(datetime(2026, 12, 11, 9, 30, tzinfo=LONDON), tick=False):
        assert runner.catch_up() == ["campaign_close 2026-12-10: sent late"]
    assert sender.sent == [] and store.get_campaign(services.storage, campaign_id).is_open
    # Down again from before 17:30 that Friday until Tuesday morning: closed at that start.
    with time_machine.travel(datetime(2026, 12, 15, 10, 0, tzinfo=LONDON), tick=False):
        assert runner.catch_up() == ["campaign_close 2026-12-14: sent late"]
        assert runner.catch_up() == []
    reports = {reply.to_user: reply for _, reply in sender.sent}
    assert reports[QA].title == "Audit campaign report: Neglect December"
    assert "closed at its deadline, Friday 11" in reports["U0MGRN001"].text
    assert store.get_campaign(services.storage, campaign_id).status == "closed"


def test_a_cancelled_campaign_audit_can_be_started_again_and_buttons_are_checked(engine: Engine, services: Services,
                                                                               clock) -> None:
    campaign_id = create(engine)
    mine = store.allocations(services.storage, campaign_id, "U0MGRS001")[0]
    engine.action("U0MGRS001", "campaign.start", str(mine.id))
    engine.message("U0MGRS001", "CR-700100")
    first = store.get_allocation(services.storage, mine.id)
    assert first is not None and first.audit_id is not None
    audit = audit_store.get_audit(services.storage, first.audit_id)
    assert audit is not None
    engine.action("U0MGRS001", "audit.cancel", f"{audit.id}:{audit.step_version}")
    engine.action("U0MGRS001", "audit.cancel_confirm", f"{audit.id}:{audit.step_version}")
    assert not store.get_allocation(services.storage, mine.id).started  # a cancelled audit does not count
    [asked] = engine.action("U0MGRS001", "campaign.start", str(mine.id))
    assert "Type its case reference" in asked.text
    engine.message("U0MGRS001", "CR-700101")
    again = store.get_allocation(services.storage, mine.id)
    assert again is not None and again.started and again.audit_id != first.audit_id
    [stale] = engine.action("U0MGRS001", "campaign.start", "12; DROP TABLE")
    assert stale.kind == "error" and "out of date" in stale.text
    [gone] = engine.action("U0MGRS001", "campaign.start", "999")
    assert gone.kind == "error" and "no longer part of a campaign" in gone.text
    [started] = engine.command(QA, f"campaign reassign {mine.id} U0MGRS001 wrong person", surface="terminal")
    assert started.kind == "error" and "already started" in started.text


def test_the_modal_check_refuses_what_cannot_be_allocated_and_stores_nothing(engine: Engine, services: Services,
                                                                             clock) -> None:
    form = {"name": "Neglect December", "theme": "neglect", "checklist": "neglect", "teams": "north-assessment",
            "start": "2026-12-01", "deadline": "2026-12-18", "per-worker": "1", "auditors": "peer", "moderate": "20"}
    errors = engine.check_form(QA, "campaign.create_form", json.dumps({"form": form, "meta": ""}))
    assert list(errors) == ["auditors"] and "peer" in errors["auditors"].lower()
    good = engine.check_form(QA, "campaign.create_form", json.dumps({"form": {**form, "auditors": "managers"}}))
    assert good == {}
    assert store.list_campaigns(services.storage) == []  # a check never creates
    refused = engine.check_form("U0PRAN001", "campaign.create_form", json.dumps({"form": form}))
    assert list(refused) == ["auditors"]  # only QA leads and admins run campaigns
