"""Storage: migrations, WAL and foreign keys on every connection, one connection per thread."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from bot.storage import Storage
from bot.storage.common import mark_event_processed
from bot.storage.trail import record_trail


@pytest.fixture
def storage(tmp_path: Path) -> Storage:
    store = Storage(tmp_path / "db" / "audit.db")
    store.migrate()
    yield store
    store.close()


def test_migrations_create_the_schema_once(storage: Storage) -> None:
    assert {"audits", "answers", "actions", "moderations", "kb_asks", "sends", "trail"} <= set(
        storage.db.table_names()
    )
    assert storage.migrate() == []


def test_every_thread_gets_its_own_connection_with_wal_and_foreign_keys(storage: Storage) -> None:
    seen: list[tuple[int, str, int, int]] = []

    def probe() -> None:
        db = storage.db
        seen.append(
            (
                id(db.conn),
                db.execute("PRAGMA journal_mode").fetchone()[0],
                db.execute("PRAGMA foreign_keys").fetchone()[0],
                db.execute("PRAGMA busy_timeout").fetchone()[0],
            )
        )

    threads = [threading.Thread(target=probe) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({conn for conn, *_ in seen}) == 3
    assert all(mode == "wal" and fk == 1 and busy >= 5000 for _, mode, fk, busy in seen)


def test_foreign_keys_are_enforced(storage: Storage) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        storage.db.execute(
            "INSERT INTO answers (audit_id, question_id, value, answered_by, answered_at) "
            "VALUES (999, 'q', 'yes', 'U1', '2026-01-01T00:00:00+00:00')"
        )


def test_a_failed_write_transaction_leaves_nothing_behind(storage: Storage) -> None:
    with pytest.raises(RuntimeError), storage.write() as db:
        db.execute("INSERT INTO trail (at, actor, action) VALUES ('t', 'U1', 'kb.reload')")
        raise RuntimeError("boom")
    assert storage.db.execute("SELECT count(*) FROM trail").fetchone()[0] == 0


def test_an_event_is_processed_once(storage: Storage) -> None:
    assert mark_event_processed(storage, "Ev123")
    assert not mark_event_processed(storage, "Ev123")


def test_trail_records_who_and_what(storage: Storage) -> None:
    record_trail(storage, "U0QALEAD1", "kb.reload", {"added": 2})
    row = storage.db.execute("SELECT actor, action, detail FROM trail").fetchone()
    assert row == ("U0QALEAD1", "kb.reload", '{"added": 2}')


def test_case_references_stored_in_mixed_forms_become_one_form_and_list_the_whole_history(tmp_path: Path) -> None:
    """A database from before m242 holds one case as `cr382070`, `CR382070`, ` Cr 382070 ` and `CR-382070` (a
    campaign allocation too): after the upgrade every row reads `CR-382070`, `/audit list case`'s query finds all
    four audits, nothing else changed (updated_at, the campaign totals), and running it again changes nothing."""
    from sqlite_utils import Database

    from bot.storage.readback import readable_audits
    from bot.storage.schema import MIGRATIONS, m242_caseref_canonical_references

    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    MIGRATIONS.apply(db, stop_before="m242_caseref_canonical_references")
    stamp = "2026-11-02T10:00:00+00:00"
    db.execute("INSERT INTO checklist_versions (hash, checklist_id, title, content, first_seen) "
               "VALUES ('h', 'c', 'C', '{}', ?)", [stamp])
    typed = ("cr382070", "CR382070", " Cr 382070 ", "CR-382070", "EH-2233", "XY/77")
    for audit_id, reference in enumerate(typed, start=1):
        db.execute("INSERT INTO audits (id, checklist_id, checklist_hash, case_ref, auditor_id, status, step, "
                   "started_at, updated_at, submitted_at) VALUES (?, 'c', 'h', ?, 'U0MGRN001', 'submitted', 'done', "
                   "?, ?, ?)", [audit_id, reference, stamp, stamp, stamp])
        db.execute("INSERT INTO answers (audit_id, question_id, value, answered_by, answered_at) "
                   "VALUES (?, 'q1', 'yes', 'U0MGRN001', ?)", [audit_id, stamp])
    db.execute("INSERT INTO campaigns (id, name, theme, checklist_id, teams, starts_on, deadline, auditors, "
               "moderation_share, created_by, created_at) VALUES (1, 'Autumn', 'Plans', 'c', 'north', '2026-11-01', "
               "'2026-11-30', 'managers', 20, 'U0QALEAD1', ?)", [stamp])
    for reference, audit_id in (("cr382070", 1), (None, None), ("eh 2233", None)):
        db.execute("INSERT INTO campaign_allocations (campaign_id, case_ref, worker_id, team_id, auditor_id, status, "
                   "audit_id, updated_at) VALUES (1, ?, 'U0PRAN001', 'north', 'U0MGRN001', ?, ?, ?)",
                   [reference, "started" if audit_id else "allocated", audit_id, stamp])
    totals_before = db.execute("SELECT * FROM campaign_answer_totals").fetchall()
    assert totals_before  # the linked audit counts in its campaign
    db.conn.commit()
    db.conn.close()

    storage = Storage(path)
    try:
        assert storage.migrate()[0] == "m242_caseref_canonical_references"  # then any migration after it
        stored = [r[0] for r in storage.db.execute("SELECT case_ref FROM audits ORDER BY id")]
        assert stored == ["CR-382070"] * 4 + ["EH-2233", "XY/77"]
        allocated = [r[0] for r in storage.db.execute("SELECT case_ref FROM campaign_allocations ORDER BY id")]
        assert allocated == ["CR-382070", None, "EH-2233"]
        total, history = readable_audits(storage, case_ref="CR-382070")
        assert total == 4 and sorted(a.id for a in history) == [1, 2, 3, 4]
        assert {r[0] for r in storage.db.execute("SELECT updated_at FROM audits")} == {stamp}
        assert storage.db.execute("SELECT * FROM campaign_answer_totals").fetchall() == totals_before
        snapshot = storage.db.execute("SELECT id, case_ref FROM audits UNION ALL "
                                      "SELECT -id, case_ref FROM campaign_allocations").fetchall()
        with storage.write() as again:
            m242_caseref_canonical_references(again)  # idempotent: a second run rewrites nothing
            assert again.execute("SELECT changes()").fetchone()[0] == 0
        assert storage.db.execute("SELECT id, case_ref FROM audits UNION ALL "
                                  "SELECT -id, case_ref FROM campaign_allocations").fetchall() == snapshot
        assert storage.migrate() == []
    finally:
        storage.close()


def test_an_older_database_keeps_its_learned_wordings_and_never_reuses_an_accepted_ones_number(tmp_path: Path) -> None:
    """A database from before m260: wordings #1-#3 stay with their numbers and everything else, and #4, accepted
    (gone from the table, named only in the trail), is not handed to the next wording learned."""
    from datetime import UTC, datetime

    from sqlite_utils import Database

    from bot.storage import learned
    from bot.storage.schema import MIGRATIONS

    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(path))
    MIGRATIONS.apply(db, stop_before="m260_storage9_learned_ids_never_reused")
    stamp = "2026-11-02T10:00:00+00:00"
    db.execute("INSERT INTO kb_asks (id, asked_at, user_id, query, outcome, surface) "
               "VALUES (1, ?, 'U0PRAN001', 'what colour is the mascot', 'ambiguous', 'dm')", [stamp])
    for number, wording, status, ask in ((1, "mascot colour", "active", 1), (2, "mascot shade", "rejected", None),
                                         (3, "mascot hue", "active", None), (4, "mascot tint", "active", None)):
        db.execute("INSERT INTO kb_learned (id, entry_id, wording, user_id, learned_at, source, status, ask_id) "
                   "VALUES (?, 'mascot-colour-south', ?, 'U0PRAN001', ?, 'picked', ?, ?)",
                   [number, wording, stamp, status, ask])
    db.execute("DELETE FROM kb_learned WHERE id = 4")  # accepted: written into the YAML, named by the trail
    db.execute("INSERT INTO trail (at, actor, action, detail) VALUES (?, 'U0QALEAD1', 'kb.learned.accept', ?)",
               [stamp, '{"learned": 4, "entry": "mascot-colour-south"}'])
    columns = ", ".join(row[1] for row in db.execute("PRAGMA table_info(kb_learned)").fetchall())  # before m380
    before = db.execute(f"SELECT {columns} FROM kb_learned ORDER BY id").fetchall()
    db.conn.commit()
    db.conn.close()

    storage = Storage(path)
    try:
        assert storage.migrate()[0] == "m260_storage9_learned_ids_never_reused"
        assert storage.db.execute(f"SELECT {columns} FROM kb_learned ORDER BY id").fetchall() == before
        new = learned.learn(storage, "mascot-colour-north", "mascot colour north", "U0QALEAD1", "linked",
                            datetime(2026, 11, 3, tzinfo=UTC))
        assert new is not None and new.id == 5
        assert learned.take_active(storage, new.id) is not None  # accepted in turn: its number is not reused either
        assert learned.learn(storage, "mascot-colour-north", "mascot colour again", "U0QALEAD1", "linked",
                             datetime(2026, 11, 4, tzinfo=UTC)).id == 6
        # the same wording is still learned once per entry, and deleting its question still only unlinks it
        assert learned.learn(storage, "mascot-colour-south", "mascot colour", "U0PRAN001", "picked",
                             datetime(2026, 11, 4, tzinfo=UTC)) is None
        with storage.write() as write:
            write.execute("DELETE FROM kb_asks WHERE id = 1")
        assert learned.get(storage, 1).ask_id is None
        assert storage.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert storage.migrate() == []
    finally:
        storage.close()


def test_an_audits_revisions_and_reflections_and_an_accepted_wording_are_read_through_an_index_not_by_scanning(
        storage: Storage) -> None:
    """Revisions and reflections are read by audit id (`/audit show`, `/audit redact`, export, and retention's
    last-activity check for every audit): each read, as these functions run it, finds the audit's rows through an
    index on that table, where it once read the whole table (retention did so twice per audit). So does `/audit kb
    accept 7` on a wording already accepted, which asks the trail (kept for ever) and once read all of it."""
    import re
    from datetime import UTC, datetime

    from bot.storage.audits import reflections_of, revisions_of
    from bot.storage.learned import was_accepted
    from bot.storage.maintenance import retention_report
    from bot.storage.redaction import audit_texts
    from bot.storage.reports.export import audit_details
    from bot.storage.trail import record_trail
    from tests.support.audit_rows import insert_audit

    audit = insert_audit(storage, "CR-100001", datetime(2026, 11, 2, 9, tzinfo=UTC))
    with storage.write() as db:
        db.execute("INSERT INTO revisions (audit_id, changed_by, changed_at, field, old_value, new_value) "
                   "VALUES (?, 'U0MGRN001', '2026-11-03T09:00:00+00:00', 'strengths', 'old', 'new')", [audit])
        db.execute("INSERT INTO reflections (audit_id, worker_id, text, created_at) "
                   "VALUES (?, 'U0PRAN001', 'I will update the plan', '2026-11-04T09:00:00+00:00')", [audit])
    record_trail(storage, "U0QA00001", "kb.learned.accept", {"learned": 7, "entry": "icpc-timescales"},
                 at=datetime(2026, 11, 5, 9, tzinfo=UTC))
    record_trail(storage, "U0QA00001", "kb.learned.reject", {"learned": 8}, at=datetime(2026, 11, 5, 9, tzinfo=UTC))
    statements: list[str] = []
    storage.db.conn.set_trace_callback(statements.append)
    try:
        revisions_of(storage, audit)
        reflections_of(storage, audit)
        audit_texts(storage, audit)
        audit_details(storage, audit)
        retention_report(storage, datetime(2027, 1, 1, tzinfo=UTC))
        assert was_accepted(storage, 7) and not was_accepted(storage, 8)
    finally:
        storage.db.conn.set_trace_callback(None)
    checked = 0
    for table in ("revisions", "reflections", "trail"):
        indexes = [row[0] for row in storage.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", [table])]
        for sql in (s for s in statements if re.search(rf"\bFROM {table}\b", s)):
            plan = " | ".join(row[3] for row in storage.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert any(f"INDEX {name} " in plan for name in indexes), (table, sql, plan)
            checked += 1
    assert checked >= 10  # each function above reads them; retention's survey reads each table twice
