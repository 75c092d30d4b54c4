"""Learned wordings (kb_learned): how people worded a question before picking the entry that answered it.

Each wording was screened for identifiers before it reached here. Active ones are searched as the entry's
alternatives; a Not-helpful press on the answer, or a QA lead's Reject, makes one `rejected` (kept, with who
and why, so a rejected wording is not learned again from the next pick).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlite_utils import Database

from bot.storage.common import parse_utc, select, utc_text
from bot.storage.db import BUSY_TIMEOUT_MS, Storage
from bot.storage.errors import Unreadable
from bot.storage.maintenance import database_problem

Source = Literal["picked", "linked"]
SOURCES: tuple[str, ...] = ("picked", "linked")


@dataclass(frozen=True)
class Learned:
    """One learned wording of an entry."""

    id: int
    entry_id: str
    wording: str
    user_id: str
    learned_at: datetime
    source: str
    status: str
    ask_id: int | None
    rejected_why: str | None = None  # 'qa_lead' (a Reject, which can be undone), 'not_helpful' or 'screen'
    trusted_by: str | None = None  # a pick's second, different picker, or the QA lead who linked the words too
    trusted_how: str | None = None  # 'picked' (a second person's pick) or 'linked' (a QA lead's link)

    @property
    def trusted(self) -> bool:
        """Whether the wording answers everyone asking in it: a QA lead's link, or a pick a second, different person
        (or a QA lead's link) confirmed. One person's pick may be a wrong one (trial 41): it is theirs alone."""
        return self.source == "linked" or self.trusted_by is not None


def _learned(row: dict) -> Learned:
    return Learned(id=row["id"], entry_id=row["entry_id"], wording=row["wording"], user_id=row["user_id"],
                   learned_at=parse_utc(row["learned_at"]), source=row["source"], status=row["status"],
                   ask_id=row["ask_id"], rejected_why=row["rejected_why"],
                   trusted_by=row.get("trusted_by"), trusted_how=row.get("trusted_how"))


def learn(storage: Storage, entry_id: str, wording: str, user_id: str, source: Source, at: datetime,
          ask_id: int | None = None) -> Learned | None:
    """Store a wording as active; None when it is already active for that entry, or a QA lead rejected it
    for that entry and this is only a pick (a QA lead linking it again brings it back). A pick already active for
    that entry is trusted instead (returned) when a different person picks it again or a QA lead links it."""
    with storage.write() as db:
        trusted = db.execute(
            "UPDATE kb_learned SET trusted_by = ?, trusted_at = ?, trusted_how = ? WHERE entry_id = ? AND wording = ? "
            "AND status = 'active' AND source = 'picked' AND (trusted_by IS NULL OR (? = 'linked' AND trusted_how = "
            "'picked')) AND (user_id != ? OR ? = 'linked')",
            [user_id, utc_text(at), source, entry_id, wording, source, user_id, source]).rowcount == 1
        if trusted:
            rows = select(db, "SELECT * FROM kb_learned WHERE entry_id = ? AND wording = ? AND status = 'active'",
                          [entry_id, wording])
            return _learned(rows[0])
        blocked = db.execute(
            "SELECT 1 FROM kb_learned WHERE entry_id = ? AND wording = ? AND (status = 'active' "
            "OR (status = 'rejected' AND rejected_why = 'qa_lead' AND ? = 'picked'))",
            [entry_id, wording, source]).fetchone()
        if blocked:
            return None
        cursor = db.execute(
            "INSERT INTO kb_learned (entry_id, wording, user_id, learned_at, source, ask_id) VALUES (?, ?, ?, ?, ?, ?)",
            [entry_id, wording, user_id, utc_text(at), source, ask_id])
        number = int(cursor.lastrowid or 0)  # set after an INSERT (the storage modules' convention)
    return get(storage, number)


def get(storage: Storage, learned_id: int) -> Learned | None:
    rows = select(storage.db, "SELECT * FROM kb_learned WHERE id = ?", [learned_id])
    return _learned(rows[0]) if rows else None


def was_accepted(storage: Storage, learned_id: int) -> bool:
    """Whether a QA lead accepted this wording: it left this table for the knowledge-base YAML (`take_active`), and
    only the trail's `kb.learned.accept` still names its number."""
    return bool(select(storage.db, "SELECT 1 FROM trail WHERE action = 'kb.learned.accept' "
                                   "AND json_extract(detail, '$.learned') = ? LIMIT 1", [learned_id]))


def dealt_with(storage: Storage) -> dict[str, int]:
    """How many learned wordings are no longer waiting, by what became of them: `accepted` (into the files; only
    the trail still names them), `rejected` by a QA lead, `withdrawn` when their answer was marked Not helpful,
    `screened` out when a newer identifier screen refused them (bot/asking/rescreen.py)."""
    accepted = storage.db.execute("SELECT COUNT(DISTINCT json_extract(detail, '$.learned')) FROM trail "
                                  "WHERE action = 'kb.learned.accept'").fetchone()[0]
    counts = {"accepted": int(accepted or 0), "rejected": 0, "withdrawn": 0, "screened": 0}
    named = {"qa_lead": "rejected", "screen": "screened"}
    for row in select(storage.db, "SELECT rejected_why, COUNT(*) AS n FROM kb_learned WHERE status = 'rejected' "
                                  "GROUP BY rejected_why"):
        counts[named.get(row["rejected_why"], "withdrawn")] += int(row["n"])
    return counts


ACTIVE = "SELECT * FROM kb_learned WHERE status = 'active' ORDER BY learned_at DESC, id DESC"


def active(storage: Storage) -> list[Learned]:
    """Every active learned wording, newest first: what the search adds to the entries' alternatives."""
    return [_learned(row) for row in select(storage.db, ACTIVE)]


def active_wording(storage: Storage, wording: str) -> list[Learned]:
    """The active learned wordings stored in exactly these words (normalised as they are kept), for any entry."""
    return [_learned(row) for row in select(storage.db, "SELECT * FROM kb_learned WHERE status = 'active' "
                                                        "AND wording = ? ORDER BY id", [wording])]


def active_read_only(path: Path) -> list[Learned]:
    """`active` of the database file at `path`, opened read-only: never created, written or migrated, so a tool
    (`audit-bot ask`) can search what the running bot searches beside it. Raises Unreadable, with what was found,
    when the file is absent or unreadable or lacks a migration this version has."""
    problem = database_problem(path)
    if problem is not None:
        raise Unreadable(problem)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = select(Database(conn, execute_plugins=False, recursive_triggers=False), ACTIVE)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise Unreadable(f"the database {path} cannot be read ({exc})") from None
    return [_learned(row) for row in rows]


def reject(storage: Storage, learned_id: int, user_id: str, at: datetime, why: str) -> Learned | None:
    """Compare-and-set: stop an active wording being searched; None when it was not active (already gone)."""
    with storage.write() as db:
        cursor = db.execute(
            "UPDATE kb_learned SET status = 'rejected', rejected_by = ?, rejected_at = ?, rejected_why = ? "
            "WHERE id = ? AND status = 'active'", [user_id, utc_text(at), why, learned_id])
        changed = cursor.rowcount == 1
    return get(storage, learned_id) if changed else None


def restorable(storage: Storage, learned_id: int) -> bool:
    """Whether `restore` would bring this wording back: a QA lead rejected it (a Reject, which can be undone). Read
    where `restore N` could also mean a cancelled audit #N (fix70b A), so the two are asked about, never guessed."""
    return bool(select(storage.db, "SELECT 1 FROM kb_learned WHERE id = ? AND status = 'rejected' "
                                   "AND rejected_why = 'qa_lead'", [learned_id]))


def restore(storage: Storage, learned_id: int) -> Learned | None:
    """Compare-and-set: a wording a QA lead rejected is searched again (their undo); None when it was not
    rejected by a QA lead, or the same wording is active for that entry again meanwhile."""
    with storage.write() as db:
        cursor = db.execute(
            "UPDATE kb_learned SET status = 'active', rejected_by = NULL, rejected_at = NULL, rejected_why = NULL "
            "WHERE id = ? AND status = 'rejected' AND rejected_why = 'qa_lead' AND NOT EXISTS (SELECT 1 FROM "
            "kb_learned AS other WHERE other.entry_id = kb_learned.entry_id AND other.wording = kb_learned.wording "
            "AND other.status = 'active')", [learned_id])
        changed = cursor.rowcount == 1
    return get(storage, learned_id) if changed else None


def active_for_ask(storage: Storage, ask_id: int) -> list[Learned]:
    """The active wordings learned from one question (a pick from its "Did you mean…")."""
    rows = select(storage.db, "SELECT * FROM kb_learned WHERE ask_id = ? AND status = 'active'", [ask_id])
    return [_learned(row) for row in rows]


def take_active(storage: Storage, learned_id: int) -> Learned | None:
    """Compare-and-set: remove an active wording once it is written into the knowledge-base YAML (where it is
    searched from then on); None when it was not active. Who learned it and when stays in the trail."""
    with storage.write() as db:
        rows = select(db, "SELECT * FROM kb_learned WHERE id = ? AND status = 'active'", [learned_id])
        if not rows:
            return None
        db.execute("DELETE FROM kb_learned WHERE id = ? AND status = 'active'", [learned_id])
    return _learned(rows[0])
