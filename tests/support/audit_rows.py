"""Put audits straight into the database for tests of storage-level jobs (retention, backup, restore).

The audit flow lives in its own feature; these tests need rows of known age and shape, not a
conversation, so they write them in one transaction through `Storage.write()`.
"""

from __future__ import annotations

import json
from datetime import datetime

from bot.storage import Storage
from bot.storage.common import utc_text

CHECKLIST_HASH = "test-checklist-v1"


def insert_audit(
    storage: Storage,
    case_ref: str,
    last_activity: datetime,
    status: str = "submitted",
    answers: int = 3,
    auditor: str = "U0MGRN001",
    worker: str = "U0PRAN001",
    team: str = "north-assessment",
) -> int:
    """One audit (and its answers) last touched at `last_activity`; returns its id."""
    at = utc_text(last_activity)
    with storage.write() as db:
        db.execute(
            "INSERT OR IGNORE INTO checklist_versions (hash, checklist_id, title, content, first_seen) "
            "VALUES (?, 'case-file', 'Case file audit', ?, ?)",
            [CHECKLIST_HASH, json.dumps({"id": "case-file", "title": "Case file audit", "sections": []}), at],
        )
        cursor = db.execute(
            "INSERT INTO audits (checklist_id, checklist_hash, case_ref, auditor_id, worker_id, team_id, status, "
            "step, started_at, updated_at, submitted_at) VALUES ('case-file', ?, ?, ?, ?, ?, ?, "
            "'done', ?, ?, ?)",
            [CHECKLIST_HASH, case_ref, auditor, worker, team, status, at, at, at if status != "draft" else None],
        )
        audit_id = int(cursor.lastrowid)
        for n in range(answers):
            db.execute(
                "INSERT INTO answers (audit_id, question_id, value, answered_by, answered_at) "
                "VALUES (?, ?, 'yes', ?, ?)",
                [audit_id, f"q{n}", auditor, at],
            )
    return audit_id


def add_action(storage: Storage, audit_id: int, created: datetime, done: datetime | None = None) -> None:
    with storage.write() as db:
        db.execute(
            "INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at, done_at) "
            "VALUES (?, 'Update the chronology', 'U0PRAN001', '2020-01-31', 'U0MGRN001', ?, ?)",
            [audit_id, utc_text(created), utc_text(done) if done else None],
        )


def case_refs(storage: Storage) -> list[str]:
    return [row[0] for row in storage.db.execute("SELECT case_ref FROM audits ORDER BY case_ref").fetchall()]


def insert_answered_audit(storage: Storage, checklist: dict, case_ref: str, submitted: datetime,
                          values: dict[str, str], grade: str | None = None, status: str = "submitted",
                          auditor: str = "U0MGRN001", worker: str = "U0PRAN001",
                          team: str = "north-assessment") -> int:
    """An audit of `checklist` (its stored snapshot content) with these answers and overall grade, submitted at
    `submitted` (a draft when `status` is draft); returns its id. For comparing audits answer by answer."""
    from knowledge.checklist_schema import Checklist

    version = Checklist.from_content(checklist).content_hash
    at = utc_text(submitted)
    with storage.write() as db:
        db.execute("INSERT OR IGNORE INTO checklist_versions (hash, checklist_id, title, content, first_seen) "
                   "VALUES (?, ?, ?, ?, ?)", [version, checklist["id"], checklist["title"], json.dumps(checklist), at])
        cursor = db.execute(
            "INSERT INTO audits (checklist_id, checklist_hash, case_ref, auditor_id, worker_id, team_id, status, "
            "step, overall_grade, started_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'done', ?, ?, "
            "?, ?)",
            [checklist["id"], version, case_ref, auditor, worker, team, status, grade, at, at,
             at if status != "draft" else None],
        )
        audit_id = int(cursor.lastrowid)
        for question_id, value in values.items():
            db.execute("INSERT INTO answers (audit_id, question_id, value, answered_by, answered_at) "
                       "VALUES (?, ?, ?, ?, ?)", [audit_id, question_id, value, auditor, at])
    return audit_id
