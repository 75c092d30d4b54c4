"""Removing a stored free text for good (an identifier that slipped past the screen): every SQL statement it needs.

A text written into an audit can be copied: a note changed after submitting is kept as a revision, an action's
description is kept inside the revisions that record it being added or removed, and a draft may hold it in its
state. Redaction replaces every copy held for that audit, in one transaction, with a marker saying who removed it
and when; nothing else about the rows changes (who wrote them, when, which field). Then `scrub` makes sure the old
bytes are in neither file: `PRAGMA secure_delete` (bot.storage.db) has zeroed the replaced text, the write-ahead log
is emptied into the database file (its old frames still hold the text), and the file's unused space is searched for
the text's start and end (bot.storage.unused_space): SQLite can leave an old copy of a row, or part of one, where it
rebalanced a page (about one text in 1,500 overwritten or deleted, in bench/redaction_bench.py), and a database
written before secure_delete was on keeps deleted rows in free pages. Only then is the whole file rewritten
(VACUUM): that takes seconds on a five-year database and holds every other write back meanwhile; the search takes
a few tenths of a second.

Questions asked of the knowledge base (kb_asks) are redacted the same way, with the wordings learned from them, and
so are DMs held for their reader's working hours and not yet sent (held_dms) that quote the text (fix65b).
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.storage.common import select, utc_text
from bot.storage.db import Storage
from bot.storage.trail import record_trail
from bot.storage.unused_space import holds_any, unused_bytes

log = logging.getLogger("audit_bot.storage")

SUMMARY_FIELDS = ("grade_reason", "strengths", "development")  # the audit's own free-text columns
# A leftover of a text (bot.storage.unused_space) is often cut short: the unused space is searched for the first and
# the last this many bytes of it (the whole text if shorter). Shorter and the opening words of other notes, whose old
# copies are there too, would have every removal rewrite the file; a leftover shorter than this, or that kept neither
# end of the text, is not looked for (1 of 12 leftovers in bench/redaction_bench.py's count).
SEARCHED_BYTES = 16
LOG_PATIENCE = 5.0  # seconds a removal tries to empty the write-ahead log while other connections use it
ENCODINGS = {"UTF-8": "utf-8", "UTF-16le": "utf-16-le", "UTF-16be": "utf-16-be"}
# Revisions whose whole old or new value is a free text (`answer:<question>` only for text questions).
_FREE_REVISION = "(field IN ('grade_reason', 'strengths', 'development') OR field LIKE 'evidence:%'{answers})"
# Revisions that hold an action's description inside a longer line ("<description> (<owner>, by <due>)").
_ACTION_REVISION = "(field = 'action' OR field LIKE 'action:%')"


@dataclass(frozen=True)
class StoredText:
    """One free text stored for an audit: where (`place`), what it says, who wrote it and when.

    `place` is `evidence:<question>`, `answer:<question>`, a summary field, `action:<id>`, `moderation:<id>`,
    `response:<id>`, `reflection:<id>` or `revision:<id>`; a revision also has its `field` and its `ordinal`
    (1 for the audit's first revision), which is how people name it (`r3`)."""

    place: str
    text: str
    by: str | None
    at: str | None
    field: str = ""
    ordinal: int = 0


def audit_texts(storage: Storage, audit_id: int) -> list[StoredText]:
    """Every free text stored for the audit, current ones first (answers, summary, actions, moderation,
    reflections), then every revision's earlier value, in the order they were kept."""
    db = storage.db
    found: list[StoredText] = []
    for row in select(db, "SELECT question_id, value, evidence, answered_by, answered_at FROM answers "
                          "WHERE audit_id = ?", [audit_id]):
        found.append(StoredText(f"answer:{row['question_id']}", row["value"], row["answered_by"], row["answered_at"]))
        if row["evidence"]:
            found.append(StoredText(f"evidence:{row['question_id']}", row["evidence"], row["answered_by"],
                                    row["answered_at"]))
    for row in select(db, f"SELECT auditor_id, updated_at, {', '.join(SUMMARY_FIELDS)} FROM audits WHERE id = ?",
                      [audit_id]):
        found += [StoredText(name, row[name], row["auditor_id"], row["updated_at"]) for name in SUMMARY_FIELDS
                  if row[name]]
    for row in select(db, "SELECT id, description, created_by, created_at, done_note, done_by, done_at FROM actions "
                          "WHERE audit_id = ? AND removed_at IS NULL ORDER BY id", [audit_id]):  # removed: no words
        found.append(StoredText(f"action:{row['id']}", row["description"], row["created_by"], row["created_at"]))
        if row["done_note"]:  # what was said was done (`done 19 - …`), shown to the auditor
            found.append(StoredText(f"done:{row['id']}", row["done_note"], row["done_by"], row["done_at"]))
    for row in select(db, "SELECT id, moderator_id, decided_at, reason, response_text, responded_at FROM moderations "
                          "WHERE audit_id = ? ORDER BY id", [audit_id]):
        if row["reason"]:
            found.append(StoredText(f"moderation:{row['id']}", row["reason"], row["moderator_id"], row["decided_at"]))
        if row["response_text"]:
            found.append(StoredText(f"response:{row['id']}", row["response_text"], None, row["responded_at"]))
    for row in select(db, "SELECT id, worker_id, text, created_at FROM reflections WHERE audit_id = ? ORDER BY id",
                      [audit_id]):
        found.append(StoredText(f"reflection:{row['id']}", row["text"], row["worker_id"], row["created_at"]))
    revisions = select(db, "SELECT id, changed_by, changed_at, field, old_value FROM revisions WHERE audit_id = ? "
                           "ORDER BY id", [audit_id])
    for ordinal, row in enumerate(revisions, start=1):
        if row["old_value"]:
            found.append(StoredText(f"revision:{row['id']}", row["old_value"], row["changed_by"], row["changed_at"],
                                    field=row["field"], ordinal=ordinal))
    return found


def redact_audit_text(storage: Storage, audit_id: int, text: str, marker: str, text_questions: Collection[str],
                      actor: str, now: datetime, detail: dict[str, Any]) -> int:
    """Replace every copy of `text` stored for the audit with `marker`, in one transaction, and put the removal in
    the trail (`detail` says which field; never the text). Returns how many stored copies were replaced: 0 when the
    text is no longer there (removed or changed meanwhile), and then nothing is written. `text_questions` are the
    audit's free-text questions, whose answers are free text too (a yes/no answer never is)."""
    with storage.write() as db:
        copies = _replace_everywhere(db, audit_id, text, marker, sorted(text_questions))
        if copies:
            record_trail(storage, actor, "audit.redact", {"audit": audit_id, **detail, "copies": copies}, now)
    if copies:
        scrub(storage, [text])
    return copies


def _replace_everywhere(db: Any, audit_id: int, text: str, marker: str, text_questions: Sequence[str]) -> int:
    params = {"audit": audit_id, "text": text, "marker": marker}
    marks = ", ".join(f":q{i}" for i in range(len(text_questions)))
    params.update({f"q{i}": question for i, question in enumerate(text_questions)})
    answers = f" OR (field LIKE 'answer:%' AND substr(field, 8) IN ({marks}))" if text_questions else ""
    whole = [("answers", "evidence", "audit_id = :audit"), ("actions", "description", "audit_id = :audit"),
             ("actions", "done_note", "audit_id = :audit"),
             ("moderations", "reason", "audit_id = :audit"), ("moderations", "response_text", "audit_id = :audit"),
             ("reflections", "text", "audit_id = :audit"),
             *(("audits", name, "id = :audit") for name in SUMMARY_FIELDS),
             *(("revisions", column, f"audit_id = :audit AND {_FREE_REVISION.format(answers=answers)}")
               for column in ("old_value", "new_value"))]
    if text_questions:
        whole.append(("answers", "value", f"audit_id = :audit AND question_id IN ({marks})"))
    copies = sum(db.execute(f"UPDATE {table} SET {column} = :marker WHERE {where} AND {column} = :text",
                            params).rowcount for table, column, where in whole)
    copies += sum(db.execute(f"UPDATE revisions SET {column} = replace({column}, :text, :marker) WHERE audit_id = "
                             f":audit AND {_ACTION_REVISION} AND instr({column}, :text) > 0", params).rowcount
                  for column in ("old_value", "new_value"))
    return copies + _replace_in_state(db, audit_id, text, marker)


def _replace_in_state(db: Any, audit_id: int, text: str, marker: str) -> int:
    """A draft's state may hold a text being typed (an action's description before its owner is chosen)."""
    rows = db.execute("SELECT state FROM audits WHERE id = ?", [audit_id]).fetchall()
    if not rows or text not in (rows[0][0] or ""):
        return 0
    state, replaced = _swap(json.loads(rows[0][0] or "{}"), text, marker)
    if replaced:
        db.execute("UPDATE audits SET state = ? WHERE id = ?", [json.dumps(state, sort_keys=True), audit_id])
    return replaced


def _swap(value: Any, text: str, marker: str) -> tuple[Any, int]:
    """`value` (decoded JSON) with every string equal to `text` made `marker`, and how many were."""
    if value == text:
        return marker, 1
    if isinstance(value, dict):
        pairs = {key: _swap(item, text, marker) for key, item in value.items()}
        return {key: pair[0] for key, pair in pairs.items()}, sum(pair[1] for pair in pairs.values())
    if isinstance(value, list):
        items = [_swap(item, text, marker) for item in value]
        return [item[0] for item in items], sum(item[1] for item in items)
    return value, 0


def redact_asks(storage: Storage, ask_ids: Collection[int], marker: str, actor: str, now: datetime,
                detail: dict[str, Any]) -> int:
    """Replace the text of these knowledge-base questions with `marker`, and of the wordings learned from them
    (which stop being searched), close any still open as dismissed, and trail it without the text. Returns how
    many questions still held their own text (0: already removed, nothing written)."""
    with storage.write() as db:
        removed, texts = replace_asks(db, ask_ids, marker, actor, now, "qa_lead")
        if removed:
            record_trail(storage, actor, "kb.unanswered.removed", {**detail, "questions": removed}, now)
    if removed:
        scrub(storage, texts)
    return removed


def asks_holding(storage: Storage, texts: Collection[str], leave_out: str) -> list[int]:
    """The stored questions asked of the knowledge base whose wording holds one of `texts` (any case and spacing),
    or is a sentence of four or more words from one, oldest first; those starting with `leave_out` (a removed
    text's marker) are left out. A note typed where no audit waited was asked as a question (trial 57, F1)."""
    wanted = [_plain(text) for text in texts if text and text.strip()]
    if not wanted:
        return []
    rows = storage.db.execute("SELECT id, query FROM kb_asks WHERE substr(query, 1, ?) != ? ORDER BY id",
                              [len(leave_out), leave_out]).fetchall()
    return [row[0] for row in rows if (query := _plain(row[1] or "")) and any(
        text in query or (len(query.split()) >= 4 and query in text) for text in wanted)]


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def replace_asks(db: Any, ask_ids: Collection[int], marker: str, actor: str, now: datetime,
                 why: str) -> tuple[int, list[str]]:
    """`redact_asks`' writes, inside the caller's transaction `db`: the questions' texts, what their Not-helpful voters
    said was missing, and the texts of the wordings learned from them made `marker` (the wordings rejected, `why` unless
    they already were), the questions closed as dismissed. Returns how many questions still held their own text, and the
    texts replaced (to scrub)."""
    ids = sorted(set(ask_ids))
    if not ids:
        return 0, []
    marks = ", ".join("?" * len(ids))
    stamp = utc_text(now)
    texts = [row[0] for row in db.execute(
        f"SELECT query FROM kb_asks WHERE id IN ({marks}) AND query != ? UNION "
        f"SELECT wording FROM kb_learned WHERE ask_id IN ({marks}) AND wording != ? UNION "
        f"SELECT reason FROM kb_feedback WHERE ask_id IN ({marks}) AND reason IS NOT NULL AND reason != ?",
        [*ids, marker, *ids, marker, *ids, marker])]
    removed = db.execute(f"UPDATE kb_asks SET query = ? WHERE id IN ({marks}) AND query != ?",
                         [marker, *ids, marker]).rowcount
    if removed:  # what the askers said was missing goes with the question it was about
        db.execute(f"UPDATE kb_feedback SET reason = ? WHERE ask_id IN ({marks}) AND reason IS NOT NULL",
                   [marker, *ids])
        db.execute(f"UPDATE kb_learned SET wording = ?, status = 'rejected', "
                   f"rejected_by = COALESCE(rejected_by, ?), rejected_at = COALESCE(rejected_at, ?), "
                   f"rejected_why = COALESCE(rejected_why, ?) "
                   f"WHERE ask_id IN ({marks})", [marker, actor, stamp, why, *ids])
        db.conn.executemany("INSERT OR IGNORE INTO kb_unanswered_status (ask_id, status, entry_id, closed_by, "
                            "closed_at) VALUES (?, 'dismissed', NULL, ?, ?)",
                            [(ask_id, actor, stamp) for ask_id in ids])
    return removed, texts


def scrub(storage: Storage, texts: Collection[str]) -> bool:
    """Leave no copy of `texts`, just replaced, in the database file or its write-ahead log: empty the log into the
    file, then look for the start or the end of each text in the file's unused space (bot.storage.unused_space), and
    only if one is there (or the log could not be emptied) rewrite the whole file with `compact`. Writers of this
    process wait meanwhile, and a read transaction keeps other processes from copying their log into the file, so
    nothing moves under the search. False (logged, nothing lost) when another process holds the database: the texts
    are replaced all the same."""
    if str(storage.path) == ":memory:":
        return True
    with storage.exclusive() as conn:
        try:
            busy = not empty_log(conn)
            settings = conn.execute("SELECT encoding, auto_vacuum FROM pragma_encoding, pragma_auto_vacuum").fetchone()
            if not busy and not settings[1]:  # auto_vacuum adds pages the search does not read: never set here
                conn.execute("BEGIN")
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                try:
                    left = holds_any(unused_bytes(storage.path), _needles(texts, ENCODINGS.get(settings[0], "utf-8")))
                except (OSError, ValueError) as exc:  # a file the search cannot read: rewritten, to be sure
                    log.warning("could not search the database file after a redaction: %s", type(exc).__name__)
                    left = True
                finally:
                    conn.execute("COMMIT")
                if not left:
                    return True
        except sqlite3.OperationalError as exc:
            log.warning("could not check the database files after a redaction: %s", type(exc).__name__)
            return False
        log.info("a redacted text may still be in the database files: compacting them")
        return compact(storage)


def empty_log(conn: sqlite3.Connection) -> bool:
    """Copy the write-ahead log into the database file and cut it to nothing; False if it could not be within
    LOG_PATIENCE seconds. Another connection copying the log itself (SQLite does so after a commit leaves it over
    1,000 pages, as after a VACUUM) makes a checkpoint give up at once rather than wait, so it is tried again."""
    deadline = time.monotonic() + LOG_PATIENCE
    while conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _needles(texts: Collection[str], encoding: str) -> set[bytes]:
    """What a leftover of each text starts or ends with, as stored or as JSON writes it (a draft's state)."""
    forms = {form.encode(encoding) for text in texts if text for form in (text, json.dumps(text)[1:-1])}
    return {needle for form in forms for needle in (form[:SEARCHED_BYTES], form[-SEARCHED_BYTES:])}


def compact(storage: Storage) -> bool:
    """Rewrite the database file without its free pages or stale bytes (VACUUM) and empty the write-ahead log.
    False (logged, nothing lost) when another process holds the database or a reader kept the log from being
    emptied: the text is replaced all the same, and secure_delete has zeroed the space it was freed from."""
    if str(storage.path) == ":memory:":
        return True
    with storage.exclusive() as conn:
        try:
            conn.execute("VACUUM")
            busy = not empty_log(conn)
        except sqlite3.OperationalError as exc:
            log.warning("could not compact the database after a redaction: %s", type(exc).__name__)
            return False
    if busy:
        log.warning("could not empty the write-ahead log after a redaction: a reader held it")
    return not busy


def redact_held_dms(storage: Storage, audit_id: int, swaps: HeldSwaps, texts: Collection[str], actor: str,
                    now: datetime) -> int:
    """Make each DM held and not yet sent (in its words, title, note, fields and buttons) as `swaps` say, so the
    removed words are not delivered later (fix65b): `swaps.about` for those held about `audit_id`, `swaps.unknown`
    for those held before m680 or about no one audit, and none about another audit (fix70c). The trail says how many,
    never the words; `texts` are the removed texts, looked for in the file's unused space after. Returns how many held
    messages were changed."""
    with storage.write() as db:
        rows = db.execute("SELECT id, message, audit_id FROM held_dms WHERE state IN ('held', 'sending') AND "
                          "message != '' AND (audit_id = ? OR audit_id IS NULL)", [audit_id]).fetchall()
        changed = []
        for row_id, kept, about in rows:
            swap = swaps.about if about is not None else swaps.unknown
            if swap is not None and (message := _swap_strings(json.loads(kept), swap)) != json.loads(kept):
                changed.append((json.dumps(message), row_id))
        db.conn.executemany("UPDATE held_dms SET message = ? WHERE id = ?", changed)
        if changed:
            record_trail(storage, actor, "dm.held_redacted", {"messages": len(changed)}, now)
    if changed:
        scrub(storage, list(texts))
    return len(changed)


@dataclass(frozen=True)
class HeldSwaps:
    """How a removal changes a held DM's strings (bot.audits.held_redaction words it): `about` for a DM held about
    the audit, `unknown` (None: left alone) for one whose audit is not recorded."""

    about: Callable[[str], str]
    unknown: Callable[[str], str] | None


def _swap_strings(value: Any, swap: Callable[[str], str]) -> Any:
    """`value` (decoded JSON) with `swap` made of every string in it."""
    if isinstance(value, str):
        return swap(value)
    if isinstance(value, dict):
        return {key: _swap_strings(item, swap) for key, item in value.items()}
    if isinstance(value, list):
        return [_swap_strings(item, swap) for item in value]
    return value
