"""Connections, pragmas, migrations and write transactions for the SQLite database."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.storage.schema import MIGRATIONS

BUSY_TIMEOUT_MS = 10_000
PRIVATE_FILE = 0o600  # audit data: the bot's own user only
PRIVATE_DIR = 0o700
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def make_private_dir(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by the bot's user only.

    A folder that already exists is left as it is: it may be shared (/tmp, a home folder) and is not ours to change.
    """
    if folder.is_dir():
        return
    make_private_dir(folder.parent)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=PRIVATE_DIR)
    os.chmod(folder, PRIVATE_DIR)  # mkdir's mode is narrowed by the umask, never widened: set it exactly


def make_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing, and narrow it (and SQLite's -wal/-shm/-journal beside it) to
    0600 if it is wider, before SQLite opens it.

    SQLite gives a database's WAL, shared-memory and journal files the database file's own mode, so a database
    created 0600 keeps every file it writes private. Earlier versions created 0644 files: those are narrowed here.
    """
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    for candidate in (path, *(path.with_name(path.name + side) for side in SQLITE_SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError, PermissionError):  # another owner's file: left to them
            if candidate.stat().st_mode & 0o077:
                os.chmod(candidate, PRIVATE_FILE)


class StorageBusy(Exception):
    """The database stayed locked past the busy timeout: nothing was written."""


class Storage:
    """One database file, with a connection per thread that is set up the same way every time."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if str(path) != ":memory:" else Path(":memory:")
        if self.path != Path(":memory:"):
            make_private_dir(self.path.parent)
            make_private_file(self.path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[tuple[threading.Thread, sqlite3.Connection]] = []
        # Writers through this Storage queue on a lock before asking SQLite: SQLite's own busy handler sleeps in
        # growing steps (up to 100 ms), which turns a short wait under load into a long tail. Re-entrant, so a
        # write() inside a write() fails in SQLite with a clear error rather than hanging here. One Storage per
        # database is built by the composition root, so this lock is the process's, without a global.
        self._write_lock = threading.RLock()
        # Checklist snapshots never change once stored, so each is parsed once per Storage (content hash -> it).
        self.checklist_snapshots: dict[str, Any] = {}

    @property
    def db(self) -> Database:
        """This thread's connection: WAL, foreign keys on and a busy timeout, as every writer needs."""
        database: Database | None = getattr(self._local, "db", None)
        if database is None:
            # One connection per thread (threading.local); check_same_thread is off only so close() can run
            # from the thread that shuts the bot down.
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys=ON")
            # Deleted and overwritten content is zeroed, not left in free space where the file's bytes still show
            # it: a text removed because it identified a child (bot.storage.redaction) must be gone.
            conn.execute("PRAGMA secure_delete=ON")
            if str(self.path) != ":memory:":
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            database = Database(conn, execute_plugins=False)
            self._local.db = database
            with self._lock:
                self._connections.append((threading.current_thread(), conn))
        return database

    def migrate(self) -> list[str]:
        """Apply pending forward migrations and return their names (empty when up to date)."""
        pending = [m.name for m in MIGRATIONS.pending(self.db)]
        MIGRATIONS.apply(self.db)
        return pending

    @contextmanager
    def write(self) -> Iterator[Database]:
        """A write transaction that takes the write lock at once (BEGIN IMMEDIATE).

        Taking the lock up front makes read-then-write steps (compare-and-set on an audit's current
        question) safe when two clicks arrive together. Another process's write is waited for by SQLite's own
        busy_timeout (BUSY_TIMEOUT_MS); past it nothing is written and StorageBusy says so. Threads of this
        process take turns on the Storage's lock first (see __init__).
        """
        with self._write_lock:
            yield from self._write()

    def _write(self) -> Iterator[Database]:
        database = self.db
        conn = database.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            raise StorageBusy("the database is busy; nothing was written") from exc
        try:
            yield database
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    @contextmanager
    def exclusive(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection outside any transaction, with this process's writers held off: for statements
        that may not run in a transaction (VACUUM, a checkpoint)."""
        with self._write_lock:
            yield self.db.conn

    def close(self) -> None:
        """Close this thread's connection and those of threads that have ended.

        A connection still owned by a live thread (a scheduler job finishing, say) is left to that thread:
        closing it underneath a running statement would crash SQLite.
        """
        current = threading.current_thread()
        with self._lock:
            keep = []
            for owner, conn in self._connections:
                if owner is current or not owner.is_alive():
                    conn.close()
                else:
                    keep.append((owner, conn))
            self._connections = keep
        self._local = threading.local()
