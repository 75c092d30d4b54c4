"""Audit campaigns at service scale: allocating 40 teams x 8 workers x 2 cases, and building a campaign report
from 100,000 stored audits (20 answers each), each beside a naive Python baseline in the same run.

Run with `python -m bench.campaign_bench` (or `make bench`). Targets: allocation < 1 s; report < 1 s.
Figures only: nothing here fails on time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.measure import p, peak_mb, synthetic_answers_sql, timed, write_teams_config

TEAMS = 40
WORKERS = 8
PER_WORKER = 2
AUDITS = 100_000
QUESTIONS = 20
NOW = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)


def campaign_spec(services, name: str):
    from bot.campaigns.service import build_spec

    return build_spec(services, {"name": name, "theme": "neglect", "checklist": "neglect",
                                 "teams": ",".join(f"team-{t:02d}" for t in range(TEAMS)), "start": "2026-12-01",
                                 "deadline": "2026-12-18", "per-worker": str(PER_WORKER), "auditors": "peer",
                                 "moderate": "10"})


def naive_allocate(spec, directory, organiser: str) -> list[tuple[str, str]]:
    """The baseline: every person checked against the rule for every case, loads counted by scanning."""
    from bot.core import policy

    result: list[tuple[str, str]] = []
    for team_id in spec.teams:
        for member in directory.teams[team_id].members:
            if member.role.value != "practitioner":
                continue
            for _ in range(spec.per_worker):
                eligible = [p for p in sorted(directory.people) if policy.may_audit_in_campaign(
                    directory, spec.auditors, member.user_id, team_id, p, organiser)]
                eligible.sort(key=lambda p: (sum(1 for _, a in result if a == p), p))
                result.append((member.user_id, eligible[0]))
    return result


def seed_audits(services, campaign_id: int) -> None:
    """100,000 submitted audits of 20 yes/no answers; the first campaign's allocations point at some of them,
    and a second campaign takes every one of them (the report's worst case)."""
    from bot.storage.demo_data import snapshot_checklist

    questions = [{"id": f"q{j}", "text": f"Was the child's plan reviewed on time ({j})?", "type": "yes_no",
                  "required": True, "allow_na": False, "options": [], "guidance": None, "show_if": None,
                  "flag_if": ["no"], "escalate_if": []} for j in range(1, QUESTIONS + 1)]
    content = {"id": "neglect", "title": "Neglect", "description": "",
               "sections": [{"id": "s", "title": "S", "questions": questions}]}
    digest = snapshot_checklist(services.storage, content, NOW - timedelta(weeks=5))
    end, fmt = int(NOW.timestamp()), "'%Y-%m-%dT%H:%M:%S+00:00'"
    services.storage.db.conn.executescript(f"""
        BEGIN;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {AUDITS})
        INSERT INTO audits (id, checklist_id, checklist_hash, case_ref, auditor_id, worker_id, team_id, status,
                            step, overall_grade, started_at, updated_at, submitted_at)
        SELECT i, 'neglect', '{digest}', 'CR-' || (100000 + i), printf('U0MGR%04d', (i + 1) % {TEAMS}),
               printf('U0PRA%02d%02d', i % {TEAMS}, i % {WORKERS}), printf('team-%02d', i % {TEAMS}),
               CASE WHEN i % 4 = 0 THEN 'moderated' ELSE 'submitted' END, 'done',
               CASE (i * 7) % 10 WHEN 0 THEN 'outstanding' WHEN 1 THEN 'inadequate'
                   WHEN 2 THEN 'requires_improvement' ELSE 'good' END,
               strftime({fmt}, {end} - i * 20, 'unixepoch'), strftime({fmt}, {end} - i * 20, 'unixepoch'),
               strftime({fmt}, {end} - i * 20, 'unixepoch')
        FROM n;
        {synthetic_answers_sql(QUESTIONS)}
        INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at, done_at)
        SELECT id, 'Invented action', worker_id, date(submitted_at, '+7 days'), auditor_id, submitted_at,
               CASE WHEN id % 3 = 0 THEN NULL ELSE date(submitted_at, '+5 days') END
        FROM audits WHERE id % 2 = 0;
        INSERT INTO moderations (audit_id, moderator_id, opened_at, decided_at, agrees)
        SELECT id, 'U0QALEAD1', submitted_at, submitted_at, id % 5 != 0 FROM audits WHERE status = 'moderated';
        UPDATE campaign_allocations SET audit_id = id * 150, status = 'started' WHERE campaign_id = {campaign_id};
        INSERT INTO campaigns (id, name, theme, checklist_id, teams, starts_on, deadline, per_worker, auditors,
                               moderation_share, created_by, created_at)
            SELECT 99, 'Every audit', theme, checklist_id, teams, starts_on, deadline, per_worker, auditors,
                   moderation_share, created_by, created_at FROM campaigns WHERE id = {campaign_id};
        INSERT INTO campaign_allocations (campaign_id, case_ref, worker_id, team_id, auditor_id, status, audit_id,
                                          updated_at)
            SELECT 99, case_ref, worker_id, team_id, auditor_id, 'started', id, updated_at FROM audits;
        COMMIT;
        ANALYZE;
    """)


def naive_report(services, campaign_id: int) -> dict:
    """The baseline: the campaign's allocations, every audit and every answer into Python, counted there."""
    db = services.storage.db
    linked = {r[0]: r[1] for r in db.execute(
        "SELECT audit_id, team_id FROM campaign_allocations WHERE campaign_id = ?", [campaign_id])}
    grades: Counter[tuple[str, str | None]] = Counter()
    yes: Counter[tuple[str, str]] = Counter()
    no: Counter[tuple[str, str]] = Counter()
    flagged: Counter[tuple[str, str]] = Counter()
    for audit_id, grade in db.execute("SELECT id, overall_grade FROM audits"):
        if audit_id in linked:
            grades[(linked[audit_id], grade)] += 1
    answers = db.execute("SELECT audit_id, question_id, value, flagged FROM answers")
    for audit_id, question, value, is_flagged in answers:
        team = linked.get(audit_id)
        if team is not None:
            yes[(team, question)] += value == "yes"
            no[(team, question)] += value == "no"
            flagged[(team, question)] += is_flagged
    return {"grades": len(grades), "questions": len(yes), "flagged": sum(flagged.values())}


def line(label: str, times: list[float], peak: float, note: str = "") -> str:
    return (f"  {label:<22}: p50 {p(times, .5):8.1f} ms  p99 {p(times, .99):8.1f} ms  peak {peak:6.1f} MB"
            f"  ({len(times)} runs){note}")


def main() -> int:
    from bot.campaigns import service
    from bot.campaigns.allocate import allocate
    from bot.composition import build_services
    from bot.settings.config import load_settings
    from bot.storage import campaigns as store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_teams_config(folder / "config", TEAMS, WORKERS)
        settings = load_settings({"AUDITBOT_CONFIG": str(folder / "config"), "AUDITBOT_DB": str(folder / "b.db")})
        services = build_services(settings, clock=lambda: NOW)
        try:
            spec = campaign_spec(services, "Neglect December")
            directory = services.directory
            allotted = allocate(spec, directory, "U0QALEAD1")
            assert len(allotted) == TEAMS * WORKERS * PER_WORKER
            assert len(naive_allocate(spec, directory, "U0QALEAD1")) == len(allotted)
            alloc_times = timed(lambda: allocate(spec, directory, "U0QALEAD1"), 20)
            alloc_peak = peak_mb(lambda: allocate(spec, directory, "U0QALEAD1"))
            naive_alloc_times = timed(lambda: naive_allocate(spec, directory, "U0QALEAD1"), 3)
            naive_alloc_peak = peak_mb(lambda: naive_allocate(spec, directory, "U0QALEAD1"))
            create_times = timed(lambda: service.create(services, "U0QALEAD1", spec, NOW), 5)
            campaign_id = 1

            started = time.perf_counter()
            seed_audits(services, campaign_id)
            print(f"seeded {AUDITS:,} audits in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            today = date(2026, 12, 10)
            small = store.get_campaign(services.storage, campaign_id)
            whole = store.get_campaign(services.storage, 99)
            assert small is not None and whole is not None
            built = service.report(services, whole, today)
            assert built.progress.submitted == AUDITS and sum(built.grades.values()) == AUDITS
            assert naive_report(services, 99)["flagged"] == sum(q.flagged for q in built.questions)
            small_report = service.report(services, small, today)
            assert naive_report(services, campaign_id)["flagged"] == sum(q.flagged for q in small_report.questions)
            small_times = timed(lambda: service.report(services, small, today), 20)
            small_peak = peak_mb(lambda: service.report(services, small, today))
            naive_times = timed(lambda: naive_report(services, campaign_id), 3)
            naive_peak = peak_mb(lambda: naive_report(services, campaign_id))
            whole_times = timed(lambda: service.report(services, whole, today), 3)
            whole_peak = peak_mb(lambda: service.report(services, whole, today))
            naive_whole_times = timed(lambda: naive_report(services, 99), 3)
        finally:
            services.storage.close()

    cases = TEAMS * WORKERS * PER_WORKER
    print(f"allocation, {TEAMS} teams x {WORKERS} workers x {PER_WORKER} cases = {cases} cases, peer auditors:")
    print(line("balanced (allocate)", alloc_times, alloc_peak, "  target < 1000 ms"))
    print(line("naive Python", naive_alloc_times, naive_alloc_peak, "  every person checked, loads rescanned"))
    print(f"  create + store + DMs  : p50 {p(create_times, .5):8.1f} ms  ({len(create_times)} runs)")
    print(f"report of that campaign ({cases} audits) from {AUDITS:,} stored audits ({QUESTIONS} answers each):")
    print(line("aggregate SQL (report)", small_times, small_peak, "  target < 1000 ms"))
    print(line("naive Python", naive_times, naive_peak, "  grades, yes/no and flags only"))
    print(f"stress: a campaign taking all {AUDITS:,} stored audits (no target):")
    print(line("aggregate SQL (report)", whole_times, whole_peak))
    print(line("naive Python", naive_whole_times, naive_peak))
    return 0


if __name__ == "__main__":
    sys.exit(main())
