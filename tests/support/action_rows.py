"""Open actions put straight into the database (on a submitted audit), for tests of what is said about them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.storage import Storage
from bot.storage.common import utc_text
from tests.support.audit_rows import insert_audit


def open_action(storage: Storage, due: date, owner: str = "U0PRAN001", auditor: str = "U0MGRN001",
                team: str = "north-assessment", at: datetime | None = None, text: str = "Update the chronology",
                case_ref: str = "CR-100200") -> tuple[int, int]:
    """An open action owned by `owner`, due `due`, on a new submitted audit by `auditor`; (audit id, action id)."""
    when = at or datetime(2026, 11, 2, 10, tzinfo=UTC)
    audit_id = insert_audit(storage, case_ref, when, auditor=auditor, worker=owner, team=team)
    with storage.write() as db:
        cursor = db.execute(
            "INSERT INTO actions (audit_id, description, owner_id, due_date, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)", [audit_id, text, owner, due.isoformat(), auditor, utc_text(when)])
    return audit_id, int(cursor.lastrowid)
