"""Retention, backup and restore, and the trail, through the `audit-bot` commands."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_services
from bot.core.services import Services
from bot.errors import UserError
from bot.settings.config import Settings
from bot.storage import Storage
from bot.storage.trail import record_trail
from tests.support.audit_rows import add_action, case_refs, insert_audit
from tests.support.cli import run_cli

LONDON = ZoneInfo("Europe/London")


def answers_per_audit(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT a.case_ref, count(x.question_id) FROM audits a LEFT JOIN answers x ON x.audit_id = a.id "
            "GROUP BY a.id"
        ).fetchall()
    finally:
        conn.close()
    return dict(rows)


def test_backup_taken_while_the_bot_writes_restores_every_audit_it_holds(
    services: Services, environ: dict[str, str], tmp_path: Path
) -> None:
    storage = services.storage
    for n in range(20):
        insert_audit(storage, f"CR-{100000 + n}", datetime(2026, 11, 2, 9, n, tzinfo=UTC))
    stop = threading.Event()
    written: list[str] = []

    def keep_writing() -> None:
        n = 0
        while not stop.is_set() or n < 5:
            ref = f"CR-{200000 + n}"
            insert_audit(storage, ref, datetime(2026, 11, 3, 9, 0, tzinfo=UTC))
            written.append(ref)
            n += 1
        storage.close()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        backup = run_cli(environ, "backup", str(tmp_path / "backup.db"))
    finally:
        stop.set()
        writer.join()
    assert backup.code == 0, backup.err
    assert "Backed up" in backup.out

    in_backup = answers_per_audit(tmp_path / "backup.db")
    # A consistent snapshot: every audit before the backup, and every audit in it complete with its answers.
    assert {f"CR-{100000 + n}" for n in range(20)} <= set(in_backup)
    assert set(in_backup.values()) == {3}
    assert set(in_backup) <= {f"CR-{100000 + n}" for n in range(20)} | set(written)

    restored = run_cli(environ, "restore", str(tmp_path / "backup.db"), "--yes")
    assert restored.code == 0, restored.err
    assert answers_per_audit(Path(environ["AUDITBOT_DB"])) == in_backup
    [safety] = tmp_path.glob("audit.before-restore-*.db")
    assert len(answers_per_audit(safety)) == 20 + len(written)
    trail = run_cli(environ, "trail", "--format", "json")
    assert [row["action"] for row in json.loads(trail.out)][-1] == "restore"


def test_backup_refuses_to_overwrite_a_file(services: Services, environ: dict[str, str], tmp_path: Path) -> None:
    existing = tmp_path / "keep.db"
    existing.write_text("an older backup")
    result = run_cli(environ, "backup", str(existing))
    assert result.code == 1
    assert "already exists" in result.err
    assert existing.read_text() == "an older backup"


def test_restore_refuses_anything_but_a_sound_audit_bot_database(
    services: Services, environ: dict[str, str], tmp_path: Path
) -> None:
    insert_audit(services.storage, "CR-123456", datetime(2026, 11, 2, tzinfo=UTC))
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert run_cli(environ, "backup", str(tmp_path / "good.db")).code == 0
    damaged = tmp_path / "damaged.db"
    data = bytearray((tmp_path / "good.db").read_bytes())
    data[4096:8192] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    newer = tmp_path / "newer.db"
    newer.write_bytes((tmp_path / "good.db").read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('audit-bot', 'm099_x', 'x')")
    conn.commit()
    conn.close()

    cases = {
        tmp_path / "missing.db": "does not exist",
        text_file: "not an SQLite database",
        other: "not one made by audit-bot",
        damaged: "",
        newer: "newer audit-bot",
    }
    for path, reason in cases.items():
        result = run_cli(environ, "restore", str(path))
        assert result.code == 1, path
        assert result.err.startswith("Not restored:") and reason in result.err
        assert "current database was not changed" in result.err
    assert case_refs(services.storage) == ["CR-123456"]
    assert list(tmp_path.glob("audit.before-restore-*")) == []


def test_retention_lists_then_deletes_only_what_is_past_the_period(
    services: Services, environ: dict[str, str]
) -> None:
    storage = services.storage
    insert_audit(storage, "CR-100001", datetime(2019, 3, 1, tzinfo=UTC), status="moderated")
    insert_audit(storage, "CR-100002", datetime(2020, 11, 20, tzinfo=UTC), status="moderated")
    insert_audit(storage, "CR-100003", datetime(2020, 6, 1, tzinfo=UTC), status="draft")
    insert_audit(storage, "CR-100004", datetime(2020, 11, 23, tzinfo=UTC))  # inside six years
    kept_by_action = insert_audit(storage, "CR-100005", datetime(2019, 1, 1, tzinfo=UTC))
    add_action(storage, kept_by_action, datetime(2019, 1, 1, tzinfo=UTC), done=datetime(2021, 2, 1, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 11, 22, 10, 0, tzinfo=LONDON), tick=False):
        listed = run_cli(environ, "retention")
        assert case_refs(storage) == [f"CR-10000{n}" for n in range(1, 6)]
        applied = run_cli(environ, "retention", "--apply")
        trail = json.loads(run_cli(environ, "trail", "--format", "json").out)
        again = run_cli(environ, "retention", "--apply")  # the same day: nothing more is past the period
    assert listed.code == applied.code == 0
    assert "before 22 November 2020" in listed.out
    assert "moderated       2019         1" in listed.out
    assert "moderated       2020         1" in listed.out
    assert "draft           2020         1" in listed.out
    assert "Past retention: 3 audits (9 answers, 0 actions" in listed.out
    assert "Nothing was deleted" in listed.out
    assert "Deleted 3 audits (9 answers" in applied.out
    assert case_refs(storage) == ["CR-100004", "CR-100005"]
    assert storage.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 6
    runs = [(row["action"], row["detail"]["audits"]) for row in trail if row["action"].startswith("retention")]
    assert runs == [("retention.list", 3), ("retention.apply", 3)]
    assert "Deleted 0 audits" in again.out


def test_trail_prints_local_times_and_filters_by_date(settings: Settings, environ: dict[str, str]) -> None:
    with time_machine.travel(datetime(2026, 6, 1, 9, 0, tzinfo=UTC), tick=False):  # roles.initial is written now
        built = build_services(settings)
    storage: Storage = built.storage
    record_trail(storage, "U0QALEAD1", "kb.reload", {"entries": 104}, at=datetime(2026, 7, 1, 12, 0, tzinfo=UTC))
    record_trail(storage, "U0MGRN001", "export", {"rows": 12}, at=datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    text = run_cli(environ, "trail").out
    assert "2026-07-01 13:00 BST  U0QALEAD1        kb.reload          entries=104" in text
    assert "2026-12-01 12:00 GMT  U0MGRN001        export             rows=12" in text
    with time_machine.travel(datetime(2026, 12, 2, 9, 0, tzinfo=UTC), tick=False):
        for typed in ("2026-11-30", "30/11/2026", "30 November", "last Monday"):  # as audits read dates
            since = run_cli(environ, "trail", "--since", typed, "--format", "json")
            assert json.loads(since.out) == [
                {"action": "export", "actor": "U0MGRN001", "at": "2026-12-01T12:00:00+00:00", "detail": {"rows": 12}}
            ], typed
        assert run_cli(environ, "trail", "--since", "2/12/2026").out == "The trail is empty since 2 Dec 2026.\n"
        with pytest.raises(UserError, match=r"--since: Thursday 31 December 2026 is in the future \(today is "
                                            r"Wednesday 2 December 2026\), so there is nothing in the trail"):
            run_cli(environ, "trail", "--since", "31/12/2026")
    built.storage.close()


def test_restore_refuses_while_a_bot_process_holds_the_database_and_goes_ahead_once_it_is_killed(
    config_dir: Path, environ: dict[str, str], tmp_path: Path, standin
) -> None:
    from tests.support.bot_process import BotProcess, bot_environment, free_port

    database = Path(environ["AUDITBOT_DB"])
    storage = Storage(database)
    storage.migrate()
    insert_audit(storage, "CR-100001", datetime(2026, 11, 2, 9, tzinfo=UTC))
    storage.close()
    assert run_cli(environ, "backup", str(tmp_path / "backup.db")).code == 0
    bot = BotProcess(bot_environment(config_dir, database, standin.base_url, "restore-test-secret"), free_port())
    bot.start()
    try:
        refused = run_cli(environ, "restore", str(tmp_path / "backup.db"))
        assert refused.code == 1
        assert refused.err.startswith("Not restored: the bot is running") and "Stop the bot first" in refused.err
        assert "current database was not changed" in refused.err
        assert list(tmp_path.glob("audit.before-restore-*")) == []
        bot.kill()  # kill -9: no clean-up runs, yet the lock goes with the process
        restored = run_cli(environ, "restore", str(tmp_path / "backup.db"), "--yes")
        assert restored.code == 0, restored.err
    finally:
        bot.stop()


def test_after_a_restore_the_trail_keeps_the_backup_entry_and_records_the_restore(
    services: Services, environ: dict[str, str], tmp_path: Path
) -> None:
    insert_audit(services.storage, "CR-100001", datetime(2026, 11, 2, 9, tzinfo=UTC))
    backup_file = tmp_path / "backup.db"
    assert run_cli(environ, "backup", str(backup_file)).code == 0
    record_trail(services.storage, "U0ADMIN01", "export", {"audits": 1})
    assert run_cli(environ, "restore", str(backup_file), "--yes").code == 0
    rows = json.loads(run_cli(environ, "trail", "--format", "json").out)
    actions = [row["action"] for row in rows]
    assert actions.count("backup") == 1 and actions.count("export") == 1 and actions[-1] == "restore"
    backup = next(row for row in rows if row["action"] == "backup")
    restore = rows[-1]["detail"]
    assert restore["file"] == str(backup_file.resolve()) and restore["audits"] == 1
    assert restore["backup_entry"]["actor"] == backup["actor"]
    assert restore["before_restore_copy"].endswith(".db")


def test_audit_ids_are_never_reused_after_a_delete_or_a_restore(
    services: Services, environ: dict[str, str], tmp_path: Path
) -> None:
    storage = services.storage
    first = insert_audit(storage, "CR-100001", datetime(2026, 11, 2, 9, tzinfo=UTC))
    assert run_cli(environ, "backup", str(tmp_path / "backup.db")).code == 0
    second = insert_audit(storage, "CR-100002", datetime(2026, 11, 2, 10, tzinfo=UTC))
    with storage.write() as db:
        db.execute("DELETE FROM audits WHERE id = ?", [second])
    third = insert_audit(storage, "CR-100003", datetime(2026, 11, 2, 11, tzinfo=UTC))
    assert len({first, second, third}) == 3
    storage.close()
    assert run_cli(environ, "restore", str(tmp_path / "backup.db"), "--yes").code == 0  # holds only the first
    again = Storage(Path(environ["AUDITBOT_DB"]))
    try:
        fourth = insert_audit(again, "CR-100004", datetime(2026, 11, 2, 12, tzinfo=UTC))
    finally:
        again.close()
    assert fourth > third


def test_an_older_database_gets_audit_ids_that_are_never_reused_and_keeps_its_answers(tmp_path: Path) -> None:
    from bot.storage.schema import MIGRATIONS

    storage = Storage(tmp_path / "old.db")
    MIGRATIONS.apply(storage.db, stop_before="m101_defects_b_audit_ids_never_reused")
    kept = insert_audit(storage, "CR-100001", datetime(2026, 11, 2, 9, tzinfo=UTC))
    gone = insert_audit(storage, "CR-100002", datetime(2026, 11, 2, 10, tzinfo=UTC))
    with storage.write() as db:
        db.execute("DELETE FROM audits WHERE id = ?", [gone])
    assert storage.migrate()[0] == "m101_defects_b_audit_ids_never_reused"
    assert storage.db.execute("SELECT COUNT(*) FROM answers WHERE audit_id = ?", [kept]).fetchone()[0] == 3
    assert storage.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    new = insert_audit(storage, "CR-100003", datetime(2026, 11, 2, 11, tzinfo=UTC))
    with storage.write() as db:
        db.execute("DELETE FROM audits WHERE id = ?", [new])
    assert insert_audit(storage, "CR-100004", datetime(2026, 11, 2, 12, tzinfo=UTC)) > new
    storage.close()
