"""Who has the database open: a lock file beside it that every running bot holds for its whole life.

A running bot holds a shared `flock` on `<database>.lock`; `audit-bot restore` needs it exclusively, so it
refuses while any bot runs instead of replacing the file under a live process. The operating system
releases a flock when the process ends however it ends (kill -9, power cut of a container), so a crashed
bot never leaves a stale lock behind, unlike a pid file or a heartbeat row.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.storage.db import make_private_dir


class DatabaseInUse(Exception):
    """Another process holds the database's lock: a bot is running (or a restore is under way)."""


def lock_path(database: Path) -> Path:
    """`data/audit-bot.db` -> `data/audit-bot.db.lock`."""
    return database.with_name(database.name + ".lock")


def _open(database: Path) -> int:
    path = lock_path(database)
    make_private_dir(path.parent)  # the lock may be the first file the bot makes in a new data folder
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


@contextmanager
def bot_running(database: Path) -> Iterator[None]:
    """Held by a running bot (shared, so several bot processes may share a database)."""
    fd = _open(database)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseInUse(f"{database} is being restored right now; start the bot again when the "
                                "restore has finished.") from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextmanager
def no_bot_running(database: Path) -> Iterator[None]:
    """Held while the database file is replaced; raises DatabaseInUse if any bot has it open."""
    fd = _open(database)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseInUse(f"the bot is running with {database} open") from None
        yield
    finally:
        os.close(fd)
