"""SQL for the role snapshot: the roles teams.yaml gave at the last start."""

from __future__ import annotations

from bot.storage.db import Storage

SnapshotRow = tuple[str, str]  # (role, comma-separated team ids)


def read_role_snapshot(storage: Storage) -> dict[str, SnapshotRow]:
    rows = storage.db.execute("SELECT user_id, role, team_ids FROM role_snapshot").fetchall()
    return {user_id: (role, team_ids) for user_id, role, team_ids in rows}


def replace_role_snapshot(storage: Storage, snapshot: dict[str, SnapshotRow]) -> None:
    """Call inside `storage.write()` so reading, comparing and replacing is one step."""
    db = storage.db
    db.execute("DELETE FROM role_snapshot")
    db.conn.executemany(
        "INSERT INTO role_snapshot (user_id, role, team_ids) VALUES (?, ?, ?)",
        [(user_id, role, teams) for user_id, (role, teams) in sorted(snapshot.items())],
    )
