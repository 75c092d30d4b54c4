"""Recording one audit answer end to end, with 20 people answering at once and 100,000 audits stored.

The bot runs as its own process (`python -m bot serve`, exactly as deployed in HTTP mode) on a database
seeded with 100,000 submitted audits. This process holds only the Slack stand-in and the 20 simulated
people, so the bot's figures are not bent by the load generator sharing its interpreter lock.

Each person presses an answer button on their own draft, waits until the next question reaches the
stand-in as chat.postMessage, presses Back, waits again, and so on; only answers are timed. Two figures
per answer: the ack (HTTP 200 from the bot; Slack needs it within 3 s) and end to end (the press sent
until the next question was posted, which means the answer was stored with compare-and-set first).
Three rounds: everyone pressing back to back with no pause (the worst case, a closed loop at full
saturation); all 20 pressing at the same instant (a barrier), once a second (what "20 users answering at
once" says); and people reading for 0.5 to 1.5 s (at random) between presses, as in real use.
Baselines: GET /healthz on the same bot process, and a bare SQLite INSERT of one answer.
"""

from __future__ import annotations

import random
import re
import shutil
import statistics
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from bot.composition import build_services
from bot.core.services import Services
from bot.settings.config import PROJECT_DIR, load_settings
from bot.storage import audits as store
from bot.storage.common import utc_text
from knowledge.loader import load_knowledge

STORED_AUDITS = 100_000
ANSWERS_PER_AUDIT = 6
THREADS = 20
# (label, pace, answers per person): pace is "none", "together" (a barrier, then 1 s) or "reading" (0.5-1.5 s)
ROUNDS = (
    ("back to back, no pause (saturation)", "none", 50),
    ("all 20 press at the same instant, each second", "together", 10),
    ("0.5-1.5 s reading between presses", "reading", 10),
)
SIGNING_SECRET = "bench-signing-secret"
BACKLOG = 128
AUDITORS = tuple(f"U0BENCH{n:02d}" for n in range(THREADS))  # one person per thread, as in real use
STEP_VALUE = re.compile(r"^(\d+):(\d+)")


def seed(services: Services, count: int) -> float:
    """Stored, submitted audits with answers, inserted with executemany; returns seconds taken."""
    started = time.perf_counter()
    checklist = load_knowledge().checklists["case-audit"]
    with services.storage.write():
        store.save_checklist_version(services.storage, checklist, datetime.now(UTC))
    questions = [q for q in checklist.questions() if q.type == "yes_no"][:ANSWERS_PER_AUDIT]
    base = datetime(2025, 1, 1, tzinfo=UTC)
    rng = random.Random(7)
    batch = 10_000
    for start in range(1, count + 1, batch):
        audits, answers = [], []
        for audit_id in range(start, min(start + batch, count + 1)):
            moment = utc_text(base + timedelta(minutes=audit_id * 5))
            audits.append((audit_id, checklist.id, checklist.content_hash, f"CR-{100000 + audit_id}",
                           rng.choice(AUDITORS), "U0PRAN001", "north-assessment", "submitted", "submit", moment,
                           moment, moment))
            answers += [(audit_id, q.id, rng.choice(("yes", "no")), None, 0, "U0MGRN001", moment) for q in questions]
        store.bulk_insert_audits(services.storage, audits, answers)
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_config(folder: Path) -> None:
    """The shipped config plus a team of the bench's auditors, and no scheduled jobs."""
    shutil.copytree(PROJECT_DIR / "config", folder)
    with open(folder / "teams.yaml", "a", encoding="utf-8") as teams:
        teams.write("  - id: bench-team\n    name: Bench team\n    digest_channel: null\n    members:\n")
        teams.writelines(f"      - {{user: {user}, role: manager}}\n" for user in AUDITORS)
    settings = yaml.safe_load((folder / "settings.yaml").read_text())
    settings["schedules"] = {}
    (folder / "settings.yaml").write_text(yaml.safe_dump(settings))


class StepWatch:
    """Notes the moment each audit's next step reaches the stand-in (from the step version on its buttons)."""

    def __init__(self, next_ts: Callable[[], str]) -> None:
        self._next_ts = next_ts
        self._condition = threading.Condition()
        self._seen: dict[int, tuple[int, float]] = {}

    def responder(self, params: dict[str, Any]) -> dict[str, Any]:
        """Answers chat.postMessage as Slack does, after noting which step of which audit it shows."""
        arrived = time.perf_counter()
        for block in params.get("blocks") or []:
            for element in block.get("elements", []) if block.get("type") == "actions" else []:
                match = STEP_VALUE.match(str(element.get("value", "")))
                if match:
                    with self._condition:
                        self._seen[int(match.group(1))] = (int(match.group(2)), arrived)
                        self._condition.notify_all()
                    break
        ts = self._next_ts()
        return {"ok": True, "channel": params.get("channel"), "ts": ts,
                "message": {"type": "message", "text": params.get("text") or "", "ts": ts}}

    def wait(self, audit_id: int, version: int, timeout: float = 10.0) -> float | None:
        """When the step with this version (or a later one) was posted; None if it never was."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                seen = self._seen.get(audit_id)
                if seen and seen[0] >= version:
                    return seen[1]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._condition.wait(remaining)


@dataclass
class Round:
    label: str
    acks: list[float] = field(default_factory=list)
    end_to_end: list[float] = field(default_factory=list)
    failures: int = 0
    wall: float = 0.0
    requests: int = 0

    def line(self) -> str:
        ms = 1000
        ends = self.end_to_end
        return (f"{self.label}: answer end to end p50 {statistics.median(ends) * ms:.1f} ms, "
                f"p99 {percentile(self.end_to_end, 0.99) * ms:.1f} ms, max {max(self.end_to_end) * ms:.1f} ms; "
                f"ack p50 {statistics.median(self.acks) * ms:.1f} ms, p99 {percentile(self.acks, 0.99) * ms:.1f} ms; "
                f"{self.requests / self.wall:.0f} requests/s ({len(self.end_to_end) / self.wall:.1f} answers/s), "
                f"{len(self.end_to_end)} answers timed, failures {self.failures}")


def run_round(url: str, watch: StepWatch, drafts: list[tuple[str, int, int]], label: str, pace: str,
              answers_each: int) -> tuple[Round, list[tuple[str, int, int]]]:
    """Every person answers `answers_each` times, each answer followed by Back, paced as `pace` says."""
    from tests.support.signed_requests import SignedSlackClient

    result = Round(label)
    lock = threading.Lock()
    after: list[tuple[str, int, int]] = []
    together = threading.Barrier(len(drafts))

    def wait_turn(pause: random.Random) -> None:
        if pace == "reading":
            time.sleep(pause.uniform(0.5, 1.5))
        elif pace == "together":
            together.wait(timeout=30)

    def person(auditor: str, audit_id: int, version: int) -> None:
        slack = SignedSlackClient(url, SIGNING_SECRET)
        pause = random.Random(auditor)  # people read at different speeds
        acks, ends, failures, requests = [], [], 0, 0
        try:
            for _ in range(answers_each):
                wait_turn(pause)
                started = time.perf_counter()
                response = slack.block_action(auditor, "audit.answer|1", f"{audit_id}:{version}:no")
                acked = time.perf_counter()
                posted = watch.wait(audit_id, version + 1)
                requests += 1
                if response.status != 200 or posted is None:
                    failures += 1
                    break
                acks.append(acked - started)
                ends.append(posted - started)
                version += 1
                wait_turn(pause)
                back = slack.block_action(auditor, "audit.back|3", f"{audit_id}:{version}")
                requests += 1
                if back.status != 200 or watch.wait(audit_id, version + 1) is None:
                    failures += 1
                    break
                version += 1
                if pace == "together":
                    time.sleep(1.0)
        except threading.BrokenBarrierError:
            failures += 1
        if failures:
            together.abort()  # nobody waits at the barrier for a person who stopped
        with lock:
            result.acks += acks
            result.end_to_end += ends
            result.failures += failures
            result.requests += requests
            after.append((auditor, audit_id, version))

    started = time.perf_counter()
    threads = [threading.Thread(target=person, args=draft) for draft in drafts]
    for each in threads:
        each.start()
    for each in threads:
        each.join()
    result.wall = time.perf_counter() - started
    return result, after


def healthz(url: str, count: int = 200) -> list[float]:
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        with urllib.request.urlopen(url + "/healthz", timeout=5) as reply:
            reply.read()
        timings.append(time.perf_counter() - started)
    return timings


def bare_inserts(services: Services, audit_id: int, count: int = 1000) -> list[float]:
    timings = []
    db = services.storage.db
    for n in range(count):
        started = time.perf_counter()
        with services.storage.write():
            db.execute("INSERT OR REPLACE INTO answers (audit_id, question_id, value, flagged, answered_by, "
                       "answered_at) VALUES (?, ?, 'no', 0, 'U0MGRN001', ?)",
                       [audit_id, f"bench-{n}", utc_text(datetime.now(UTC))])
        timings.append(time.perf_counter() - started)
    return timings


def main() -> None:
    from tests.support.bot_process import BotProcess, bot_environment, free_port
    from tests.support.slack_standin import SlackStandIn

    work = Path(tempfile.mkdtemp(prefix="audit-bench-"))
    bench_config(work / "config")
    database = work / "bench.db"
    settings = load_settings({"AUDITBOT_CONFIG": str(work / "config"), "AUDITBOT_DB": str(database)})
    services = build_services(settings)
    bot: BotProcess | None = None
    try:
        seconds = seed(services, STORED_AUDITS)
        print(f"seeded {STORED_AUDITS:,} audits ({STORED_AUDITS * ANSWERS_PER_AUDIT:,} answers) in {seconds:.1f} s")
        checklist = load_knowledge().checklists["case-audit"]
        drafts = [(auditor, store.create_audit(services.storage, checklist, f"CR-9{n:05d}", auditor,
                                               "question:immediate-concern", datetime.now(UTC)), 0)
                  for n, auditor in enumerate(AUDITORS)]

        with SlackStandIn() as standin:
            standin._server.socket.listen(BACKLOG)  # the stand-in, like Slack, must not be the bottleneck
            watch = StepWatch(standin.next_ts)
            standin.set_response("chat.postMessage", watch.responder)
            bot = BotProcess(bot_environment(work / "config", database, standin.base_url, SIGNING_SECRET),
                             free_port())
            bot.start()
            healthz(bot.url, 50)  # warm up: imports, first connections, page cache
            rounds = []
            for label, pace, each in ROUNDS:
                result, drafts = run_round(bot.url, watch, drafts, label, pace, each)
                rounds.append(result)
            health = healthz(bot.url)
            bot.stop()
        stored = services.storage.db.execute(
            "SELECT COUNT(*) FROM answers WHERE audit_id > ?", [STORED_AUDITS]).fetchone()[0]
        inserts = bare_inserts(services, drafts[0][1])

        ms = 1000
        print(f"record one answer end to end (signed block_action to `python -m bot serve` -> CAS write -> next "
              f"question posted to the stand-in), {THREADS} people at once, each answer followed by Back:")
        for result in rounds:
            print("  " + result.line())
        print(f"  answers stored for the drafts at the end: {stored} (one row per draft, rewritten each time)")
        print(f"baseline GET /healthz on the same bot process: p50 {statistics.median(health) * ms:.2f} ms, "
              f"p99 {percentile(health, 0.99) * ms:.2f} ms")
        print(f"baseline bare SQLite INSERT per answer (BEGIN IMMEDIATE + COMMIT): "
              f"p50 {statistics.median(inserts) * ms:.3f} ms, p99 {percentile(inserts, 0.99) * ms:.3f} ms")
    finally:
        if bot is not None:
            bot.stop()
        services.storage.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
