"""A second, plainer ranking of entries: BM25 over every word an entry holds, through SQLite's FTS5.

The concept scorer in `search` knows the domain's phrases and punishes a question whose informative words
no entry uses; that makes it precise but brittle with wording it has not seen. BM25 over the question,
alternatives, tags and the whole answer is the opposite: it rarely knows enough to answer outright, but the
right entry is usually among its first few. The search offers its ranking as "Did you mean…" when the
concept scorer is unsure, and uses its agreement as evidence. FTS5 ships with SQLite (standard library),
tokenises and stems in C, and indexes 20,000 entries in a fraction of a second.
"""

from __future__ import annotations

import importlib.metadata
import re
import sqlite3
import threading
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
# entries. Below COMMON_FLOOR entries nothing is left out, so a small knowledge base ranks on every word.
COMMON_SHARE = 0.05
COMMON_FLOOR = 50
STEM_CACHE = 100_000  # distinct words whose stems are remembered (a few MB)
# The built table, by the digest of everything it was built from: a restart with the same files and weights
# reads it back (about 0.1 s at 20,000 entries, against 0.7 s to build). Large, so only the latest is kept, and
# on disk only: a reload after an edit always has new content.
BUILT = DigestStore("keyword-index", source_digest([Path(__file__)], f"SQLite {sqlite3.sqlite_version}",
                                                   f"snowballstemmer {importlib.metadata.version('snowballstemmer')}"),
                    memory=False, disk_floor=1, disk_per_use=1)


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
        key = BUILT.key(content, repr(tuple(weights)), repr(groups)) if content and cache_folder else None
        if not (key and self._restore(BUILT.get(key, cache_folder))):
            self._build(entries)
            if key:
                BUILT.put(key, self._db.serialize(), cache_folder)
                BUILT.tidy(cache_folder, [key])
        self._weights = ", ".join(f"{float(w):g}" for w in weights)
        self._lock = threading.Lock()
        # How many entries hold each (stemmed) term, from FTS5's own vocabulary; Snowball's "porter" is the
        # same algorithm as FTS5's porter tokenizer, so a query word's stem finds its count here.
        self._db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS terms USING fts5vocab(docs, 'row')")
        self._entries_with = dict(self._db.execute("SELECT term, doc FROM terms"))
        count = self._db.execute("SELECT count(*) FROM docs").fetchone()[0]
        self._common = max(COMMON_FLOOR, int(count * COMMON_SHARE))

    def _restore(self, built: object) -> bool:
        """Read a table kept by an earlier start; False (and an empty database) if it is not a whole one."""
        if not isinstance(built, bytes):
            return False
        try:
            self._db.deserialize(built)
            self._db.execute("SELECT count(*) FROM docs").fetchone()
            return True
        except sqlite3.DatabaseError:
            self._db.close()
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            return False

    def _build(self, entries: Iterable[Entry]) -> None:
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(question, alternatives, tags, answer, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        # Rows go into a plain table first, then into FTS5 in one statement: tokenising and indexing then run
        # in SQLite without the GIL, so a reload's other work can go on beside it (see KnowledgeSearch).
        self._db.execute("CREATE TEMP TABLE raw (question, alternatives, tags, answer)")
        self._db.executemany(
            "INSERT INTO raw (rowid, question, alternatives, tags, answer) VALUES (?, ?, ?, ?, ?)",
            [(number, entry.question, "\n".join(entry.alternatives),
              " ".join((*entry.tags, entry.id.replace("-", " "), *self._group_words(entry))), entry.answer)
             for number, entry in enumerate(entries)],
        )
        self._db.execute("INSERT INTO docs (rowid, question, alternatives, tags, answer) "
                         "SELECT rowid, question, alternatives, tags, answer FROM raw")
        self._db.execute("DROP TABLE raw")

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
        with self._lock:
            rows = self._db.execute(
                f"SELECT rowid, bm25(docs, {self._weights}) FROM docs WHERE docs MATCH ? ORDER BY 2 LIMIT ?",
                [match, limit],
            ).fetchall()
        return [KeywordHit(int(number), -float(score)) for number, score in rows]
