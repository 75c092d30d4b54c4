"""`audit-bot demo-data` obeys the rules the bot enforces, since its audits feed digests and the Home tab: nobody
moderates an audit they did (or of their own case, or of a team they manage), every audit whose grade of record
is Inadequate has an action, every decision has a reason, and nothing is dated after the run (user trial: 8 audits
moderated by their own auditor, an Inadequate audit with no actions, one submitted later than now). Each invented
audit, read back as the bot reads any audit, passes the checks a person's audit passes before it may be submitted
(bot.core.audit_rules): every grade has its evidence note, a grade other than the suggested one has a reason, and no
audit graded Good or Outstanding (by its auditor or its moderator) carries an immediate concern (review: demo grades
with no evidence note, a Good audit with an immediate safeguarding concern). A moderation stored without a reason
never reads "Reason: None"."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits.core import load
from bot.core import policy
from bot.core.audit_rules import concerns, submission_breaks
from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from bot.storage.actions import actions_of_audit
from bot.storage.common import COMPLETED_SQL, GRADE_OF_RECORD_SQL, utc_text
from bot.storage.demo_data import remove_demo_audits
from tests.support.cli import run_cli
from tests.support.digest_rows import AuditRows
from tests.support.examples import examples

LONDON = ZoneInfo("Europe/London")
# Runs at awkward moments: before the day's first drawn audit time, late on a Monday that opens a new month, on a
# Sunday, and in summer time.
RUN_AT = (datetime(2026, 12, 2, 9, 5, tzinfo=LONDON), datetime(2026, 11, 30, 23, 30, tzinfo=LONDON),
          datetime(2026, 12, 6, 12, 0, tzinfo=LONDON), datetime(2027, 6, 9, 8, 15, tzinfo=LONDON))
TIMESTAMPS = (("audits", "started_at"), ("audits", "updated_at"), ("audits", "submitted_at"),
              ("audits", "moderated_at"), ("answers", "answered_at"), ("actions", "created_at"),
              ("actions", "done_at"), ("moderations", "opened_at"), ("moderations", "decided_at"),
              ("checklist_versions", "first_seen"))


def _broken_rules(services: Services, now: datetime) -> list[str]:
    db = services.storage.db
    found = []
    directory = services.directory
    for audit_id, moderator, auditor, worker, team, status, reason in db.execute(
            "SELECT a.id, m.moderator_id, a.auditor_id, a.worker_id, a.team_id, a.status, m.reason "
            "FROM moderations m JOIN audits a ON a.id = m.audit_id").fetchall():
        parties = SimpleNamespace(auditor_id=auditor, worker_id=worker, team_id=team, status=status)
        if not policy.may_moderate(directory, directory.person(moderator), parties):
            found.append(f"audit {audit_id} moderated by {moderator} (auditor {auditor}, worker {worker})")
        if not (reason or "").strip():
            found.append(f"audit {audit_id}: a moderation decided without a reason")
    for audit_id, auditor in db.execute("SELECT id, auditor_id FROM audits WHERE auditor_id = worker_id").fetchall():
        found.append(f"audit {audit_id} is of its auditor's own case ({auditor})")
    grade = GRADE_OF_RECORD_SQL.format(a="a.")
    for (audit_id,) in db.execute(
            f"SELECT a.id FROM audits a WHERE {grade} = 'inadequate' AND a.status IN {COMPLETED_SQL} "
            "AND NOT EXISTS (SELECT 1 FROM actions ac WHERE ac.audit_id = a.id)").fetchall():
        found.append(f"audit {audit_id} is Inadequate with no action")
    found += _broken_audit_rules(services)
    stamp = utc_text(now)
    for table, column in TIMESTAMPS:
        latest = db.execute(f"SELECT MAX({column}) FROM {table}").fetchone()[0]
        if latest is not None and latest > stamp:
            found.append(f"{table}.{column} {latest} is after the run ({stamp})")
    return found


def _broken_audit_rules(services: Services) -> list[str]:
    """Each submitted audit, loaded as the bot loads one, against the rules a person's audit must pass."""
    found = []
    for (audit_id,) in services.storage.db.execute(
            f"SELECT id FROM audits WHERE status IN {COMPLETED_SQL} AND submitted_at IS NOT NULL").fetchall():
        ctx = load(services, audit_id)
        actions = len(actions_of_audit(services.storage, audit_id))
        found += [f"audit {audit_id}: {broken}" for broken in submission_breaks(
            ctx.checklist, ctx.answers, ctx.audit.overall_grade, ctx.audit.grade_reason, actions)]
        if ctx.audit.grade_of_record in ("good", "outstanding") and concerns(ctx.checklist, ctx.answers):
            found.append(f"audit {audit_id}: {ctx.audit.grade_of_record} after moderation with an immediate concern")
    return found


@settings(max_examples=examples(6), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), weeks=st.integers(1, 3), now=st.sampled_from(RUN_AT))
def test_demo_data_obeys_the_bots_rules(services: Services, seed: int, weeks: int, now: datetime) -> None:
    remove_demo_audits(services.storage)
    with services.storage.write() as db:
        db.execute("DELETE FROM checklist_versions")
    with time_machine.travel(now, tick=False):
        summary = generate(services, weeks=weeks, seed=seed)
    assert summary.audits > 0
    assert _broken_rules(services, now) == []


def test_the_shipped_demo_run_obeys_the_rules(services: Services, environ: dict[str, str]) -> None:
    """The run from the user trial: the defaults (12 weeks, seed 7) on Wednesday 2 December 2026 at noon."""
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        assert run_cli(environ, "demo-data").code == 0
    assert services.storage.db.execute("SELECT COUNT(*) FROM moderations").fetchone()[0] > 0
    assert _broken_rules(services, now) == []


def test_a_moderation_stored_without_a_reason_never_reads_reason_none(services: Services, engine: Engine) -> None:
    rows = AuditRows(services)
    audit = rows.audit(submitted=datetime(2026, 11, 17, 11, tzinfo=UTC))
    rows.moderation(audit, "U0QALEAD1", datetime(2026, 11, 18, tzinfo=UTC), datetime(2026, 11, 19, tzinfo=UTC), True)
    with time_machine.travel(datetime(2026, 11, 25, 12, tzinfo=LONDON), tick=False):
        shown = engine.command("U0QALEAD2", f"show {audit}")
    text = shown[0].text
    assert "**Moderation:** QA lead (practice) agreed with the grade. No reason given." in text
    assert "None" not in text


def test_a_demo_audit_reads_as_a_person_submitted_it(services: Services, engine: Engine) -> None:
    """What a reader sees: the shipped run's audits show every grade with its evidence note (never "(no evidence
    note)"), and the immediate concerns it invents are on audits graded Inadequate only."""
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        generate(services, weeks=12, seed=7)
        db = services.storage.db
        shown = [engine.command("U0QALEAD1", f"show {audit_id}")[0].text for (audit_id,) in db.execute(
            "SELECT id FROM audits WHERE submitted_at IS NOT NULL ORDER BY id LIMIT 40").fetchall()]
    assert shown and all("no evidence note" not in text for text in shown)
    notes = {line.strip() for text in shown for line in text.splitlines() if line.strip().startswith("_Evidence:")}
    assert len(notes) > 40  # each grade's own note (trial 62 F5: one invented line repeated)
    assert all("**Strengths:**" in text for text in shown)
    graded = dict(db.execute(
        "SELECT a.overall_grade, COUNT(*) FROM answers n JOIN audits a ON a.id = n.audit_id "
        "WHERE n.question_id = 'immediate-concern' AND n.value = 'yes' GROUP BY a.overall_grade").fetchall())
    assert set(graded) <= {"inadequate"}
