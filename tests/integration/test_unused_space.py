"""The unused space of a database file, where a removal looks for leftovers of its text (bot.storage.unused_space):
it holds what SQLite left behind, never a row still stored, so a note that shares words with a removed one is not
taken for a leftover of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.storage.unused_space import unused_bytes
from tests.integration.test_redaction import CORRECTED, LEAKED, plant_stale_copy


def database(path: Path, secure_delete: bool, rows: list[str]) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA secure_delete={'ON' if secure_delete else 'OFF'}")
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, note TEXT)")
    conn.execute("CREATE INDEX notes_note ON notes(note)")
    conn.executemany("INSERT INTO notes (note) VALUES (?)", [[row] for row in rows])
    conn.commit()
    return conn


def unused(path: Path) -> bytes:
    return b"\0".join(unused_bytes(path))


def test_stored_rows_are_not_in_the_unused_space_and_an_overwritten_one_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = database(path, True, [CORRECTED] * 200 + [LEAKED])
    conn.execute("UPDATE notes SET note = '[removed]' WHERE note = ?", [LEAKED])
    conn.commit()
    conn.close()
    assert CORRECTED.encode() in path.read_bytes() and CORRECTED.encode() not in unused(path)
    assert LEAKED.encode() not in path.read_bytes()


def test_rows_deleted_without_secure_delete_are_found_in_free_blocks_and_free_pages(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = database(path, False, [f"{LEAKED} {n}" for n in range(300)] + [CORRECTED])
    conn.execute("DELETE FROM notes WHERE note != ?", [CORRECTED])  # most pages go to the freelist
    conn.commit()
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] > 0
    conn.close()
    left = unused(path)
    assert all(f"{LEAKED} {n}".encode() in left for n in (0, 150, 299))


def test_an_old_copy_in_the_space_between_a_pages_pointers_and_cells_is_found(tmp_path: Path) -> None:
    path = tmp_path / "stale.db"
    database(path, True, [CORRECTED] * 3).close()
    assert LEAKED.encode() not in unused(path)
    plant_stale_copy(path, "notes", LEAKED)
    assert LEAKED.encode() in unused(path)
