"""Questions asked of the knowledge base and what people said about the answers (kb_asks, kb_feedback).

Every question stored here has been screened for identifiers first; QA leads read them back to see
what the knowledge base could not answer.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from bot.storage.common import parse_utc, select, utc_text
from bot.storage.db import BUSY_TIMEOUT_MS, Storage
from bot.storage.errors import Unreadable
from bot.storage.maintenance import database_problem


@dataclass(frozen=True)
class Ask:
    """One screened question and what the bot did with it."""

    id: int
    asked_at: datetime
    user_id: str
    query: str
    outcome: str
    entry_id: str | None
    score: float | None
    surface: str
    escalated_at: datetime | None


@dataclass(frozen=True)
class Unanswered:
    """A question that got no answer, an answer someone marked Not helpful, or suggestions its asker picked none of."""

    query: str
    asked_at: datetime
    entry_id: str | None  # the unhelpful answer, when there was one
    ask_id: int = 0
    user_id: str = ""  # who asked it: the person a QA lead's answer goes to
    escalated: bool = False  # the asker passed it on: it stays listed until a QA lead closes it
    unpicked: bool = False  # offered "Did you mean…" and picked none: no suggestion fitted, or none was read
    reasons: tuple[str, ...] = ()  # what those who pressed Not helpful said was missing, screened, oldest first
    lacks: str | None = None  # answered by `entry_id`, which lacks this kind of fact the question asked for


CLOSED_STATUSES = ("answered", "linked", "new_entry", "out_of_scope", "dismissed")


@dataclass(frozen=True)
class Closure:
    """How a QA lead closed a question: status, the entry it went to, who and when."""

    status: str
    entry_id: str | None
    closed_by: str
    closed_at: datetime


def record_ask(storage: Storage, at: datetime, user_id: str, query: str, outcome: str,
               entry_id: str | None, score: float | None, surface: str) -> int:
    """Log a screened question; the returned id travels in the feedback and escalation buttons."""
    cursor = storage.db.execute(
        "INSERT INTO kb_asks (asked_at, user_id, query, outcome, entry_id, score, surface) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [utc_text(at), user_id, query, outcome, entry_id, score, surface],
    )
    return int(cursor.lastrowid or 0)  # set after an INSERT (the storage modules' convention)


def note_lacks(storage: Storage, ask_id: int, kind: str) -> None:
    """Note that the entry given as the answer to question `ask_id` lacks the `kind` of fact it asked for (a rate,
    a form…: knowledge/specific_ask.py), which puts the question on the QA leads' unanswered list. An entry picked
    from "Did you mean…", or shown as the one close entry, counts too: a pick must not forget the gap (trial 46 F6)."""
    storage.db.execute("UPDATE kb_asks SET lacks = ? WHERE id = ? AND outcome IN ('answer', 'ambiguous')",
                       [kind, ask_id])


def recent_questions(storage: Storage, since: datetime, limit: int = 2000) -> list[str]:
    """The questions asked since `since` that the search answered or offered entries for, newest first, each wording
    once: replayed after a QA lead's edit to name those it moves (knowledge.known_questions.edit_moved)."""
    rows = select(storage.db,
                  "SELECT query FROM kb_asks WHERE asked_at >= ? AND outcome IN ('answer', 'ambiguous') "
                  "GROUP BY query ORDER BY MAX(asked_at) DESC LIMIT ?", [utc_text(since), limit])
    return [row["query"] for row in rows]


def get_ask(storage: Storage, ask_id: int) -> Ask | None:
    rows = list(select(storage.db, "SELECT * FROM kb_asks WHERE id = ?", [ask_id]))
    if not rows:
        return None
    return _ask(rows[0])


def _ask(row: dict[str, Any]) -> Ask:
    return Ask(
        id=row["id"], asked_at=parse_utc(row["asked_at"]), user_id=row["user_id"], query=row["query"],
        outcome=row["outcome"], entry_id=row["entry_id"], score=row["score"], surface=row["surface"],
        escalated_at=parse_utc(row["escalated_at"]) if row["escalated_at"] else None,
    )


def latest_ask(storage: Storage, user_id: str, since: datetime) -> Ask | None:
    """This person's latest question since `since`, if any: the one a follow-up ("how often after that?") is about."""
    rows = list(select(storage.db, "SELECT * FROM kb_asks WHERE user_id = ? AND asked_at >= ? ORDER BY id DESC "
                                   "LIMIT 1", [user_id, utc_text(since)]))
    return _ask(rows[0]) if rows else None


def resolve_ask(storage: Storage, ask_id: int, user_id: str, entry_id: str) -> bool:
    """Remember which suggestion the asker picked, once, so their feedback is about that entry."""
    cursor = storage.db.execute(
        "UPDATE kb_asks SET entry_id = ? WHERE id = ? AND user_id = ? AND outcome = 'ambiguous' "
        "AND entry_id IS NULL",
        [entry_id, ask_id, user_id],
    )
    return cursor.rowcount == 1


def mark_escalated(storage: Storage, ask_id: int, user_id: str, at: datetime) -> bool:
    """Compare-and-set: True only for the first escalation of the asker's own question."""
    with storage.write() as db:
        cursor = db.execute(
            "UPDATE kb_asks SET escalated_at = ? WHERE id = ? AND user_id = ? AND escalated_at IS NULL",
            [utc_text(at), ask_id, user_id],
        )
        return cursor.rowcount == 1


def record_feedback(storage: Storage, ask_id: int, entry_id: str, user_id: str, helpful: bool,
                    at: datetime) -> bool:
    """Store a Helpful / Not helpful click; False when this person already answered for this ask."""
    cursor = storage.db.execute(
        "INSERT OR IGNORE INTO kb_feedback (ask_id, entry_id, user_id, helpful, at) VALUES (?, ?, ?, ?, ?)",
        [ask_id, entry_id, user_id, 1 if helpful else 0, utc_text(at)],
    )
    return cursor.rowcount == 1


REASON_SEPARATOR = "\x1f"  # between the reasons one query returns together; never in a screened text


def note_reason(storage: Storage, ask_id: int, user_id: str, reason: str) -> bool:
    """Keep what `user_id` said was missing from the answer they marked Not helpful for question `ask_id` (already
    screened); a later note replaces theirs. False when they marked no answer to it Not helpful."""
    cursor = storage.db.execute(
        "UPDATE kb_feedback SET reason = ? WHERE ask_id = ? AND user_id = ? AND helpful = 0",
        [reason.replace(REASON_SEPARATOR, " "), ask_id, user_id],
    )
    return cursor.rowcount == 1


def take_reason(storage: Storage, ask_id: int, user_id: str) -> str | None:
    """Take back what `user_id` said was missing from the answer to question `ask_id` (it was a new question, they
    said): the note is cleared and returned; None when there is none."""
    with storage.write() as db:
        rows = select(db, "SELECT id, reason FROM kb_feedback WHERE ask_id = ? AND user_id = ? AND helpful = 0 "
                          "AND reason IS NOT NULL", [ask_id, user_id])
        if not rows:
            return None
        db.execute("UPDATE kb_feedback SET reason = NULL WHERE id = ?", [rows[0]["id"]])
    return str(rows[0]["reason"])


def reasons_for(storage: Storage, ask_id: int) -> tuple[str, ...]:
    """What those who marked the answer to question `ask_id` Not helpful said was missing, oldest first."""
    return tuple(row["reason"] for row in select(
        storage.db, "SELECT reason FROM kb_feedback WHERE ask_id = ? AND helpful = 0 AND reason IS NOT NULL "
                    "ORDER BY at, id", [ask_id]))


def unanswered_since(storage: Storage, since: datetime) -> list[Unanswered]:
    """Questions since `since` that got no answer, an answer marked Not helpful, or suggestions of which the asker
    picked none (a pick takes it off the list, since it is learned), newest first, and every
    question its asker passed on to the QA leads, however old and whatever the search said (they were told a QA
    lead would reply); a question a QA lead has closed (answered, linked, out of scope...) is left out. Each
    question comes once: a Not helpful one keeps the entry that did not help, and one answered by an entry lacking
    the kind of fact it asked for (a rate, a form: `note_lacks`) keeps that entry and the kind."""
    rows = select(storage.db,
        """
        SELECT a.id AS ask_id, a.user_id, a.query, a.asked_at,
               CASE WHEN a.lacks IS NOT NULL THEN a.entry_id END AS entry_id,
               a.escalated_at IS NOT NULL AS escalated,
               (a.outcome = 'ambiguous' AND a.entry_id IS NULL) AS unpicked, NULL AS reasons, a.lacks
        FROM kb_asks a
        WHERE (((a.outcome = 'none' OR (a.outcome = 'ambiguous' AND a.entry_id IS NULL) OR a.lacks IS NOT NULL)
                AND a.asked_at >= :since)
               OR a.escalated_at IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM kb_unanswered_status s WHERE s.ask_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM kb_feedback f WHERE f.ask_id = a.id AND f.helpful = 0 AND f.at >= :since)
        UNION ALL
        SELECT a.id AS ask_id, a.user_id, a.query, MAX(f.at) AS asked_at, f.entry_id,
               a.escalated_at IS NOT NULL AS escalated, 0 AS unpicked,
               GROUP_CONCAT(f.reason, :separator) AS reasons, NULL AS lacks
        FROM kb_feedback f JOIN kb_asks a ON a.id = f.ask_id
        WHERE f.helpful = 0 AND f.at >= :since
          AND NOT EXISTS (SELECT 1 FROM kb_unanswered_status s WHERE s.ask_id = a.id)
        GROUP BY a.id
        ORDER BY asked_at DESC
        """,
        {"since": utc_text(since), "separator": REASON_SEPARATOR},
    )
    return [Unanswered(query=row["query"], asked_at=parse_utc(row["asked_at"]), entry_id=row["entry_id"],
                       ask_id=row["ask_id"], user_id=row["user_id"], escalated=bool(row["escalated"]),
                       unpicked=bool(row["unpicked"]), lacks=row["lacks"],
                       reasons=tuple(row["reasons"].split(REASON_SEPARATOR)) if row["reasons"] else ())
            for row in rows]


@dataclass(frozen=True)
class Pick:
    """A suggestion an asker picked from "Did you mean…": they found their answer in that entry."""

    query: str
    user_id: str
    entry_id: str
    asked_at: datetime


def waiting_with_qa_leads(storage: Storage, user_id: str, since: datetime) -> list[datetime]:
    """When each of this person's questions on the QA leads' list (`unanswered_since(since)`, as `kb unanswered`
    lists it) was asked (or marked Not helpful), oldest first, until a QA lead closes it: ones passed on, ones whose
    entry lacks what they asked for, and ones the bot had no answer for, a glossary line only ("I have no fuller
    entry on it yet. Your question is on the QA leads' list") (trial 50 F8,
    trial 51 F25: an agency worker's SWET question went on the list, and her Home did not say so). Not a "Did you
    mean…" with none picked and not passed on: its asker was never told it went to the QA leads (trial 55 F7)."""
    return sorted(item.asked_at for item in unanswered_since(storage, since)
                  if item.user_id == user_id and not (item.unpicked and not item.escalated))


# A pick whose learned wording a QA lead rejected (`reject 1` in `kb learned`), or its asker marked Not helpful, and
# that is not active again for that entry (an Undo, a link): it found them no answer (trial 49: `kb unanswered`
# still said "1 picked `…`" after the reject). The wording is the pick's own (ask_id), or another asker's in the
# same words (a second pick trusts the first's row), compared as bot.asking.learning normalises it, but for spaces.
_PICK_REJECTED = (
    "EXISTS (SELECT 1 FROM kb_learned l WHERE l.entry_id = a.entry_id AND l.status = 'rejected' "
    "AND l.rejected_why IN ('qa_lead', 'not_helpful') AND (l.ask_id = a.id OR l.wording = "
    "rtrim(lower(trim(a.query)), ' ?!.,;:')) AND NOT EXISTS (SELECT 1 FROM kb_learned k WHERE k.entry_id = "
    "l.entry_id AND k.wording = l.wording AND k.status = 'active'))")


def picked_since(storage: Storage, since: datetime) -> list[Pick]:
    """Questions since `since` whose asker picked one of the suggestions, newest first: the QA leads' list says who
    of a group's askers found an entry that way (trial 44 F22: a group half picked was shown as "none picked").
    A pick rejected since (`_PICK_REJECTED`) is not one."""
    rows = select(storage.db, "SELECT query, user_id, entry_id, asked_at FROM kb_asks a WHERE outcome = 'ambiguous' "
                              f"AND entry_id IS NOT NULL AND asked_at >= ? AND NOT {_PICK_REJECTED} "
                              "ORDER BY asked_at DESC, id DESC", [utc_text(since)])
    return [Pick(query=row["query"], user_id=row["user_id"], entry_id=row["entry_id"],
                 asked_at=parse_utc(row["asked_at"])) for row in rows]


@dataclass(frozen=True)
class OutOfScope:
    """A wording a QA lead closed as out of scope: when, and the note they gave with it (screened), if any."""

    wording: str
    closed_at: datetime
    note: str | None


def out_of_scope_marks(storage: Storage) -> list[OutOfScope]:
    """The wordings closed as out of scope, newest first, each once with its latest closing and note: the same
    wording asked again is told when it was marked, and why (trial 53 F4)."""
    rows = storage.db.execute(
        "SELECT a.query, MAX(s.closed_at), (SELECT s2.answer FROM kb_unanswered_status s2 JOIN kb_asks a2 "
        "ON a2.id = s2.ask_id WHERE a2.query = a.query AND s2.status = 'out_of_scope' AND s2.answer IS NOT NULL "
        "ORDER BY s2.closed_at DESC LIMIT 1) FROM kb_unanswered_status s JOIN kb_asks a ON a.id = s.ask_id "
        "WHERE s.status = 'out_of_scope' GROUP BY a.query ORDER BY MAX(s.closed_at) DESC").fetchall()
    return [OutOfScope(wording=row[0], closed_at=parse_utc(row[1]), note=row[2]) for row in rows]


def out_of_scope_wordings(storage: Storage) -> list[str]:
    """The wordings of questions a QA lead closed as out of scope, newest first, each once."""
    rows = storage.db.execute(
        "SELECT a.query FROM kb_unanswered_status s JOIN kb_asks a ON a.id = s.ask_id WHERE s.status = "
        "'out_of_scope' GROUP BY a.query ORDER BY MAX(s.closed_at) DESC").fetchall()
    return [row[0] for row in rows]


def ever_unanswered(storage: Storage, ask_id: int) -> bool:
    """Whether question `ask_id` exists and was ever one for the QA leads (no answer, suggestions offered, marked Not
    helpful, or passed on), so a number that never was on their list is told apart from one that has left it."""
    rows = select(storage.db,
        """
        SELECT 1 FROM kb_asks a WHERE a.id = :id AND (a.outcome IN ('none', 'ambiguous') OR a.escalated_at IS NOT NULL
            OR a.lacks IS NOT NULL
            OR EXISTS (SELECT 1 FROM kb_feedback f WHERE f.ask_id = a.id AND f.helpful = 0))
        """,
        {"id": ask_id},
    )
    return bool(rows)


def close_asks(storage: Storage, ask_ids: list[int], status: str, closed_by: str, at: datetime,
               entry_id: str | None = None, answer: str | None = None) -> int:
    """Close questions with what the QA lead did (and the answer they wrote, already screened, when they answered);
    ones already closed keep their first status.

    Returns how many were closed now: 0 means someone else closed them all first (a double click, two leads).
    """
    if status not in CLOSED_STATUSES:
        raise ValueError(status)
    with storage.write() as db:
        closed = 0
        for ask_id in dict.fromkeys(ask_ids):
            cursor = db.execute(
                "INSERT OR IGNORE INTO kb_unanswered_status (ask_id, status, entry_id, closed_by, closed_at, answer) "
                "VALUES (?, ?, ?, ?, ?, ?)", [ask_id, status, entry_id, closed_by, utc_text(at), answer])
            closed += cursor.rowcount
        return closed


def sent_entry(storage: Storage, user_ids: Sequence[str], entry_id: str) -> frozenset[str]:
    """Those of `user_ids` a question of theirs was already closed with `entry_id` for (linked to it or a new entry
    made from it): they were sent the entry then, so a later *Send it to them* does not send it again (trial 50, #9)."""
    if not user_ids:
        return frozenset()
    marks = ", ".join("?" for _ in user_ids)
    rows = storage.db.execute(
        "SELECT DISTINCT a.user_id FROM kb_asks a JOIN kb_unanswered_status s ON s.ask_id = a.id "
        f"WHERE s.entry_id = ? AND s.status IN ('linked', 'new_entry') AND a.user_id IN ({marks})",
        [entry_id, *user_ids]).fetchall()
    return frozenset(row[0] for row in rows)


@dataclass(frozen=True)
class QaAnswer:
    """A QA lead's answer to a stored question, as they wrote it: the question's wording, the answer, who, when."""

    query: str
    answer: str
    answered_by: str
    answered_at: datetime


def qa_answers(storage: Storage | ReadOnlyAsks) -> list[QaAnswer]:
    """Every answer a QA lead wrote to a question still kept, newest first (answers are written by hand: few)."""
    rows = select(storage.db,
        """
        SELECT a.query, s.answer, s.closed_by, s.closed_at FROM kb_unanswered_status s JOIN kb_asks a ON a.id = s.ask_id
        WHERE s.status = 'answered' AND s.answer IS NOT NULL ORDER BY s.closed_at DESC, s.ask_id DESC
        """)
    return [QaAnswer(row["query"], row["answer"], row["closed_by"], parse_utc(row["closed_at"])) for row in rows]


@dataclass(frozen=True)
class Vote:
    """One Helpful or Not helpful press on an entry, with the wording of the question it answered."""

    query: str
    helpful: bool
    at: datetime


def votes_on(storage: Storage | ReadOnlyAsks, entry_id: str) -> list[Vote]:
    """Every Helpful / Not helpful press on an entry's answers, newest first."""
    rows = select(storage.db,
        """
        SELECT a.query, f.helpful, f.at FROM kb_feedback f JOIN kb_asks a ON a.id = f.ask_id
        WHERE f.entry_id = ? ORDER BY f.at DESC, f.id DESC
        """, [entry_id])
    return [Vote(row["query"], bool(row["helpful"]), parse_utc(row["at"])) for row in rows]


def closure(storage: Storage, ask_id: int) -> Closure | None:
    """How a question was closed, or None while it is open."""
    rows = list(select(storage.db, "SELECT * FROM kb_unanswered_status WHERE ask_id = ?", [ask_id]))
    if not rows:
        return None
    row = rows[0]
    return Closure(row["status"], row["entry_id"], row["closed_by"], parse_utc(row["closed_at"]))


def entry_changed_since(storage: Storage | ReadOnlyAsks, entry_id: str, since: datetime) -> bool:
    """Whether the trail shows entry `entry_id` added or edited (a reload, a new wording, `kb edit`: trial 44 F7)
    since `since` (times are kept to the second: a change in the same second counts)."""
    rows = select(storage.db,
        """
        SELECT 1 FROM trail t WHERE t.at >= :since AND (
            (t.action = 'kb.reload' AND EXISTS (
                SELECT 1 FROM json_each(t.detail, '$.changed') j WHERE j.value = :entry
                UNION ALL SELECT 1 FROM json_each(t.detail, '$.added') j WHERE j.value = :entry))
            OR (t.action IN ('kb.alternative', 'kb.entry', 'kb.edit') AND json_extract(t.detail, '$.entry') = :entry))
        LIMIT 1
        """,
        {"since": utc_text(since), "entry": entry_id},
    )
    return bool(rows)


def find_asks(storage: Storage, words: Sequence[str], limit: int, leave_out: str) -> list[Ask]:
    """Stored questions whose wording holds every one of `words` (any case), newest first, at most `limit`; those
    starting with `leave_out` (a removed text's marker) are left out. The words are bound, never stored."""
    if not words:
        return []
    where = " AND ".join("query LIKE ? ESCAPE '\\'" for _ in words)
    patterns = [f"%{_escaped(word)}%" for word in words]
    rows = select(storage.db, f"SELECT * FROM kb_asks WHERE {where} AND query NOT LIKE ? ESCAPE '\\' "
                              "ORDER BY id DESC LIMIT ?", [*patterns, f"{_escaped(leave_out)}%", limit])
    return [_ask(row) for row in rows]


def _escaped(text: str) -> str:
    """`text` matched literally by LIKE … ESCAPE '\\'."""
    return re.sub(r"([\\%_])", r"\\\1", text)


class ReadOnlyAsks:
    """The bot's database opened read-only, read through `.db` as a Storage is: what `votes_on`, `qa_answers` and
    `entry_changed_since` need for a tool beside the running bot (`audit-bot ask`), never created or written."""

    def __init__(self, db: Database) -> None:
        self.db = db


@contextmanager
def read_only(path: Path) -> Iterator[ReadOnlyAsks]:
    """The database at `path`, read-only, for the span of the block. Raises Unreadable, saying why, when the file is
    absent or unreadable or lacks a migration this version has (as learned.active_read_only does)."""
    problem = database_problem(path)
    if problem is not None:
        raise Unreadable(problem)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise Unreadable(f"the database {path} cannot be read ({exc})") from None
    try:
        yield ReadOnlyAsks(Database(conn, execute_plugins=False, recursive_triggers=False))
    finally:
        conn.close()


@dataclass(frozen=True)
class Offer:
    """The options ("Did you mean…") a person's latest question was offered and none yet picked: (label, action,
    value) each, as its buttons carry them."""

    ask_id: int
    asked_at: datetime
    surface: str
    options: tuple[tuple[str, str, str], ...]
    left: bool = False  # shown again once already, or the person did something else after them
    answered: str | None = None  # the entry given as the answer, whose Helpful / Not helpful are still open


FEEDBACK_OPTION = "kb.feedback"  # an answer's Helpful / Not helpful: open until one is pressed


def remember_offer(storage: Storage, ask_id: int, options: Sequence[tuple[str, str, str]]) -> None:
    """Keep the options offered for question `ask_id`, so a reply in a later terminal session can still pick one."""
    storage.db.execute("UPDATE kb_asks SET offered = ? WHERE id = ?", [json.dumps([list(o) for o in options]), ask_id])


def open_offer(storage: Storage, user_id: str) -> Offer | None:
    """The options this person's latest question was offered, while none is picked and it was not passed on to the
    QA leads: None once they asked anything since, or picked, or passed it on (those settle the offer as its
    buttons would). An answer's options (Helpful / Not helpful and its related questions) stay open until Helpful or
    Not helpful is pressed (trial 31: `2` in the next session picked nothing)."""
    rows = list(select(storage.db, "SELECT id, asked_at, surface, offered, entry_id, escalated_at, offer_left_at, "
                                   "EXISTS (SELECT 1 FROM kb_feedback f WHERE f.ask_id = kb_asks.id "
                                   "AND f.user_id = kb_asks.user_id) AS voted "
                                   "FROM kb_asks WHERE user_id = ? ORDER BY id DESC LIMIT 1", [user_id]))
    if not rows or not rows[0]["offered"] or rows[0]["escalated_at"]:
        return None
    row = rows[0]
    options = tuple((str(label), str(action), str(value)) for label, action, value in json.loads(row["offered"]))
    answered = row["entry_id"]
    if answered and (row["voted"] or not any(action == FEEDBACK_OPTION for _, action, _ in options)):
        return None  # a suggestion picked, or the answer's Helpful / Not helpful pressed: settled
    return Offer(row["id"], parse_utc(row["asked_at"]), row["surface"], options, left=bool(row["offer_left_at"]),
                 answered=answered)


def leave_offer(storage: Storage, ask_id: int, at: datetime) -> None:
    """Note that the person left question `ask_id`'s options behind (shown again once, or something else done after
    them), so no later session shows them again; they can still be picked while open."""
    storage.db.execute("UPDATE kb_asks SET offer_left_at = ? WHERE id = ? AND offer_left_at IS NULL",
                       [utc_text(at), ask_id])
