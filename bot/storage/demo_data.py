"""Writes for `audit-bot demo-data` (and test fixtures): invented audits in the real schema, in bulk."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from bot.storage.common import utc_text
from bot.storage.db import Storage

AUDIT_COLUMNS = ("id", "checklist_id", "checklist_hash", "case_ref", "auditor_id", "worker_id", "team_id", "status",
                 "step", "overall_grade", "started_at", "updated_at", "submitted_at", "moderated_at", "grade_reason",
                 "strengths", "development")
ANSWER_COLUMNS = ("audit_id", "question_id", "value", "flagged", "answered_by", "answered_at", "evidence")


def _padded(rows: Iterable[Sequence[Any]], width: int) -> list[tuple[Any, ...]]:
    """Rows with their trailing optional columns (an audit's grade reason and notes, an answer's evidence note) left out
    filled with NULL, so fixtures that need none of them need not write them."""
    return [tuple(row) + (None,) * (width - len(row)) for row in rows]


def snapshot_checklist(storage: Storage, content: dict[str, Any], now: datetime) -> str:
    """Store a checklist as used (JSON, keyed by its content hash) and return the hash."""
    text = json.dumps(content, sort_keys=True)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    storage.db.execute(
        "INSERT OR IGNORE INTO checklist_versions (hash, checklist_id, title, content, first_seen) "
        "VALUES (?, ?, ?, ?, ?)",
        [digest, content["id"], content["title"], text, utc_text(now)],
    )
    return digest


def next_audit_id(storage: Storage) -> int:
    """The id the next audit gets: above every id ever used (AUTOINCREMENT's sequence), never a deleted one's."""
    return int(storage.db.execute(
        "SELECT MAX(COALESCE((SELECT MAX(id) FROM audits), 0), "
        "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audits'), 0)) + 1").fetchone()[0])


def next_action_id(storage: Storage) -> int:
    return int(storage.db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM actions").fetchone()[0])


def insert_audits(storage: Storage, audits: Iterable[Sequence[Any]], answers: Iterable[Sequence[Any]],
                  actions: Iterable[Sequence[Any]], moderations: Iterable[Sequence[Any]], demo: bool = False) -> None:
    """Insert rows in one transaction: audits (AUDIT_COLUMNS order), answers (ANSWER_COLUMNS order), actions and
    moderations; the trailing optional columns of an audit or an answer row may be left out.

    `demo` marks the audits as invented (demo-data), so they can be told apart and removed later.
    """
    with storage.write() as db:
        conn = db.conn
        conn.executemany(
            f"INSERT INTO audits ({', '.join(AUDIT_COLUMNS)}, demo) VALUES ({', '.join('?' * len(AUDIT_COLUMNS))}, "
            f"{int(demo)})",
            _padded(audits, len(AUDIT_COLUMNS)),
        )
        conn.executemany(
            f"INSERT INTO answers ({', '.join(ANSWER_COLUMNS)}) VALUES ({', '.join('?' * len(ANSWER_COLUMNS))})",
            _padded(answers, len(ANSWER_COLUMNS)),
        )
        conn.executemany(
            "INSERT INTO actions (id, audit_id, description, owner_id, due_date, created_by, created_at, done_at, "
            "done_by, escalated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            list(actions),
        )
        conn.executemany(
            "INSERT INTO moderations (audit_id, moderator_id, opened_at, decided_at, agrees, grade, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            list(moderations),
        )


def accept_demo_moderations(storage: Storage, decided_before: datetime) -> int:
    """Mark the invented audits' moderations decided before `decided_before` accepted by their auditors, as most are
    in a running service: left open, every demo moderation waited for a response, so a manager's Home listed a dozen
    (trial 28). Those decided since stay open, so Accept and Respond can still be tried. Returns how many."""
    with storage.write() as db:
        cursor = db.execute(
            "UPDATE moderations SET response = 'accepted', responded_at = decided_at "
            "WHERE response IS NULL AND decided_at IS NOT NULL AND decided_at < ? "
            "AND audit_id IN (SELECT id FROM audits WHERE demo != 0)", [utc_text(decided_before)])
        return int(cursor.rowcount)


def count_real_and_demo(storage: Storage) -> tuple[int, int]:
    """(real audits, invented demo audits) in the database, so demo-data can refuse to mix them silently."""
    real, demo = storage.db.execute("SELECT COALESCE(SUM(demo = 0), 0), COALESCE(SUM(demo != 0), 0) "
                                    "FROM audits").fetchone()
    return int(real), int(demo)


def remove_demo_audits(storage: Storage) -> dict[str, int]:
    """Delete every invented audit; their answers, actions, moderations and the rest go with them (cascade). A
    monthly moderation sample left with none of its audits goes too, so that month can be drawn again from real
    audits (fix79a: the month stayed recorded as drawn, empty, for good)."""
    with storage.write() as db:
        months = [row[0] for row in db.execute(
            "SELECT DISTINCT month FROM monthly_sample_audits WHERE audit_id IN "
            "(SELECT id FROM audits WHERE demo != 0)").fetchall()]
        counts = {
            "audits": db.execute("SELECT COUNT(*) FROM audits WHERE demo != 0").fetchone()[0],
            "actions": db.execute("SELECT COUNT(*) FROM actions WHERE audit_id IN "
                                  "(SELECT id FROM audits WHERE demo != 0)").fetchone()[0],
            "moderations": db.execute("SELECT COUNT(*) FROM moderations WHERE audit_id IN "
                                      "(SELECT id FROM audits WHERE demo != 0)").fetchone()[0],
        }
        db.execute("DELETE FROM audits WHERE demo != 0")
        db.conn.executemany("DELETE FROM monthly_samples WHERE month = ? AND NOT EXISTS "
                            "(SELECT 1 FROM monthly_sample_audits s WHERE s.month = monthly_samples.month)",
                            [(month,) for month in months])
    return {key: int(value) for key, value in counts.items()}
