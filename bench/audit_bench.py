"""Recording one audit answer end to end, with 20 people answering at once and 100,000 audits stored.

The real Bolt app is served over HTTP on 127.0.0.1 and talks to the Slack stand-in. Requests are signed
block_action presses; the app runs with process_before_response=True, so an HTTP response means the answer
is stored (compare-and-set in SQLite) and the next question has reached the stand-in as chat.postMessage.
Each worker thread alternates an answer and a Back press on its own draft; only answers are timed.
Baselines in the same process: a bare SQLite INSERT of one answer, and GET /healthz over HTTP.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.services import Services, build_services
from bot.settings import PROJECT_DIR, load_settings
from bot.storage import audits as store
from bot.storage.common import utc_text
from knowledge.loader import load_knowledge

STORED_AUDITS = 100_000
ANSWERS_PER_AUDIT = 6
THREADS = 20
ANSWERS_PER_THREAD = 50
SIGNING_SECRET = "bench-signing-secret"
BACKLOG = 128
AUDITORS = tuple(f"U0BENCH{n:02d}" for n in range(THREADS))  # one person per thread, as in real use


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


def main() -> None:
    from bot.app import create_app, make_web_client
    from bot.features import build_engine
    from bot.http_server import make_http_server
    from tests.support.signed_requests import SignedSlackClient
    from tests.support.slack_standin import SlackStandIn

    work = Path(tempfile.mkdtemp(prefix="audit-bench-"))
    shutil.copytree(PROJECT_DIR / "config", work / "config")
    with open(work / "config" / "teams.yaml", "a", encoding="utf-8") as teams:
        teams.write("  - id: bench-team\n    name: Bench team\n    digest_channel: null\n    members:\n")
        teams.writelines(f"      - {{user: {user}, role: manager}}\n" for user in AUDITORS)
    settings = load_settings({"AUDITBOT_CONFIG": str(work / "config"), "AUDITBOT_DB": str(work / "bench.db")})
    services = build_services(settings)
    try:
        seconds = seed(services, STORED_AUDITS)
        print(f"seeded {STORED_AUDITS:,} audits ({STORED_AUDITS * ANSWERS_PER_AUDIT:,} answers) in {seconds:.1f} s")
        checklist = load_knowledge().checklists["case-audit"]
        drafts = []
        for n in range(THREADS):
            auditor = AUDITORS[n]
            audit_id = store.create_audit(services.storage, checklist, f"CR-9{n:05d}", auditor,
                                          "question:immediate-concern", datetime.now(UTC))
            drafts.append((auditor, audit_id))

        with SlackStandIn() as standin:
            engine = build_engine(services)
            app = create_app(services, engine, client=make_web_client("xoxb-bench", standin.base_url),
                             signing_secret=SIGNING_SECRET, process_before_response=True)
            server = make_http_server(app, "127.0.0.1", 0)
            # socketserver listens with a backlog of 5: with 20 clients a full queue drops SYNs, which the kernel
            # retries after a second. A production server sets a bigger backlog; so does the bench (and the stand-in).
            server.socket.listen(BACKLOG)
            standin._server.socket.listen(BACKLOG)
            host, port = server.server_address[:2]
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            url = f"http://{host}:{port}"
            timings: list[float] = []
            failures: list[str] = []
            lock = threading.Lock()

            def worker(auditor: str, audit_id: int) -> None:
                slack = SignedSlackClient(url, SIGNING_SECRET)
                version = 0
                mine = []
                for _ in range(ANSWERS_PER_THREAD):
                    started = time.perf_counter()
                    response = slack.block_action(auditor, "audit.answer|1", f"{audit_id}:{version}:no")
                    mine.append(time.perf_counter() - started)
                    back = slack.block_action(auditor, "audit.back|3", f"{audit_id}:{version + 1}")
                    if response.status != 200 or back.status != 200:
                        with lock:
                            failures.append(f"{response.status}/{back.status}")
                    version += 2
                with lock:
                    timings.extend(mine)

            started = time.perf_counter()
            threads = [threading.Thread(target=worker, args=draft) for draft in drafts]
            for each in threads:
                each.start()
            for each in threads:
                each.join()
            wall = time.perf_counter() - started
            stored = services.storage.db.execute(
                "SELECT COUNT(*) FROM answers WHERE audit_id > ?", [STORED_AUDITS]).fetchone()[0]
            errors = [c for c in standin.calls_to("chat.postMessage") if ":warning:" in str(c.params.get("blocks"))]

            health = []
            for _ in range(200):
                started = time.perf_counter()
                with urllib.request.urlopen(url + "/healthz", timeout=5) as reply:
                    reply.read()
                health.append(time.perf_counter() - started)
            server.shutdown()
            server.server_close()

        inserts = []
        db = services.storage.db
        for n in range(1000):
            started = time.perf_counter()
            with services.storage.write():
                db.execute("INSERT OR REPLACE INTO answers (audit_id, question_id, value, flagged, answered_by, "
                           "answered_at) VALUES (?, ?, 'no', 0, 'U0MGRN001', ?)",
                           [drafts[0][1], f"bench-{n}", utc_text(datetime.now(UTC))])
            inserts.append(time.perf_counter() - started)

        ms = 1000
        print(f"record one answer end to end (signed block_action -> CAS write -> next question posted), "
              f"{THREADS} threads x {ANSWERS_PER_THREAD}: p50 {statistics.median(timings) * ms:.1f} ms, "
              f"p99 {percentile(timings, 0.99) * ms:.1f} ms, max {max(timings) * ms:.1f} ms")
        print(f"throughput: {2 * len(timings) / wall:.0f} requests/s ({len(timings) / wall:.0f} answers/s "
              f"alongside as many Back presses); answers stored {stored}, failures {len(failures)}, "
              f"error replies {len(errors)}")
        print(f"baseline GET /healthz: p50 {statistics.median(health) * ms:.2f} ms, "
              f"p99 {percentile(health, 0.99) * ms:.2f} ms")
        print(f"baseline bare SQLite INSERT per answer (BEGIN IMMEDIATE + COMMIT): "
              f"p50 {statistics.median(inserts) * ms:.3f} ms, p99 {percentile(inserts, 0.99) * ms:.3f} ms")
    finally:
        services.storage.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, os.fspath(PROJECT_DIR))
    main()
