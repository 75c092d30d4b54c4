"""Digest and App Home speed at service scale: 50 teams, 100,000 audits with their answers.

Run with `python -m bench.digest_bench` (or `make bench`). Seeds a temporary database with recursive-CTE
SQL (seconds, not minutes), then times the weekly digest for all 50 teams and a manager's Home tab,
beside a naive baseline that loads rows into Python and counts them there.
Targets (issue 5): digest for 50 teams < 1 s; Home tab for a manager < 100 ms.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.measure import p, synthetic_answers_sql, timed, write_teams_config

TEAMS = 50
AUDITS = 100_000
QUESTIONS = 20
WEEKS_OF_HISTORY = 52
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def seed(services) -> None:
    from bot.storage.demo_data import snapshot_checklist

    questions = [{"id": f"q{j}", "text": f"Invented question {j}?", "type": "yes_no", "required": True,
                  "allow_na": False, "options": [], "guidance": f"What good looks like for question {j}.",
                  "show_if": None, "flag_if": ["no"], "escalate_if": []} for j in range(1, QUESTIONS + 1)]
    content = {"id": "case-audit", "title": "Full case audit", "description": "",
               "sections": [{"id": "s", "title": "S", "questions": questions}]}
    digest = snapshot_checklist(services.storage, content, NOW - timedelta(weeks=60))
    end = int(NOW.timestamp())
    span = WEEKS_OF_HISTORY * 7 * 86400
    conn = services.storage.db.conn
    fmt = "'%Y-%m-%dT%H:%M:%S+00:00'"
    conn.executescript(f"""
        BEGIN;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {AUDITS})
        INSERT INTO audits (id, checklist_id, checklist_hash, case_ref, auditor_id, worker_id, team_id, status,
                            step, overall_grade, started_at, updated_at, submitted_at)
        SELECT i, 'case-audit', '{digest}', 'CR-' || (100000 + i), printf('U0MGR%04d', i % {TEAMS}),
               printf('U0PRA%02d%02d', i % {TEAMS}, i % 6), printf('team-%02d', i % {TEAMS}),
               CASE WHEN i % 97 = 0 THEN 'draft' WHEN i % 4 = 0 THEN 'moderated' ELSE 'submitted' END,
               'done', CASE (i * 7) % 10 WHEN 0 THEN 'outstanding' WHEN 1 THEN 'inadequate'
                   WHEN 2 THEN 'requires_improvement' WHEN 3 THEN 'requires_improvement' ELSE 'good' END,
               strftime({fmt}, {end} - (i * {span} / {AUDITS}) - 3600, 'unixepoch'),
               strftime({fmt}, {end} - (i * {span} / {AUDITS}), 'unixepoch'),
               CASE WHEN i % 97 = 0 THEN NULL ELSE strftime({fmt}, {end} - (i * {span} / {AUDITS}), 'unixepoch') END
        FROM n;
        {synthetic_answers_sql(QUESTIONS)}
        INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at, done_at)
        SELECT id, 'Invented action', worker_id, date(submitted_at, '+14 days'), auditor_id, submitted_at,
               CASE WHEN id % 3 = 0 THEN NULL ELSE date(submitted_at, '+10 days') END
        FROM audits WHERE id % 2 = 0 AND submitted_at IS NOT NULL;
        INSERT INTO moderations (audit_id, moderator_id, opened_at, decided_at, agrees)
        SELECT id, 'U0QALEAD1', submitted_at, strftime({fmt}, submitted_at, '+1 day'), id % 5 != 0
        FROM audits WHERE status = 'moderated';
        COMMIT;
        ANALYZE;
    """)


def naive_digest(services, monday: date) -> dict:
    """The baseline: every audit and every answer into Python, then counted with Counters."""
    audits = services.storage.db.execute(
        "SELECT id, team_id, auditor_id, status, overall_grade, submitted_at FROM audits").fetchall()
    start = datetime.combine(monday - timedelta(weeks=3), datetime.min.time(), tzinfo=UTC).isoformat()
    end = datetime.combine(monday + timedelta(days=7), datetime.min.time(), tzinfo=UTC).isoformat()
    in_window = {a[0]: a[1] for a in audits if a[5] and start <= a[5] < end}
    grades = Counter((a[1], a[4]) for a in audits if a[5] and start <= a[5] < end)
    flagged: Counter[tuple[str, str]] = Counter()
    for audit_id, question, is_flagged in services.storage.db.execute(
            "SELECT audit_id, question_id, flagged FROM answers"):
        if is_flagged and audit_id in in_window:
            flagged[(in_window[audit_id], question)] += 1
    return {"grades": len(grades), "flagged": len(flagged)}


def main() -> int:
    from bot.composition import build_engine, build_services
    from bot.core.agreement import last_complete_week
    from bot.digests.digest import build_team_digests
    from bot.engine.home import home_sections
    from bot.settings.config import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_teams_config(folder / "config", TEAMS, 6, audit_target=4)
        settings = load_settings({"AUDITBOT_CONFIG": str(folder / "config"), "AUDITBOT_DB": str(folder / "b.db")})
        services = build_services(settings, clock=lambda: NOW)
        try:
            started = time.perf_counter()
            seed(services)
            counts = {t: services.storage.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                      for t in ("audits", "answers", "actions", "moderations")}
            print(f"seeded {json.dumps(counts)} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            engine = build_engine(services)
            monday = last_complete_week(NOW.date())
            teams = build_team_digests(services, monday)
            assert len(teams) == TEAMS and sum(t.completed_week for t in teams) > 0

            digest_times = timed(lambda: build_team_digests(services, monday), 20)
            home_times = timed(lambda: home_sections(engine, services, "U0MGR0007"), 50)
            naive_times = timed(lambda: naive_digest(services, monday), 3)
            tracemalloc.start()
            build_team_digests(services, monday)
            digest_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.reset_peak()
            naive_digest(services, monday)
            naive_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        finally:
            services.storage.close()

    print(f"digest, 50 teams, {AUDITS:,} audits ({QUESTIONS} answers each):")
    print(f"  aggregate SQL : p50 {p(digest_times, .5):7.1f} ms  p99 {p(digest_times, .99):7.1f} ms  "
          f"peak {digest_peak / 1e6:6.1f} MB   (target < 1000 ms)")
    print(f"  naive Python  : p50 {p(naive_times, .5):7.1f} ms  p99 {p(naive_times, .99):7.1f} ms  "
          f"peak {naive_peak / 1e6:6.1f} MB   (grades and flagged answers only)")
    print(f"home tab for a manager: p50 {statistics.median(home_times):6.1f} ms  p99 {p(home_times, .99):6.1f} ms  "
          "(target < 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
