"""What the benches share: timing a piece of work, its percentiles and peak memory, and a synthetic teams.yaml."""

from __future__ import annotations

import shutil
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml


def timed(work: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds for each of `runs` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p(times: list[float], q: float) -> float:
    """The q-th percentile (0..1) of `times`, by rank."""
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def peak_mb(work: Callable[[], object]) -> float:
    """Peak Python memory (tracemalloc) while `work` runs, in MB."""
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def write_teams_config(folder: Path, teams: int, workers: int, audit_target: int | None = None) -> None:
    """The shipped config, with `teams` invented teams of one manager and `workers` practitioners each."""
    from bot.settings.config import PROJECT_DIR

    shutil.copytree(PROJECT_DIR / "config", folder)
    rows = []
    for t in range(teams):
        manager: dict[str, object] = {"user": f"U0MGR{t:04d}", "name": f"Team manager {t}", "role": "manager"}
        if audit_target is not None:
            manager["audit_target"] = audit_target
        members = [manager] + [{"user": f"U0PRA{t:02d}{w:02d}", "name": f"Social worker {t}.{w}",
                                "role": "practitioner"} for w in range(workers)]
        rows.append({"id": f"team-{t:02d}", "name": f"Team {t:02d}", "digest_channel": None, "members": members})
    people = [{"user": "U0ADMIN01", "name": "Head of service", "role": "admin"},
              {"user": "U0QALEAD1", "name": "QA lead", "role": "qa_lead"}]
    (folder / "teams.yaml").write_text(yaml.safe_dump({"people": people, "teams": rows}))


def synthetic_answers_sql(questions: int) -> str:
    """SQL giving every synthetic audit `questions` answers, about one in nine a flagged "no" (both benches'
    data sets answer the same way, so their figures stay comparable)."""
    return f"""WITH RECURSIVE q(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM q WHERE j < {questions})
        INSERT INTO answers (audit_id, question_id, value, flagged, answered_by, answered_at)
        SELECT a.id, 'q' || q.j, CASE WHEN (a.id * 31 + q.j * 17) % 9 = 0 THEN 'no' ELSE 'yes' END,
               (a.id * 31 + q.j * 17) % 9 = 0, a.auditor_id, a.started_at FROM audits a, q;"""
