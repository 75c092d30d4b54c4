"""Audit data on disk is readable by the bot's own user only: files 0600, the folders the bot creates 0700.

The umask is set to the common 022 for each test, which on its own would leave files 0644 (readable by every
local user), so these tests show what the bot does rather than what the machine happens to be set to.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings.config import load_settings
from bot.storage import Storage
from tests.support.cli import run_cli


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def common_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_database_its_wal_and_shm_and_its_folder_are_private(tmp_path: Path) -> None:
    database = tmp_path / "data" / "nested" / "audit.db"
    storage = Storage(database)
    try:
        storage.migrate()
        with storage.write() as db:
            db.execute("INSERT INTO trail (at, actor, action, detail) VALUES ('2020-01-01', 'test', 'x', '{}')")
        files = [database, database.with_name("audit.db-wal"), database.with_name("audit.db-shm")]
        assert all(path.exists() for path in files)
        assert {path.name: oct(mode(path)) for path in files} == {path.name: "0o600" for path in files}
        assert oct(mode(database.parent)) == "0o700" and oct(mode(database.parent.parent)) == "0o700"
    finally:
        storage.close()


def test_a_database_left_readable_by_an_older_version_is_narrowed(tmp_path: Path) -> None:
    database = tmp_path / "audit.db"
    Storage(database).close()
    os.chmod(database, 0o644)
    Storage(database).close()
    assert oct(mode(database)) == "0o600"


def test_backups_restores_and_the_pre_restore_copy_are_private(environ: dict[str, str], tmp_path: Path) -> None:
    live = Path(environ["AUDITBOT_DB"])
    backups = tmp_path / "backups"
    backups.mkdir()
    assert run_cli(environ, "backup", str(backups / "monday.db")).code == 0
    assert oct(mode(backups / "monday.db")) == "0o600"

    restored = run_cli(environ, "restore", str(backups / "monday.db"), "--yes")
    assert restored.code == 0, restored.err
    [safety] = live.parent.glob("audit.before-restore-*.db")
    assert oct(mode(safety)) == "0o600"
    assert oct(mode(live)) == "0o600"


def test_restoring_into_a_missing_folder_creates_it_private(environ: dict[str, str], tmp_path: Path) -> None:
    assert run_cli(environ, "backup", str(tmp_path / "b.db")).code == 0
    elsewhere = {**environ, "AUDITBOT_DB": str(tmp_path / "new-home" / "audit.db")}
    assert load_settings(elsewhere).database == tmp_path / "new-home" / "audit.db"
    assert run_cli(elsewhere, "restore", str(tmp_path / "b.db"), "--yes").code == 0
    assert oct(mode(tmp_path / "new-home")) == "0o700"
    assert oct(mode(tmp_path / "new-home" / "audit.db")) == "0o600"


def test_the_start_up_cache_beside_the_database_is_private(tmp_path: Path) -> None:
    from bot.core.knowledge import KnowledgeService
    from bot.settings.config import PROJECT_DIR
    from knowledge.entry_terms import TERMS
    from knowledge.loader import PARSED

    for store in (PARSED, TERMS):
        store.forget()  # as a new process: nothing held in memory, so every record is written
    cache = tmp_path / "data" / "cache"
    KnowledgeService.load(PROJECT_DIR / "knowledge", cache)
    records = list(cache.rglob("*.marshal"))
    folders = [cache, *(path for path in cache.iterdir() if path.is_dir())]
    assert records and {oct(mode(path)) for path in records} == {"0o600"}
    assert {oct(mode(path)) for path in folders} == {"0o700"}
