"""Withdrawing stored wordings a newer identifier screen refuses (bot/asking/rescreen.py), and remembering which
screen last swept them (the `rescreens` table: one row, a digest of the screen, never its lists or any name).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.storage.common import select, utc_text
from bot.storage.db import Storage
from bot.storage.redaction import replace_asks, scrub
from bot.storage.trail import record_trail

SCREEN_WHY = "screen"  # kb_learned.rejected_why of a wording the screen withdrew (never restored by a QA lead's undo)


@dataclass(frozen=True)
class Stored:
    """Every stored wording a sweep screens: the questions asked (kb_asks) and the active learned wordings."""

    asks: list[tuple[int, str]]
    learned: list[tuple[int, str]]
    reasons: list[tuple[int, str]] = field(default_factory=list)  # kb_feedback id, what was said to be missing


def stored_wordings(storage: Storage) -> Stored:
    """The id and text of every stored question, every active learned wording and every reason given with a Not
    helpful vote."""
    return Stored(asks=[(row["id"], row["query"]) for row in select(storage.db, "SELECT id, query FROM kb_asks")],
                  learned=[(row["id"], row["wording"]) for row in
                           select(storage.db, "SELECT id, wording FROM kb_learned WHERE status = 'active'")],
                  reasons=[(row["id"], row["reason"]) for row in
                           select(storage.db, "SELECT id, reason FROM kb_feedback WHERE reason IS NOT NULL")])


def audit_ids(storage: Storage) -> list[int]:
    """Every audit's number, oldest first: the audits whose stored texts a sweep reads (bot.audits.text_rescreen)."""
    return [row["id"] for row in select(storage.db, "SELECT id FROM audits ORDER BY id")]


def record_audit_sweep(storage: Storage, actor: str, audits: int, texts: int, now: datetime) -> None:
    """Put in the trail how many audits, and texts in them, today's screen refuses: counts only, never a text."""
    record_trail(storage, actor, "privacy.rescreen_audits", {"audits": audits, "texts": texts}, now)


def last_fingerprint(storage: Storage) -> str | None:
    """The digest of the screen the last sweep ran with; None before the first."""
    rows = select(storage.db, "SELECT fingerprint FROM rescreens WHERE id = 1")
    return rows[0]["fingerprint"] if rows else None


def withdraw(storage: Storage, ask_ids: Collection[int], learned_ids: Collection[int], marker: str, actor: str,
             now: datetime, fingerprint: str | None, trail: bool,
             reason_ids: Collection[int] = ()) -> tuple[int, int, int]:
    """In one transaction: replace the text of these questions with `marker` (bot.storage.redaction, which also
    withdraws the wordings learned from them and closes them), withdraw these active learned wordings (their text
    made `marker` too, `rejected_why` 'screen'), replace these reasons given with Not helpful votes, remember
    `fingerprint` (when given) as the screen swept with, and, with `trail` or when anything changed, put the counts
    in the trail (never a text). Then leave no copy of the texts in the database files. Returns (questions replaced,
    learned wordings withdrawn, reasons replaced)."""
    stamp = utc_text(now)
    learned = sorted(set(learned_ids))
    asks = sorted(set(ask_ids))
    with storage.write() as db:
        texts = [row[0] for row in db.execute(
            f"SELECT wording FROM kb_learned WHERE status = 'active' AND id IN ({', '.join('?' * len(learned))})",
            learned)] if learned else []
        wordings = db.execute(
            f"UPDATE kb_learned SET wording = ?, status = 'rejected', rejected_by = ?, rejected_at = ?, "
            f"rejected_why = ? WHERE status = 'active' AND id IN ({', '.join('?' * len(learned))})",
            [marker, actor, stamp, SCREEN_WHY, *learned]).rowcount if learned else 0
        if asks:
            wordings += db.execute(f"SELECT COUNT(*) FROM kb_learned WHERE status = 'active' AND ask_id IN "
                                   f"({', '.join('?' * len(asks))})", asks).fetchone()[0]
        questions, ask_texts = replace_asks(db, asks, marker, actor, now, SCREEN_WHY)
        notes, reason_texts = _replace_reasons(db, sorted(set(reason_ids)), marker)
        if fingerprint is not None:
            db.execute("INSERT INTO rescreens (id, fingerprint, swept_at) VALUES (1, ?, ?) ON CONFLICT (id) DO "
                       "UPDATE SET fingerprint = excluded.fingerprint, swept_at = excluded.swept_at",
                       [fingerprint, stamp])
        if trail or questions or wordings or notes:
            counts = {"questions": questions, "wordings": wordings} | ({"notes": notes} if notes else {})
            record_trail(storage, actor, "privacy.rescreen", counts, now)
    if questions or wordings or notes:
        scrub(storage, [*texts, *ask_texts, *reason_texts])
    return questions, wordings, notes


def _replace_reasons(db: Any, ids: list[int], marker: str) -> tuple[int, list[str]]:
    """Inside the caller's transaction: these Not-helpful reasons made `marker`; how many, and their texts."""
    if not ids:
        return 0, []
    marks = ", ".join("?" * len(ids))
    texts = [row[0] for row in db.execute(f"SELECT reason FROM kb_feedback WHERE id IN ({marks}) AND reason IS NOT "
                                          f"NULL AND reason != ?", [*ids, marker])]
    if texts:
        db.execute(f"UPDATE kb_feedback SET reason = ? WHERE id IN ({marks}) AND reason IS NOT NULL", [marker, *ids])
    return len(texts), texts
