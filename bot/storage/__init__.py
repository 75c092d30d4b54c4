"""The storage layer: the only code that writes SQL.

`Storage` hands each thread its own SQLite connection (Bolt and APScheduler run work on thread pools,
and sqlite3 connections must not cross threads). Feature-specific queries live in small modules
beside this one, each taking a `Storage`.
"""

from bot.storage.db import Storage, StorageBusy

__all__ = ["Storage", "StorageBusy"]
