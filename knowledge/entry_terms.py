"""Each entry's wordings read into search terms, remembered per file so an unchanged file is not read again.

Reading every question and alternative through the vocabulary (phrases, concepts, stems) is the larger part
of building the search index at 20,000 entries. What it gives depends only on a file's text and on the
vocabulary (the glossary and `concepts:`), so it is kept under the digest of both (see digest_store): after a
restart, or after a QA lead edits one file, only that file's wordings are read again.

Reading a wording also teaches the vocabulary's stem table its words, and the search later treats every word
in that table as a word of the domain (never "corrected" to another). A remembered file therefore keeps the
words it taught too, and teaches them again when it is used, so a cached build knows exactly the same words.
"""

from __future__ import annotations

import atexit
import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import knowledge.textterms
from knowledge.digest_store import DigestStore, source_digest
from knowledge.entries import Entry
from knowledge.textterms import Vocabulary, words_of

if TYPE_CHECKING:  # the loader reads terms ahead in its side process (read_ahead), so it imports this module
    from knowledge.loader import KnowledgeBase
    from knowledge.side_process import SideProcess

Terms = tuple[str, ...]
EntryTerms = tuple[tuple[Terms, ...], Terms]  # the terms of the question and each alternative; of the id

TERMS = DigestStore("entry-terms", source_digest([Path(knowledge.textterms.__file__), Path(__file__)]))


class TermsAhead:
    """Search terms a side process is still reading for some files, taken when the index first needs them.

    At a first start the loader's side process reads about half the files' terms while the loader checks the
    folder, and finishes about 0.25 s after it (at 20,000 entries). Rather than wait, the loader hands the side
    process over: the index reads the other files' terms first and starts its keyword table, and by the time it
    needs the side's terms they are ready. One hand-over is held at a time; a newer one, or the end of the
    process, stops an older one that nothing took, so no child is ever left running.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._side: SideProcess | None = None
        self._digests: frozenset[str] = frozenset()
        self._cache_folder: Path | None = None

    def hand_over(self, side: SideProcess, digests: Iterable[str], cache_folder: Path | None) -> None:
        """Keep `side`, whose next result is (key, record) terms of the files with these digests."""
        with self._lock:
            self._stop()
            self._side, self._digests, self._cache_folder = side, frozenset(digests), cache_folder

    def promised(self, digest: str | None) -> bool:
        """Whether the side process is reading this file's terms (so they are worth waiting for)."""
        return digest is not None and digest in self._digests

    def collect(self) -> None:
        """Wait for the side process's terms and keep them in TERMS; nothing if none is held or it failed."""
        with self._lock:
            if self._side is not None:
                for key, record in self._side.result() or ():
                    TERMS.put(key, record, self._cache_folder)
            self._stop()

    def drop(self) -> None:
        """Stop a side process whose terms nobody took."""
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._side is not None:
            self._side.stop()
        self._side, self._digests, self._cache_folder = None, frozenset(), None


AHEAD = TermsAhead()
atexit.register(AHEAD.drop)


def read_entry_terms(kb: KnowledgeBase, vocabulary: Vocabulary, cache_folder: Path | None = None
                     ) -> list[EntryTerms]:
    """The terms of every entry's wordings and id, in the order of `kb.entries`; each wording's terms once each.

    Files the loader gave a digest for are looked up first (in memory, then in `cache_folder`); the rest are
    read and remembered. A knowledge base built by hand (no digests) is simply read. Files whose terms a side
    process is reading (AHEAD) come last, so the others are read while it finishes.
    """
    by_file: dict[str, list[Entry]] = defaultdict(list)
    for entry in kb.entries.values():
        by_file[entry.file].append(entry)
    meaning = _meaning(kb.glossary, kb.concepts)
    found: dict[str, EntryTerms] = {}
    used = []
    for file, entries in sorted(by_file.items(), key=lambda item: AHEAD.promised(kb.file_digests.get(item[0]))):
        digest = kb.file_digests.get(file)
        if AHEAD.promised(digest):
            AHEAD.collect()
        key = TERMS.key(digest, meaning) if digest else None
        record = TERMS.get(key, cache_folder) if key else None
        if record is None or len(record[0]) != len(entries):
            record = _read(entries, vocabulary)
            if key:
                TERMS.put(key, record, cache_folder)
        else:
            for word in record[1]:
                vocabulary.stem_of(word)
        if key:
            used.append(key)
        found.update(zip((entry.id for entry in entries), record[0], strict=True))
    TERMS.tidy(cache_folder, used)
    return [found[entry_id] for entry_id in kb.entries]


def read_ahead(files: Iterable[tuple[str, tuple[Entry, ...]]], glossary: Mapping[str, str],
               concepts: tuple[tuple[str, ...], ...], cache_folder: Path | None = None) -> list[tuple[str, Any]]:
    """(key, record) for each (file digest, entries) not kept yet: what `read_entry_terms` will look up.

    The loader's side process calls this for the files it parsed, while the loader checks the whole folder, so
    a first start reads about half the wordings in parallel. The glossary and concepts it is given are its own
    reading of the folder: if they differ from what the load ends with, the keys differ too, and the index
    simply reads those files itself.
    """
    vocabulary = Vocabulary.build(glossary, concepts)
    meaning = _meaning(glossary, concepts)
    ahead = []
    for digest, entries in files:
        key = TERMS.key(digest, meaning)
        if not TERMS.has(key, cache_folder):
            ahead.append((key, _read(list(entries), vocabulary)))
    return ahead


def _meaning(glossary: Mapping[str, str], concepts: tuple[tuple[str, ...], ...]) -> str:
    """The part of a record's key that stands for the vocabulary its terms were read through."""
    return TERMS.key(repr(sorted(glossary.items())), repr(concepts))


def _read(entries: list[Entry], vocabulary: Vocabulary) -> tuple[tuple[EntryTerms, ...], Terms]:
    """Read one file's entries; with them, every word their wordings hold (the stem table's new knowledge)."""
    words: set[str] = set()

    def terms(text: str) -> Terms:
        said = words_of(text)
        words.update(said)
        return tuple(dict.fromkeys(vocabulary.term_texts(said)))

    read = tuple((tuple(terms(text) for text in (entry.question, *entry.alternatives)),
                  terms(entry.id.replace("-", " "))) for entry in entries)
    return read, tuple(sorted(words))
