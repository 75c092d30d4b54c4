"""SQL for looking after the database itself: retention, backup and restore, and reading the trail.

Retention deletes rather than anonymises: an audit past the retention period has no use for current
practice statistics, and a case reference with a date is exactly what could re-identify a child's
record. Deleting an audit removes its answers, actions, moderations, revisions and reflections too
(ON DELETE CASCADE in m001), and its actions' held chases (m330). The trail is kept: it holds ids and counts,
never case content.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.storage.common import parse_utc, utc_text
from bot.storage.db import BUSY_TIMEOUT_MS, Storage, make_private_dir, make_private_file
from bot.storage.schema import applied_migrations, migration_names
from bot.storage.trail import TrailRow

SQLITE_HEADER = b"SQLite format 3\x00"
CHILD_TABLES = ("answers", "actions", "moderations", "revisions", "reflections")

# The last time anyone touched an audit: its own timestamps and those of everything hanging off it.
LAST_ACTIVITY = """
    SELECT a.id, a.status, max(
        a.updated_at, a.started_at, coalesce(a.submitted_at, ''), coalesce(a.moderated_at, ''),
        coalesce((SELECT max(max(x.created_at, coalesce(x.done_at, ''))) FROM actions x WHERE x.audit_id = a.id), ''),
        coalesce((SELECT max(coalesce(m.decided_at, m.opened_at)) FROM moderations m WHERE m.audit_id = a.id), ''),
        coalesce((SELECT max(r.created_at) FROM reflections r WHERE r.audit_id = a.id), ''),
        coalesce((SELECT max(v.changed_at) FROM revisions v WHERE v.audit_id = a.id), '')
    ) AS last_activity
    FROM audits a
"""
EXPIRED_IDS = f"SELECT id FROM ({LAST_ACTIVITY}) WHERE last_activity < ?"


@dataclass
class RetentionReport:
    """What is (or was) past the retention period: audits by status and year of last activity."""

    cutoff: datetime
    audits_by_status_year: Counter[tuple[str, str]] = field(default_factory=Counter)
    children: dict[str, int] = field(default_factory=dict)
    kb_asks: int = 0
    applied: bool = False

    @property
    def audits(self) -> int:
        return sum(self.audits_by_status_year.values())

    def as_detail(self) -> dict[str, Any]:
        """Counts only, for the trail."""
        return {
            "cutoff": utc_text(self.cutoff),
            "audits": self.audits,
            "kb_asks": self.kb_asks,
            **{table: count for table, count in self.children.items()},
        }


def retention_report(storage: Storage, cutoff: datetime) -> RetentionReport:
    """Count what is past the cutoff without changing anything."""
    return _survey(storage, utc_text(cutoff), RetentionReport(cutoff=cutoff))


def apply_retention(storage: Storage, cutoff: datetime) -> RetentionReport:
    """Delete audits (with their children), knowledge-base questions last touched before the cutoff, and held
    chases settled before it (sent, failed, dropped or withdrawn: a waiting one stays until it goes)."""
    cutoff_text = utc_text(cutoff)
    with storage.write() as db:
        report = _survey(storage, cutoff_text, RetentionReport(cutoff=cutoff, applied=True))
        db.execute(f"DELETE FROM audits WHERE id IN ({EXPIRED_IDS})", [cutoff_text])
        db.execute("DELETE FROM kb_asks WHERE asked_at < ?", [cutoff_text])
        db.execute("DELETE FROM undelivered WHERE failed_at < ?", [cutoff_text])
        db.execute("DELETE FROM held_chases WHERE state IN ('sent', 'failed', 'dropped', 'withdrawn') "
                   "AND settled_at < ?", [cutoff_text])
    return report


def _survey(storage: Storage, cutoff_text: str, report: RetentionReport) -> RetentionReport:
    db = storage.db
    rows = db.execute(
        f"SELECT status, substr(last_activity, 1, 4), count(*) FROM ({LAST_ACTIVITY}) "
        "WHERE last_activity < ? GROUP BY 1, 2",
        [cutoff_text],
    ).fetchall()
    for status, year, count in rows:
        report.audits_by_status_year[(status, year)] = count
    for table in CHILD_TABLES:
        report.children[table] = db.execute(
            f"SELECT count(*) FROM {table} WHERE audit_id IN ({EXPIRED_IDS})", [cutoff_text]
        ).fetchone()[0]
    report.kb_asks = db.execute("SELECT count(*) FROM kb_asks WHERE asked_at < ?", [cutoff_text]).fetchone()[0]
    return report


# -- backup and restore ----------------------------------------------------------------------------


class NotAnAuditDatabase(Exception):
    """The file is missing, damaged, or not an audit-bot database; the message says which."""


@dataclass(frozen=True)
class DatabaseFacts:
    """What a checked database file holds, to show before and after a backup or restore."""

    path: Path
    audits: int
    migrations: tuple[str, ...]


def backup_database(storage: Storage, target: Path) -> DatabaseFacts:
    """Copy the live database with SQLite's online backup: consistent even while the bot writes (WAL).

    The copy is written beside the target and renamed into place only once it passes the integrity
    check, so a half-made backup never looks like a good one. It is a single self-contained file
    (rollback journal, not WAL), so it can be moved or archived on its own.
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    make_private_file(partial)  # 0600 from the start: a backup holds everything the live database does
    copy = sqlite3.connect(str(partial))
    try:
        storage.db.conn.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
    try:
        facts = inspect_database(partial)
    except NotAnAuditDatabase:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return DatabaseFacts(path=target, audits=facts.audits, migrations=facts.migrations)


def inspect_database(path: Path) -> DatabaseFacts:
    """Check a file is a sound audit-bot database this version can use, or say what is wrong with it."""
    if not path.is_file():
        raise NotAnAuditDatabase(f"{path} does not exist or is not a file")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise NotAnAuditDatabase(f"{path} is not an SQLite database")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise NotAnAuditDatabase(f"{path} is damaged ({exc})") from None
        if problems != ["ok"]:
            raise NotAnAuditDatabase(f"{path} failed SQLite's integrity check ({problems[0]})")
        applied = applied_migrations(conn)
        if "m001_initial" not in applied:
            raise NotAnAuditDatabase(f"{path} is an SQLite database, but not one made by audit-bot")
        known = set(migration_names())
        newer = [name for name in applied if name not in known]
        if newer:
            raise NotAnAuditDatabase(
                f"{path} was made by a newer audit-bot (it has migration {newer[0]}); upgrade audit-bot first"
            )
        audits = conn.execute("SELECT count(*) FROM audits").fetchone()[0]
    finally:
        conn.close()
    return DatabaseFacts(path=path, audits=audits, migrations=tuple(applied))


def restore_database(source: Path, target: Path, safety_copy: Path | None) -> DatabaseFacts:
    """Replace the database at `target` with a checked backup, keeping the current one at `safety_copy`.

    Uses the backup API in the other direction rather than copying files, so a WAL file left beside
    the target cannot be replayed over the restored data.
    """
    facts = inspect_database(source)
    if safety_copy is not None and target.exists():
        current = Storage(target)
        try:
            backup_database(current, safety_copy)
        finally:
            current.close()
    make_private_dir(target.parent)
    make_private_file(target)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return facts


def database_problem(path: Path) -> str | None:
    """What stops the bot using the database at `path`, or None: a quick check for `audit-bot health`.

    Read-only and without SQLite's full integrity check (that reads every page; `audit-bot backup` runs it).
    """
    if not path.is_file():
        return f"the database {path} does not exist yet (the bot creates it when it starts)"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return f"the database {path} cannot be opened ({exc})"
    try:
        applied = set(applied_migrations(conn))
    except sqlite3.Error as exc:
        return f"the database {path} cannot be read ({exc})"
    finally:
        conn.close()
    missing = [name for name in migration_names() if name not in applied]
    return f"the database {path} is not up to date (missing {missing[0]})" if missing else None


# -- the audit trail -------------------------------------------------------------------------------


def trail_rows(storage: Storage, since: datetime | None = None) -> list[TrailRow]:
    """The trail, oldest first, from `since` (UTC) on."""
    rows = storage.db.execute(
        "SELECT at, actor, action, detail FROM trail WHERE at >= ? ORDER BY at, id",
        [utc_text(since) if since else ""],
    ).fetchall()
    return [TrailRow(parse_utc(at), actor, action, _detail(detail)) for at, actor, action, detail in rows]


def raw_trail(path: Path) -> list[tuple[str, str, str, str]]:
    """Every trail row of the database file at `path` as stored (empty when there is none), read-only."""
    if not path.is_file():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [tuple(row) for row in conn.execute("SELECT at, actor, action, detail FROM trail ORDER BY at, id")]
    except sqlite3.DatabaseError:
        return []
    finally:
        conn.close()


def highest_audit_id(path: Path) -> int:
    """The highest audit id the database at `path` ever handed out (0 when there is none), read-only."""
    if not path.is_file():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        highest = conn.execute("SELECT COALESCE(MAX(id), 0) FROM audits").fetchone()[0]
        try:
            row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audits'").fetchone()
        except sqlite3.OperationalError:  # from before audit ids were AUTOINCREMENT
            row = None
        return max(int(highest), int(row[0]) if row else 0)
    except sqlite3.DatabaseError:
        return 0
    finally:
        conn.close()


def keep_audit_ids_above(storage: Storage, highest: int) -> None:
    """After a restore, new audits get ids above any the replaced database used, so no id means two audits."""
    with storage.write() as db:
        db.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'audits'", [highest])
        db.execute("INSERT INTO sqlite_sequence (name, seq) SELECT 'audits', ? WHERE NOT EXISTS "
                   "(SELECT 1 FROM sqlite_sequence WHERE name = 'audits')", [highest])


def carry_over_trail(storage: Storage, earlier: list[tuple[str, str, str, str]]) -> int:
    """Put back into a restored database the trail rows of the one it replaced that the backup lacks.

    The trail accounts for what people did; a restore replaces the data, not that account. Among them is the
    entry of the backup being restored, written after its copy was taken. Returns how many were added.
    """
    with storage.write() as db:
        present = Counter(tuple(row) for row in db.execute("SELECT at, actor, action, detail FROM trail"))
        missing = []
        for row in earlier:
            if present[row]:
                present[row] -= 1
            else:
                missing.append(row)
        db.conn.executemany("INSERT INTO trail (at, actor, action, detail) VALUES (?, ?, ?, ?)", missing)
    return len(missing)


def backup_entry(rows: list[tuple[str, str, str, str]], source: Path) -> dict[str, str] | None:
    """The latest `backup` trail entry that wrote `source`, as {at, actor}, or None if none did."""
    found = None
    for at, actor, action, detail in rows:
        if action == "backup" and _detail(detail).get("file") == str(source):
            found = {"at": at, "actor": actor}
    return found


def _detail(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}
