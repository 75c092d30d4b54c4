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
