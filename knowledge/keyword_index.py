"""A second, plainer ranking of entries: BM25 over every word an entry holds, through SQLite's FTS5.

The concept scorer in `search` knows the domain's phrases and punishes a question whose informative words
no entry uses; that makes it precise but brittle with wording it has not seen. BM25 over the question,
alternatives, tags and the whole answer is the opposite: it rarely knows enough to answer outright, but the
right entry is usually among its first few. The search offers its ranking as "Did you mean…" when the
concept scorer is unsure, and uses its agreement as evidence. FTS5 ships with SQLite (standard library),
tokenises and stems in C, and indexes 20,000 entries in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer

from knowledge.digest_store import DigestStore, source_digest
from knowledge.entries import Entry

# Column weights of BM25: the question and its alternatives say what an entry is about; tags name it; the
# answer is long and mentions much in passing. Fitted with the thresholds (bench/fit_search.py).
COLUMNS = ("question", "alternatives", "tags", "answer")
TOKEN = re.compile(r"[a-z0-9]+")
MAX_TERMS = 40  # a query's distinct words used; a pasted essay gains nothing past this
# Words in more than this share of the entries (and at least COMMON_FLOOR of them) are left out of the query:
# their BM25 weight is near nothing, yet scoring every entry that holds them is most of the cost at 20,000
# entries. Below COMMON_FLOOR entries nothing is left out, so a small knowledge base ranks on every word. The share
# is the floor's at the size the knowledge base had when the cut-off stopped being a fixed 50 (196 entries,
# 2026-12): as it grows, a word keeps its place while it is in as few of the entries ("month", "Act"). BM25 scores
# every entry holding a query word, so past COMMON_CEILING entries a word is left out whatever its share: at 20,000
# entries a quarter (5,100) took questions from 12 ms to 27 ms (p50) and 45 ms to 85 ms (p99) on a busy machine.
COMMON_SHARE = 0.255
COMMON_FLOOR = 50
COMMON_CEILING = 1_000
STEM_CACHE = 100_000  # distinct words whose stems are remembered (a few MB)
# The latest built table, for these weights and vocabulary groups, with the digest of the files it holds: a
# restart with the same files reads it back (about 0.1 s at 20,000 entries, against 0.7 s to build), and a start
# after an edit updates it, re-indexing only the entries whose text changed. Large, so only the latest is kept,
# and on disk only.
BUILT = DigestStore("keyword-index", source_digest([Path(__file__)], f"SQLite {sqlite3.sqlite_version}",
                                                   f"snowballstemmer {importlib.metadata.version('snowballstemmer')}"),
                    memory=False, disk_floor=1, disk_per_use=1)
TIE_MARGIN = 8  # rows fetched past `limit`, so entries tied on score can be put in entry order (see rank)
TIE_SHARE = 1e-5  # BM25 scores closer than this share of the higher are tied (see rank)
INSERT_BATCH = 6_000  # rows a statement inserts at most (fewer if SQLite allows fewer bound values)
# How much of a build FTS5 holds in memory before writing it out as a segment of its index (SQLite's default is
# 1 MB). A build is one transaction; at the default, 20,000 entries were written as dozens of segments that FTS5
# then merged again and again (0.15 s of 0.6 s). With room for the whole build it is written once, as one
# segment: the same table, ranked the same way. An SQLite without this setting builds as before.
BUILD_HASH_BYTES = 256 * 1024 * 1024
SET_HASH_SIZE = "INSERT INTO docs (docs, rank) VALUES ('hashsize', ?)"
INSERT_ROWS = "INSERT INTO docs (rowid, question, alternatives, tags, answer) VALUES "
TERM_COUNTS_AS_JSON = "SELECT json_group_object(term, doc) FROM terms"
Row = tuple[str, str, str, str]  # what one entry gives each column: question, alternatives, tags, answer


def common_limit(entries: int) -> int:
    """How many of `entries` entries a word may be in and still be searched on (COMMON_SHARE, between COMMON_FLOOR
    and COMMON_CEILING): a fixed figure would drop more and more words as the knowledge base grows."""
    return max(COMMON_FLOOR, min(int(entries * COMMON_SHARE), COMMON_CEILING))


@dataclass(frozen=True)
class KeywordHit:
    """One entry and its BM25 score (higher is better; 0 means no word in common)."""

    number: int
    score: float


class KeywordIndex:
    """An in-memory FTS5 table of one knowledge base; read-only after it is built, safe across threads."""

    def __init__(self, entries: Iterable[Entry], weights: tuple[float, float, float, float],
                 groups: Iterable[tuple[str, ...]] = (), content: str | None = None,
                 cache_folder: Path | None = None) -> None:
        """Index `entries`; `content` (a digest of the files they came from) lets a restart read the table
        back from `cache_folder` instead of building it."""
        groups = tuple(groups)
        # check_same_thread=False: the index is written once here and only read afterwards, under the lock.
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._stemmer = snowballstemmer.stemmer("porter")
        self._stems: dict[str, str] = {}
        self._group_of = self._groups(groups)
        # Row id -> entry number; None while they are equal (a table built in one go). A table updated after an
        # edit keeps the row ids of unchanged entries, so there they differ.
        self._number_of: dict[int, int] | None = None
        key = BUILT.key(repr(tuple(weights)), repr(groups)) if content and cache_folder else None
        kept = BUILT.get(key, cache_folder) if key else None
        if key is not None and kept is not None and self._restore(kept):  # kept is None without a key
            if kept[0] != content:
                self._update([self._row(entry) for entry in entries])
                BUILT.put(key, (content, self._db.serialize(), self._row_ids()), cache_folder)
        else:
            self._build([self._row(entry) for entry in entries])
            if key:
                BUILT.put(key, (content, self._db.serialize(), None), cache_folder)
        if key:
            BUILT.tidy(cache_folder, [key])
        self._weights = ", ".join(f"{float(w):g}" for w in weights)
        self._lock = threading.Lock()
        # How many entries hold each (stemmed) term, from FTS5's own vocabulary; Snowball's "porter" is the
        # same algorithm as FTS5's porter tokenizer, so a query word's stem finds its count here.
        self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5vocab(docs, 'row')")
        self._entries_with = self._term_counts()
        count = self._db.execute("SELECT count(*) FROM docs").fetchone()[0]
        self._common = common_limit(count)

    def _term_counts(self) -> dict[str, int]:
        """term -> how many entries hold it, read in one step (as one JSON object) for the reason `_insert`
        gives: row by row, beside a reload's other work, the 22,000 terms of 20,000 entries took 0.5 s."""
        try:
            (counts,) = self._db.execute(TERM_COUNTS_AS_JSON).fetchone()
            return json.loads(counts)
        except sqlite3.OperationalError:  # an SQLite built without JSON
            return dict(self._db.execute("SELECT term, doc FROM terms"))

    def _restore(self, kept: object) -> bool:
        """Read a table kept by an earlier start, as (content, table, row ids); False (and an empty database)
        if it is not a whole one."""
        if not (isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[1], bytes)):
            return False
        try:
            self._db.deserialize(kept[1])
            rows = self._db.execute("SELECT count(*) FROM docs").fetchone()[0]
            if kept[2] is not None:
                self._number_of = {int(row_id): number for number, row_id in enumerate(kept[2])}
                if len(self._number_of) != rows:
                    raise ValueError("row ids kept for another table")
            return True
        except (sqlite3.DatabaseError, TypeError, ValueError):
            self._db.close()
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            self._number_of = None
            return False

    def _row(self, entry: Entry) -> Row:
        return (entry.question, "\n".join(entry.alternatives),
                " ".join((*entry.tags, entry.id.replace("-", " "), *self._group_words(entry))), entry.answer)

    def _build(self, rows: list[Row]) -> None:
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(question, alternatives, tags, answer, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        with contextlib.suppress(sqlite3.OperationalError):
            self._db.execute(SET_HASH_SIZE, [BUILD_HASH_BYTES])
        self._insert([(number, *row) for number, row in enumerate(rows)])
        self._db.commit()  # serialize() writes what is committed

    def _insert(self, rows: list[tuple[int, str, str, str, str]]) -> None:
        # Many rows go in by one statement (`VALUES (...), (...), ...` with bound values), so SQLite tokenises
        # and indexes them without taking the GIL back row by row: `executemany` does take it back after every
        # row, and beside a reload's other Python work each row then waited for it (20,000 rows took 1.0 s, not
        # 0.1 s). Bound values need no encoding on our side (reading the rows from a JSON array cost 0.2 s more
        # at 20,000 entries), and carry any text as it is.
        per_statement = max(1, min(INSERT_BATCH, self._db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // 5))
        for start in range(0, len(rows), per_statement):
            batch = rows[start: start + per_statement]
            self._db.execute(INSERT_ROWS + ", ".join(["(?, ?, ?, ?, ?)"] * len(batch)),
                             [value for row in batch for value in row])

    def _update(self, rows: list[Row]) -> None:
        """Make a kept table hold `rows`: rows whose text is unchanged stay as they are (with their row ids),
        rows no entry has any more are deleted, and new or edited entries are indexed under new row ids.

        The table's own text says what each row holds, so nothing else has to be kept to match them up.
        """
        held: dict[Row, list[int]] = defaultdict(list)
        for row_id, *texts in self._db.execute("SELECT rowid, question, alternatives, tags, answer FROM docs "
                                               "ORDER BY rowid DESC"):
            held[tuple(texts)].append(row_id)
        number_of: dict[int, int] = {}
        added: list[tuple[int, Row]] = []
        for number, row in enumerate(rows):
            same = held.get(row)
            if same:
                number_of[same.pop()] = number  # the lowest row id first, as a build would have numbered them
            else:
                added.append((number, row))
        gone = [(row_id,) for row_ids in held.values() for row_id in row_ids]
        self._db.executemany("DELETE FROM docs WHERE rowid = ?", gone)
        next_id = (self._db.execute("SELECT max(rowid) FROM docs").fetchone()[0] or -1) + 1
        new_rows = [(next_id + offset, *row) for offset, (_, row) in enumerate(added)]
        number_of.update((next_id + offset, number) for offset, (number, _) in enumerate(added))
        if new_rows:
            self._insert(new_rows)
        self._db.commit()
        self._number_of = None if all(row_id == number for row_id, number in number_of.items()) else number_of

    def _row_ids(self) -> tuple[int, ...] | None:
        """Each entry's row id, in entry order (what a restart needs to read the table back), or None if equal."""
        if self._number_of is None:
            return None
        row_ids = [0] * len(self._number_of)
        for row_id, number in self._number_of.items():
            row_ids[number] = row_id
        return tuple(row_ids)

    def _groups(self, groups: Iterable[tuple[str, ...]]) -> dict[str, str]:
        """stem of each one-word member of a vocabulary group -> the group's own word (`vgroup3`)."""
        found: dict[str, str] = {}
        for number, group in enumerate(groups):
            for member in group:
                if TOKEN.fullmatch(member):
                    found.setdefault(self._stemmer.stemWord(member), f"vgroup{number}")
        return found

    def _group_words(self, entry: Entry) -> list[str]:
        """The group words of the vocabulary groups an entry's question, alternatives or tags use, once each."""
        if not self._group_of:
            return []
        text = " ".join((entry.question, *entry.alternatives, *entry.tags)).lower()
        stems = {self._stem_cached(word) for word in TOKEN.findall(text)}
        return sorted({self._group_of[stem] for stem in stems if stem in self._group_of})

    def _stem_cached(self, word: str) -> str:
        """A word's Porter stem, remembered: stemming every query word twice (groups, then ranking) was a tenth
        of a question's time at 20,000 entries. Callers hold the lock (Snowball's stemmer is not thread-safe);
        past STEM_CACHE words, new ones are stemmed but not kept, so odd queries cannot grow it for ever."""
        found = self._stems.get(word)
        if found is None:
            found = self._stemmer.stemWord(word)
            if len(self._stems) < STEM_CACHE:
                self._stems[word] = found
        return found

    def groups_of(self, words: Iterable[str]) -> list[str]:
        """The group words for these query words: a vocabulary group counts once, however many of its members
        an entry or a question uses (spelling every member out made broad entries match every question)."""
        with self._lock:
            return list(dict.fromkeys(self._group_of[stem] for stem in (self._stem_cached(word) for word in words)
                                      if stem in self._group_of))

    def rank(self, words: Iterable[str], limit: int) -> list[KeywordHit]:
        """The `limit` best entries for these words (any of them may match), best first."""
        terms = list(dict.fromkeys(word for word in words if TOKEN.fullmatch(word)))[:MAX_TERMS]
        if not terms or limit < 1:
            return []
        with self._lock:
            held = {term: self._entries_with.get(self._stem_cached(term), 0) for term in terms}
        terms = [term for term in terms if held[term] <= self._common]
        if not terms:  # only common words: BM25 has nothing to tell, and would score most entries to say it
            return []
        match = " OR ".join(f'"{term}"' for term in terms)
        fetch = limit + TIE_MARGIN
        while True:
            with self._lock:
                rows = self._db.execute(
                    f"SELECT rowid, bm25(docs, {self._weights}) FROM docs WHERE docs MATCH ? ORDER BY 2 LIMIT ?",
                    [match, fetch],
                ).fetchall()
            # Entries tied on score come in entry order, however their rows were numbered; if the tie at the
            # cut reaches past what was fetched, fetch more.
            if len(rows) < fetch or rows[-1][1] != rows[limit - 1][1]:
                break
            fetch *= 4
        number_of = self._number_of
        hits = [KeywordHit(number_of[row_id] if number_of is not None else int(row_id), -float(score))
                for row_id, score in rows]
        # scores within TIE_SHARE of each other are a tie, in entry order: two entries BM25 scores alike differ only in
        # float noise, which any other entry's edit moves (it changes the average length), and which one was first
        # flipped a pool question's answer when an unrelated care leaver entry gained two wordings (trial 64)
        return in_tie_order(hits)[:limit]


def in_tie_order(hits: list[KeywordHit]) -> list[KeywordHit]:
    """Best first; hits within TIE_SHARE of the score of the first of their run are tied, in entry order."""
    hits = sorted(hits, key=lambda hit: (-hit.score, hit.number))
    ordered: list[KeywordHit] = []
    while hits:
        run = [hit for hit in hits if hits[0].score - hit.score <= TIE_SHARE * abs(hits[0].score)]
        ordered.extend(sorted(run, key=lambda hit: hit.number))
        hits = hits[len(run):]
    return ordered
