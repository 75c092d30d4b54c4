"""The live knowledge base: one validated version answers questions while a QA lead edits the next.

A reload builds the new knowledge base and its search index completely before swapping them in, in one
assignment under a lock, so a question asked mid-reload is answered from one whole version, never half
of each; a folder with problems is never swapped in, and the previous version keeps answering.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.loader import KnowledgeBase, KnowledgeDiff, load_knowledge
from knowledge.problems import KnowledgeBaseError, Problem
from knowledge.search import KnowledgeSearch


@dataclass(frozen=True)
class LiveKnowledge:
    """A knowledge base with the index built from it: readers take both together, from one version."""

    kb: KnowledgeBase
    search: KnowledgeSearch


@dataclass(frozen=True)
class ReloadResult:
    """What a reload did: the changes when it worked, or every problem when it did not."""

    diff: KnowledgeDiff | None
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0

    @property
    def ok(self) -> bool:
        return self.diff is not None


class KnowledgeService:
    """Holds the version of the knowledge base that is live, and swaps in a new one only when it is valid."""

    def __init__(self, folder: Path, live: LiveKnowledge, cache_folder: Path | None = None) -> None:
        self.folder = Path(folder)
        self.cache_folder = cache_folder  # where parsed files and read wordings are kept between starts
        self._base = live  # as the folder says, before anything people taught it
        self._live = live
        self._learned: tuple[tuple[str, str], ...] = ()  # (entry id, wording) searched as alternatives
        self._reload_lock = threading.Lock()
        self.edit_lock = threading.Lock()  # one bot-made edit of the YAML (write, then reload) at a time

    def fork(self) -> KnowledgeService:
        """The same loaded version with nothing learned: a second bot (a test) sharing one load keeps what
        its own people teach to itself."""
        return KnowledgeService(self.folder, self._base, self.cache_folder)

    def set_learned(self, learned: list[tuple[str, str]]) -> None:
        """Search these (entry id, wording) pairs as alternatives from now on, and no others.

        Adding to what is already learned re-indexes only the entries touched; taking one away starts again
        from the folder's version, which is also quick (no file is read and nothing else is rebuilt).
        """
        with self._reload_lock:
            wanted = tuple(dict.fromkeys(learned))
            if set(self._learned) <= set(wanted):
                search = self._live.search.with_learned(wanted)
            else:
                search = self._base.search.with_learned(wanted)
            self._learned = wanted
            self._live = LiveKnowledge(kb=self._live.kb, search=search)

    @property
    def learned(self) -> tuple[tuple[str, str], ...]:
        """The (entry id, wording) pairs searched as alternatives besides those in the folder."""
        return self._learned

    @classmethod
    def load(cls, folder: Path, cache_folder: Path | None = None) -> KnowledgeService:
        """Load at start; raises KnowledgeBaseError so the bot refuses to start on a broken folder.

        With `cache_folder`, files unchanged since an earlier start are neither parsed nor read into terms
        again (see knowledge.digest_store): a restart at 20,000 entries takes under a second instead of three.
        """
        return cls(folder, _build(Path(folder), cache_folder), cache_folder)

    @property
    def current(self) -> LiveKnowledge:
        """The live version: take it once per question so the entry and the index always agree."""
        return self._live

    def check_folder(self) -> tuple[list[Problem], KnowledgeBase | None]:
        """The folder as it is on disk now, validated but not made live: what `kb check` reports on.

        Returns every problem found, or none and the loaded content (for the checks that need it whole)."""
        try:
            return [], load_knowledge(self.folder, cache_folder=self.cache_folder)
        except KnowledgeBaseError as error:
            return list(error.problems), None

    def reload(self) -> ReloadResult:
        """Build the folder's current content; swap it in if valid, else keep the live one and say why."""
        with self._reload_lock:
            older = self._live
            try:
                newer = _build(self.folder, self.cache_folder)
            except KnowledgeBaseError as error:
                return ReloadResult(diff=None, problems=error.problems, entries=len(older.kb.entries))
            self._base = newer
            self._live = LiveKnowledge(kb=newer.kb, search=newer.search.with_learned(self._learned))
            return ReloadResult(diff=newer.kb.diff(older.kb), entries=len(newer.kb.entries))


def _build(folder: Path, cache_folder: Path | None = None) -> LiveKnowledge:
    kb = load_knowledge(folder, cache_folder=cache_folder)
    return LiveKnowledge(kb=kb, search=KnowledgeSearch(kb, cache_folder=cache_folder))
