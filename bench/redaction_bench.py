"""Removing a leaked text (`/audit redact 12 r3`, then Yes) on a council-sized database.

Five years of a large council: 33 teams of a manager and six workers, about 30,000 audits from the project's own
demo-data generator (bot.digests.demo_data, every live checklist), then the free text real use adds: a note on
every graded answer and on some yes/no answers, strengths, areas for development and grade reasons, a revision on
one audit in eight, reflections and moderation replies, knowledge-base questions, the trail and Slack's event ids.
Each run plants a leaked note in a submitted audit the way people do (a note edited in, then corrected, so the text
lives on in a revision), times the QA lead's Yes through the engine up to the reply while, on other threads, another
person records an answer and another Slack request passes its replay check (before its ack) every 50 ms, then
checks that the text's bytes are in neither the database file nor its WAL. Beside it, in the same process: the
replacement alone, what every removal did before (VACUUM, then emptying the WAL) and one ordinary write. Last, why
the file's unused space is searched at all: how many notes overwritten or deleted with secure_delete on, the WAL
emptied, SQLite leaves a copy or part of in the file, and how many of those the search finds. The machine's load
moves the timings a lot: compare the lines of one run.
"""

from __future__ import annotations

import functools
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from bench.measure import p, write_teams_config

TEAMS = 33
WORKERS = 6
WEEKS = 260  # five years
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
RUNS = 7
BEFORE_RUNS = 3  # each rewrites the whole file
STALE_SEEDS = 3
QA = "U0QALEAD1"
KB_ASKS = 60_000  # about 50 questions a working day
SLACK_EVENTS = 500_000  # typed DMs and mentions, 400 a working day: their ids are kept (processed_events)
SENTENCES = (
    "The chronology is up to date to the last core group and shows the significant events clearly.",
    "The assessment was completed within timescales and reflects the family's own account of their needs.",
    "Direct work is recorded and the child's wishes and feelings are written in their own words.",
    "The plan is specific, but two actions have no owner and the dates have drifted since the review.",
    "Management oversight is evident at key points, with a clear rationale for the decision to step down.",
    "Visits are within timescales and the child was seen alone on the last three occasions.",
    "Partner agency views from health and education are included and inform the analysis of risk.",
    "The analysis weighs strengths against concerns rather than describing the history again.",
    "Supervision notes record reflective discussion and the actions agreed are followed through.",
    "Contingency planning is unclear: the record does not say what happens if the plan does not work.",
    "The genogram and ecomap are missing, so the wider family network is hard to see.",
    "Case notes are written for the child to read later, in plain language and without jargon.",
    "Consent for information sharing is recorded, with the parents' understanding of what it means.",
    "The core group met monthly and the minutes show progress against each outcome.",
    "Threshold decisions are explained and the family were told why the case was stepped up.",
)


def prose(rng: random.Random, fewest: int, most: int) -> str:
    """A few sentences of invented case-audit prose (no names, no numbers)."""
    return " ".join(rng.sample(SENTENCES, rng.randint(fewest, most)))


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def add_free_text(services: Any, rng: random.Random) -> None:
    """The free text of real use that demo data leaves out, written in bulk as the features would store it."""
    storage = services.storage
    db = storage.db
    scale = {(row[0], row[1]) for row in db.execute(
        "SELECT a.id, j.value ->> 'id' FROM audits a JOIN checklist_versions v ON v.hash = a.checklist_hash, "
        "json_each(v.content, '$.sections') s, json_each(s.value, '$.questions') j "
        "WHERE j.value ->> 'type' = 'scale'")}
    audits = db.execute("SELECT id, auditor_id, worker_id, status, submitted_at FROM audits").fetchall()
    answers = db.execute("SELECT audit_id, question_id FROM answers").fetchall()
    notes = [(prose(rng, 1, 3), audit_id, question) for audit_id, question in answers
             if (audit_id, question) in scale or rng.random() < 0.15]
    summaries, revisions, reflections, trail = [], [], [], []
    for audit_id, auditor, worker, status, submitted in audits:
        if status == "draft":
            continue
        summaries.append((prose(rng, 1, 2) if rng.random() < 0.4 else None, prose(rng, 2, 4), prose(rng, 2, 4),
                          audit_id))
        trail.append((submitted, auditor, "audit.start", f'{{"audit": {audit_id}}}'))
        if rng.random() < 0.125:
            for _ in range(rng.randint(1, 3)):
                revisions.append((audit_id, auditor, submitted, "strengths", prose(rng, 2, 4), prose(rng, 2, 4)))
        if rng.random() < 0.3:
            reflections.append((audit_id, worker, prose(rng, 1, 3), submitted))
    with storage.write():
        db.conn.executemany("UPDATE answers SET evidence = ? WHERE audit_id = ? AND question_id = ?", notes)
        db.conn.executemany("UPDATE audits SET grade_reason = ?, strengths = ?, development = ? WHERE id = ?",
                            summaries)
        db.conn.executemany("INSERT INTO revisions (audit_id, changed_by, changed_at, field, old_value, new_value) "
                            "VALUES (?, ?, ?, ?, ?, ?)", revisions)
        db.conn.executemany("INSERT INTO reflections (audit_id, worker_id, text, created_at) VALUES (?, ?, ?, ?)",
                            reflections)
        db.conn.executemany("INSERT INTO trail (at, actor, action, detail) VALUES (?, ?, ?, ?)", trail)
        db.execute("UPDATE moderations SET response_text = ?, responded_at = decided_at WHERE id % 5 = 0",
                   [prose(rng, 1, 2)])
        start = NOW - timedelta(weeks=WEEKS)
        db.conn.executemany(
            "INSERT INTO kb_asks (asked_at, user_id, query, outcome, entry_id, score, surface) VALUES "
            "(?, ?, ?, ?, ?, ?, 'dm')",
            ((stamp(start + timedelta(minutes=40 * n)), f"U0PRA{n % TEAMS:02d}{n % WORKERS:02d}",
              rng.choice(SENTENCES).replace(".", "?"), rng.choice(("answer", "answer", "ambiguous", "none")),
              None, 0.5) for n in range(KB_ASKS)))
        db.conn.executemany("INSERT INTO processed_events (event_id, received_at) VALUES (?, ?)",
                            ((f"Ev{rng.getrandbits(60):015X}", stamp(start + timedelta(minutes=5 * n)))
                             for n in range(SLACK_EVENTS)))


def build(services: Any) -> float:
    """Fill the database; returns seconds taken.

    bot.core.calendar builds a fresh bank-holiday calendar on every call (a millisecond a year, by design); five
    years of demo data ask it 60,000 times, so for the build only the generator's two calendar functions are
    remembered per day, in the modules that call them. The data are the same.
    """
    from bot.digests import demo_answers, demo_data

    started = time.perf_counter()
    with mock.patch.object(demo_data, "is_working_day", functools.cache(demo_data.is_working_day)), \
            mock.patch.object(demo_answers, "add_working_days", functools.cache(demo_answers.add_working_days)):
        demo_data.generate(services, weeks=WEEKS, seed=11)
    add_free_text(services, random.Random(11))
    services.storage.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started


OPENING = "Seen alone at school, he said he felt safe at home"


def plant(services: Any, audit_id: int, leaked: str) -> None:
    """A note edited to hold a leaked detail, then corrected by cutting the detail off its end, as people correct:
    the detail lives on only in a revision, and the stored note still starts as it did."""
    from bot.storage import audits as store

    audit = store.get_audit(services.storage, audit_id)
    assert audit is not None
    question = next(q for q in store.answers_of(services.storage, audit_id))
    for note in (leaked, f"{OPENING}."):
        store.edit_note(services.storage, audit_id, audit.auditor_id, question, note, NOW)


def redact(engine: Any, audit_id: int, leaked: str) -> tuple[float, str]:
    """List, ask, then time Yes (the press, through the engine, to its reply)."""
    from bot.audits.redaction import CONFIRM

    [listing] = engine.command(QA, f"redact {audit_id}", surface="dm")
    label = next(line.split(":")[0].lstrip("• ") for line in listing.text.splitlines() if leaked in line)
    [asked] = engine.command(QA, f"redact {audit_id} {label}", surface="dm")
    value = next(choice.value for choice in asked.choices if choice.action == CONFIRM)
    started = time.perf_counter()
    [done] = engine.action(QA, CONFIRM, value, surface="dm")
    return time.perf_counter() - started, done.text


def file_bytes(path: Path) -> bytes:
    """The database file and its write-ahead log, as anyone who can read the files sees them."""
    return b"".join(candidate.read_bytes() for candidate in (path, path.with_name(path.name + "-wal"))
                    if candidate.exists())


def ordinary_write(services: Any, audit_id: int) -> float:
    """One answer recorded as the flow does it: BEGIN IMMEDIATE, one row, COMMIT."""
    started = time.perf_counter()
    with services.storage.write() as db:
        db.execute("UPDATE answers SET answered_at = ? WHERE audit_id = ? AND rowid = (SELECT MIN(rowid) FROM "
                   "answers WHERE audit_id = ?)", [stamp(NOW), audit_id, audit_id])
    return time.perf_counter() - started


def waits_during(services: Any, work: Any, other_audit: int) -> tuple[Any, dict[str, list[float]]]:
    """Run `work` while, on two other threads, another person records an answer every 50 ms and another Slack
    request passes the replay check every 50 ms (handlers/app.py writes it before Slack is answered, so its wait
    delays that request's ack). Returns work's result and each write's time, by kind."""
    from bot.storage.common import mark_request_processed

    waits: dict[str, list[float]] = {"answer": [], "ack": []}
    stop = threading.Event()

    def other_person() -> None:
        while not stop.is_set():
            waits["answer"].append(ordinary_write(services, other_audit))
            time.sleep(0.05)

    def other_request() -> None:
        while not stop.is_set():
            started = time.perf_counter()
            mark_request_processed(services.storage, f"request:{random.getrandbits(64):x}", NOW)
            waits["ack"].append(time.perf_counter() - started)
            time.sleep(0.05)

    threads = [threading.Thread(target=other_person), threading.Thread(target=other_request)]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    try:
        result = work()
    finally:
        time.sleep(0.2)
        stop.set()
        for thread in threads:
            thread.join()
    return result, waits


def measure(services: Any, database: Path) -> dict[str, Any]:
    """Time RUNS redactions through the engine with other requests writing meanwhile, then the baselines."""
    from bot.composition import build_engine
    from bot.storage import redaction as redaction_store

    db = services.storage.db
    engine = build_engine(services)
    submitted = [row[0] for row in db.execute("SELECT id FROM audits WHERE status = 'submitted' ORDER BY id")]
    rng = random.Random(5)
    chosen = rng.sample(submitted, 2 * RUNS + 1)
    other = chosen.pop()
    figures: dict[str, Any] = {"times": [], "cpu": [], "left": 0, "replaced": [], "vacuum": [],
                               "waits": {"answer": [], "ack": []}, "vacuum_waits": {"answer": [], "ack": []}}
    compacting = mock.patch.object(redaction_store, "compact", wraps=redaction_store.compact)
    with compacting as compacted:
        for run, audit_id in enumerate(chosen[:RUNS]):
            leaked = f"{OPENING}: his brother, the only boy in year {run + 7} with a hearing aid, walks him in"
            plant(services, audit_id, leaked)
            cpu = time.thread_time()
            (elapsed, said), during = waits_during(services, lambda: redact(engine, audit_id, leaked), other)  # noqa: B023
            figures["cpu"].append(time.thread_time() - cpu)
            assert said.startswith("Removed"), said
            figures["times"].append(elapsed)
            for kind, times in during.items():
                figures["waits"][kind] += times
            content = file_bytes(database)  # the whole text, or its identifying part on its own
            figures["left"] += leaked.encode() in content or f"year {run + 7} with a hearing aid".encode() in content
        figures["compacted"] = compacted.call_count
    figures["size"] = database.stat().st_size
    for audit_id in chosen[RUNS:]:
        leaked = f"{OPENING}, and a detail only one family in the county shares (audit {audit_id})"
        plant(services, audit_id, leaked)
        started = time.perf_counter()
        with services.storage.write() as writing:
            assert redaction_store._replace_everywhere(writing, audit_id, leaked, "[removed]", []) == 2
        figures["replaced"].append(time.perf_counter() - started)
    for _ in range(BEFORE_RUNS):
        (seconds, _), during = waits_during(services, lambda: timed_call(redaction_store.compact, services.storage),
                                            other)
        figures["vacuum"].append(seconds)
        for kind, times in during.items():
            figures["vacuum_waits"][kind] += times
    figures["writes"] = [ordinary_write(services, other) for _ in range(200)]
    return figures


def timed_call(work: Any, *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work(*args)
    return time.perf_counter() - started, result


def stale_copies(folder: Path, seed: int, rows: int = 20_000) -> tuple[int, int, int, int]:
    """Notes written, edited (one in seven) and deleted (one in five) with secure_delete on, as the bot's
    connections have it, then the WAL emptied into the file. Returns (texts no longer stored, how many left a
    leftover in the file, how many of those keep the first or last SEARCHED_BYTES of the text, how many the
    removal's search of the unused space finds). Each text is tagged at both ends, so a leftover is found by a tag."""
    from bot.storage.redaction import _needles
    from bot.storage.unused_space import holds_any, unused_bytes

    path = folder / f"stale-{seed}.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA secure_delete=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, note TEXT)")
    rng = random.Random(seed)
    written: dict[bytes, str] = {}
    ids: list[int] = []

    def note(fewest: int, most: int) -> str:
        tag = f"{len(written):09d}"
        written[tag.encode()] = text = f"<S{tag}:{prose(rng, fewest, most)}:E{tag}>"
        return text

    for n in range(rows):
        ids.append(rng.randint(1, 10**7))
        conn.execute("INSERT OR REPLACE INTO notes VALUES (?, ?)", [ids[-1], note(1, 2)])
        if n % 7 == 0:
            conn.execute("UPDATE notes SET note = ? WHERE id = ?", [note(0, 3), rng.choice(ids)])
        if n % 5 == 0:
            conn.execute("DELETE FROM notes WHERE id = ?", [rng.choice(ids)])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    kept = {row[0][2:11].encode() for row in conn.execute("SELECT note FROM notes")}
    conn.close()
    content = path.read_bytes()
    left = set(re.findall(rb"<S(\d{9}):", content) + re.findall(rb":E(\d{9})>", content)) - kept
    pieces = unused_bytes(path)
    ends = sum(any(needle in content for needle in _needles([written[tag]], "utf-8")) for tag in left)
    found = sum(holds_any(pieces, _needles([written[tag]], "utf-8")) for tag in left)
    return len(written) - len(kept), len(left), ends, found


def report(figures: dict[str, Any], stale: list[tuple[int, int, int, int]]) -> None:
    from bot.storage.redaction import SEARCHED_BYTES

    ms = 1000
    times, waits, replaced, writes = figures["times"], figures["waits"], figures["replaced"], figures["writes"]
    vacuum, vacuum_waits = figures["vacuum"], figures["vacuum_waits"]
    size, cpu, compacted = figures["size"] / 1e6, statistics.median(figures["cpu"]) * ms, figures["compacted"]
    print(f"one redaction end to end (Yes pressed -> every copy replaced and trailed, WAL emptied, unused space "
          f"searched -> reply), {RUNS} runs on a {size:.0f} MB file: p50 {statistics.median(times) * ms:.0f} ms, "
          f"p99 {p(times, .99) * ms:.0f} ms (CPU p50 {cpu:.0f} ms); whole file rewritten in {compacted} of {RUNS}; "
          f"leaked text left in the database or WAL files: {figures['left']} of {RUNS}")
    print(f"  meanwhile, another person's answer is written in p50 {statistics.median(waits['answer']) * ms:.1f} ms, "
          f"max {max(waits['answer']) * ms:.0f} ms; another request's replay check, before its ack, p50 "
          f"{statistics.median(waits['ack']) * ms:.1f} ms, max {max(waits['ack']) * ms:.0f} ms")
    print(f"baseline: what every removal did before, VACUUM and the WAL emptied, {BEFORE_RUNS} runs: p50 "
          f"{statistics.median(vacuum) * ms:.0f} ms, p99 {p(vacuum, .99) * ms:.0f} ms; meanwhile an answer waits up "
          f"to {max(vacuum_waits['answer']) * ms:.0f} ms, another request's ack up to "
          f"{max(vacuum_waits['ack']) * ms:.0f} ms (Slack allows 3,000)")
    print(f"baseline: the replacement alone (one transaction): p50 {statistics.median(replaced) * ms:.1f} ms, p99 "
          f"{p(replaced, .99) * ms:.1f} ms")
    print(f"baseline: one ordinary write (an answer): p50 {statistics.median(writes) * ms:.2f} ms, p99 "
          f"{p(writes, .99) * ms:.2f} ms")
    gone, left, ends, found = (sum(run[n] for run in stale) for n in range(4))
    print(f"why the unused space is searched: of {gone:,} notes overwritten or deleted with secure_delete on and the "
          f"WAL emptied, {left} left a copy or part of one in the file (space SQLite leaves when it rebalances a "
          f"page); {ends} keep the text's first or last {SEARCHED_BYTES} bytes, and the removal's search finds "
          f"{found} of them (then it rewrites the file)")


def main() -> int:
    from bot.composition import build_services
    from bot.settings.config import load_settings

    with tempfile.TemporaryDirectory(prefix="redaction-bench-") as tmp:
        folder = Path(tmp)
        write_teams_config(folder / "config", TEAMS, WORKERS)
        database = folder / "audit-bot.db"
        settings = load_settings({"AUDITBOT_CONFIG": str(folder / "config"), "AUDITBOT_DB": str(database)})
        services = build_services(settings, clock=lambda: NOW)
        try:
            seconds = build(services)
            db = services.storage.db
            counts = {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in (
                "audits", "answers", "actions", "moderations", "revisions", "reflections", "kb_asks", "trail",
                "processed_events")}
            print(f"built in {seconds:.0f} s: " + ", ".join(f"{count:,} {table}" for table, count in counts.items()))
            figures = measure(services, database)
        finally:
            services.storage.close()
        stale = [stale_copies(folder, seed) for seed in range(STALE_SEEDS)]
    report(figures, stale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
