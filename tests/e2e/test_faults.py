"""Faults: a busy database is waited for or refused cleanly, and bad configuration stops the CLI clearly."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest

import bot.storage.db as storage_db
from bot.settings.config import PROJECT_DIR
from bot.storage import Storage, StorageBusy
from tests.support.moved_clock import bot_command, child_clock


@pytest.fixture
def quick_storage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Storage:
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 1000)  # longer than the 0.2 s hold below, short for a test
    store = Storage(tmp_path / "audit.db")
    store.migrate()
    yield store
    store.close()


def hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO trail (at, actor, action) VALUES ('2026-11-22T09:00:00+00:00', 'other', 'held')")
    return other


def trail_actions(store: Storage) -> list[str]:
    return [row[0] for row in store.db.execute("SELECT action FROM trail ORDER BY id").fetchall()]


def test_a_write_waits_for_another_writer_and_both_land(quick_storage: Storage) -> None:
    other = hold_write_lock(quick_storage.path)
    threading.Timer(0.2, lambda: other.execute("COMMIT")).start()
    with quick_storage.write() as db:
        db.execute("INSERT INTO trail (at, actor, action) VALUES ('2026-11-22T09:01:00+00:00', 'bot', 'mine')")
    other.close()
    assert trail_actions(quick_storage) == ["held", "mine"]


def test_a_database_that_stays_locked_is_refused_cleanly_and_not_corrupted(quick_storage: Storage) -> None:
    other = hold_write_lock(quick_storage.path)
    with pytest.raises(StorageBusy, match="nothing was written"), quick_storage.write() as db:
        db.execute("INSERT INTO trail (at, actor, action) VALUES ('x', 'bot', 'lost')")
    other.execute("ROLLBACK")
    other.close()
    assert quick_storage.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert trail_actions(quick_storage) == []
    with quick_storage.write() as db:  # and the next write goes through
        db.execute("INSERT INTO trail (at, actor, action) VALUES ('2026-11-22T09:02:00+00:00', 'bot', 'later')")
    assert trail_actions(quick_storage) == ["later"]


def run_bot(config_dir: Path, tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        bot_command(*argv), input="", capture_output=True, text=True, cwd=PROJECT_DIR,
        env=child_clock({"AUDITBOT_CONFIG": str(config_dir), "AUDITBOT_DB": str(tmp_path / "x.db"),
                         "PATH": "/usr/bin"}),
        timeout=60,
    )


@pytest.mark.parametrize(("file", "text", "key"), [
    ("teams.yaml", "teams:\n  - {id: a, members: [{user: U0A1, role: boss}]}\n", "role"),
    ("settings.yaml", "retention_years: 0\n", "retention_years"),
    ("settings.yaml", "a: 2001-02-30\n", "settings.yaml:1: `a`"),  # a not-real date is read as its text
])
@pytest.mark.parametrize("command", [["trail"], ["retention", "--apply"], ["chat"]])
def test_bad_configuration_stops_every_command_with_exit_2_and_one_line(
    config_dir: Path, tmp_path: Path, file: str, text: str, key: str, command: list[str]
) -> None:
    (config_dir / file).write_text(text)
    result = run_bot(config_dir, tmp_path, *command)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Configuration problem: ") and file in line and key in line
    assert not (tmp_path / "x.db").exists()  # never a half-started bot


def test_restoring_something_else_exits_1_and_says_why(config_dir: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    result = run_bot(config_dir, tmp_path, "restore", str(junk))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"Not restored: {junk} is not an SQLite database. "
                                     "The current database was not changed.")
