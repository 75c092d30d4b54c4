"""The `kb_changes` counts (m430): how many reloads of the knowledge folder and changes of learned wordings any
process on this database has made, so another process notices them before it answers (bot/asking/kb_shared.py)."""

from __future__ import annotations

from typing import Literal

from bot.storage.db import Storage

Kind = Literal["folder", "learned"]


def counts(storage: Storage) -> tuple[int, int]:
    """(folder reloads, learned-wording changes) so far: one read of a one-row table, tens of microseconds."""
    row = storage.db.execute("SELECT folder, learned FROM kb_changes WHERE id = 1").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def count_one(storage: Storage, kind: Kind) -> tuple[int, int]:
    """Add one to the `kind` count (a reload that worked, or a learned wording changed); the counts after it."""
    column = "folder" if kind == "folder" else "learned"
    with storage.write() as db:
        db.execute(f"UPDATE kb_changes SET {column} = {column} + 1 WHERE id = 1")
        row = db.execute("SELECT folder, learned FROM kb_changes WHERE id = 1").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)
