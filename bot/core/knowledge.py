"""The live knowledge base: one validated version answers questions while a QA lead edits the next.

A reload builds the new knowledge base and its search index completely before swapping them in, in one
assignment under a lock, so a question asked mid-reload is answered from one whole version, never half
of each; a folder with problems is never swapped in, and the previous version keeps answering.

A start cannot refuse the folder the way a reload does (an outage is worse), so it serves what it can: the last
good copy when the folder has problems, and never an entry whose text the identifier screen refuses (a QA lead
who edits a file and restarts skips the reload's screen otherwise); both are said loudly until a reload works.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import cast

from bot.core.last_good_entries import last_good_versions
from bot.privacy.knowledge_screen import Withheld
from knowledge import last_good
from knowledge.checklist_schema import Checklist
from knowledge.entries import Entry, EntryTexts
from knowledge.known_questions import Moved, edit_moved
from knowledge.loader import PARSED, KnowledgeBase, KnowledgeDiff, load_knowledge
from knowledge.problems import KnowledgeBaseError, Problem
from knowledge.search import KnowledgeSearch

# What a reload asks of the entries besides loading (every entry as written, when some have other problems):
# problems with their file and line.
EntryCheck = Callable[[Iterable[EntryTexts]], list[Problem]]
ChecklistCheck = Callable[[Iterable[Checklist]], list[Problem]]  # the same screen for checklists' texts
# At start: the ids of the checklists to leave out, given the files' digests (what was screened before is known)
StartChecklistCheck = Callable[[Iterable[Checklist], Mapping[str, str]], Collection[str]]
# What a start asks of the entries (with their files' digests) of the knowledge base it is about to serve, or of
# a folder that did not load: the entry texts not to serve, or to list among the folder's problems (the identifier
# screen, bot/privacy/knowledge_screen.start_screen).
StartCheck = Callable[[Iterable[EntryTexts], Mapping[str, str]], list[Withheld]]


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
    entries: int = 0  # live after the reload: the new version's, or the previous one's when it failed
    checklists: int = 0  # the same for checklists
    checklist_files: frozenset[str] = frozenset()  # files of checklists among those with problems' files
    # what the start made live against the version served before it (the last good copy), on the first reload
    # that works after a start that changed entries: that reload's own diff may be empty (trial 14, F13)
    at_start: KnowledgeDiff | None = None
    # checklists added, edited and removed by the reload, by id (trial 21: a question added went live unsaid)
    checklist_diff: KnowledgeDiff | None = None
    # the same for what the start made live against the last good copy (trial 23: a checklist edited before a
    # start was live, and the first reload said "No checklists changed")
    checklists_at_start: KnowledgeDiff | None = None
    # every entry as written when the folder did not load (KnowledgeBaseError.texts): an id used twice is then
    # told with both entries' questions, as `kb check` tells it (trial 44, F16)
    texts: tuple[object, ...] = ()
    # known questions (of the edited entries' words) the reload gave a different outcome (issue #13): a QA lead's
    # edit to one entry can move a borderline question of another, unseen
    moved: tuple[Moved, ...] = ()
    # the checklists as served before the reload: what a changed one's questions were (trial 52, F7)
    checklists_before: Mapping[str, Checklist] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.diff is not None


@dataclass(frozen=True)
class LastGoodStart:
    """The bot started on the last version that loaded cleanly, because the folder had these problems."""

    problems: list[Problem]
    saved_at: datetime | None
    folder: Path | None = None  # the knowledge folder the copy was saved from (resolved): the one that failed
    texts: tuple[object, ...] = ()  # its entries as written (KnowledgeBaseError.texts), to name an id used twice
    warnings: tuple[Problem, ...] = ()  # what `kb check` warns of in the folder (trial 44, F9)


@dataclass(frozen=True)
class WithheldStart:
    """The start's screen refused these entry texts on disk: of their entries, those in `kept` are served as the
    last good copy holds them (saved at `saved_at`), the others not at all, until a reload works."""

    withheld: tuple[Withheld, ...]
    kept: tuple[str, ...] = ()  # entry ids served from the last good copy
    saved_at: datetime | None = None  # when that copy was saved

    @property
    def entry_ids(self) -> list[str]:
        # Withheld from a knowledge base that loaded, whose entries all have ids.
        return list(dict.fromkeys(cast(str, item.entry_id) for item in self.withheld))

    @property
    def left_out(self) -> list[str]:
        """The withheld entries no version of which is served (none ever passed the checks)."""
        return [entry_id for entry_id in self.entry_ids if entry_id not in self.kept]

    @property
    def problems(self) -> list[Problem]:
        """kb check's problems without the words found: the log and notices must not repeat a child's name."""
        return [item.problem for item in self.withheld]

    def summary(self) -> str:
        """One line saying which entries' files on disk are refused, which are served as last good and how many
        are not served, and where each refused text is (file, line, entry, field, the kind found), never the words:
        for the start's log and `audit-bot ask`'s warning."""
        said = []
        if self.kept:
            kept = ", ".join(f"'{entry_id}'" for entry_id in self.kept)
            said.append(f"the last good version of {kept} is served instead of the file on disk")
        if self.left_out:
            count = len(self.left_out)
            said.append(("1 entry is" if count == 1 else f"{count} entries are")
                        + " not served (no version of it passed the checks)")
        return (f"Knowledge-base text could identify a child or family, so {' and '.join(said)}; the rest is served "
                "as on disk: " + "; ".join(item.short() for item in self.withheld))


class KnowledgeService:
    """Holds the version of the knowledge base that is live, and swaps in a new one only when it is valid."""

    def __init__(self, folder: Path, live: LiveKnowledge, cache_folder: Path | None = None) -> None:
        self.folder = Path(folder)
        self.cache_folder = cache_folder  # where parsed files and read wordings are kept between starts
        self._base = live  # as the folder says, before anything people taught it
        self._live = live
        self._learned: tuple[tuple[str, str], ...] = ()  # (entry id, wording) searched as alternatives
        self._exact: frozenset[tuple[str, str]] = frozenset()  # of them, those answered only when asked again
        self._reload_lock = threading.Lock()
        self.edit_lock = threading.Lock()  # one bot-made edit of the YAML (write, then reload) at a time
        # the questions people asked lately (newest first), replayed after a reload to name those it moved
        self.asked_recently: Callable[[], Sequence[str]] = tuple
        # Set when the folder had problems at start and the last good copy was loaded instead; cleared by the
        # first reload that works. QA leads and admins are told while it is set.
        self.last_good_start: LastGoodStart | None = None
        # Set when the start's screen kept entries back; cleared, as the above, by the first reload that works.
        self.withheld_start: WithheldStart | None = None
        self.checklists_withheld: tuple[str, ...] = ()  # checklists the start's screen refused: not offered
        # what every reload asks of the checklists (the identifier screen, set where the bot is composed), so a
        # reload after an edit the bot wrote itself never takes live a checklist edited by hand meanwhile
        self.checklist_check: ChecklistCheck | None = None
        # What a clean start made live against the version served before it (the last good copy), when entries
        # differ: said in the start's log and by the first reload that works, which clears it.
        self.start_changes: KnowledgeDiff | None = None
        self.start_checklist_changes: KnowledgeDiff | None = None  # the same for checklists
        # the checklists (id -> content hash) a QA lead was last told of, while a reload after the bot's own edit
        # took live a checklist edited by hand (said by the next reload told of); None: those live now
        self._checklists_told: dict[str, str] | None = None
        self._checklists_told_as: dict[str, Checklist] = {}  # those checklists themselves, for their questions
        # told of each change other processes on the same database should load too ("folder": a reload that
        # worked, "learned": the learned wordings changed), set where the bot is composed (bot/asking/kb_shared.py)
        self.on_changed: Callable[[str], None] | None = None
        self.seen: tuple[int, int] | None = None  # the changes counted in the database this process has loaded

    def fork(self) -> KnowledgeService:
        """The same loaded version with nothing learned: a second bot (a test) sharing one load keeps what
        its own people teach to itself."""
        fork = KnowledgeService(self.folder, self._base, self.cache_folder)
        fork.last_good_start = self.last_good_start
        fork.withheld_start = self.withheld_start
        fork.checklists_withheld = self.checklists_withheld
        fork.checklist_check = self.checklist_check
        return fork

    def set_learned(self, learned: list[tuple[str, str]], exact_only: Collection[tuple[str, str]] = (),
                    announce: bool = True) -> None:
        """Search these (entry id, wording) pairs as alternatives from now on, and no others; those also in
        `exact_only` (one person's pick) only when the same words are asked again (see `with_learned`).

        Adding to what is already learned re-indexes only the entries touched; taking one away, or a pick a QA
        lead has since linked, starts again from the folder's version, which is also quick (no file is read and
        nothing else is rebuilt).
        """
        with self._reload_lock:
            wanted = tuple(dict.fromkeys(learned))
            exact = frozenset(exact_only) & set(wanted)
            if set(self._learned) <= set(wanted) and exact & set(self._learned) == self._exact:
                search = self._live.search.with_learned(wanted, exact)
            else:
                search = self._base.search.with_learned(wanted, exact)
            changed = (wanted, exact) != (self._learned, self._exact)
            self._learned, self._exact = wanted, exact
            self._live = LiveKnowledge(kb=self._live.kb, search=search)
        if changed and announce and self.on_changed is not None:
            self.on_changed("learned")

    def search_without(self, learned: tuple[str, str]) -> KnowledgeSearch:
        """The live search less one learned (entry id, wording) pair: what the wording would find were it not
        learned, so a check of giving it to its entry for good sees the entry it clashes with, which the live
        search, where the two share it, answers with neither. Built from the folder's version (quick: no file
        is read); the live search itself when the pair is not learned."""
        with self._reload_lock:
            base, learned_now, exact, live = self._base, self._learned, self._exact, self._live
        if learned not in learned_now:
            return live.search
        return base.search.with_learned([pair for pair in learned_now if pair != learned], exact - {learned})

    @property
    def learned(self) -> tuple[tuple[str, str], ...]:
        """The (entry id, wording) pairs searched as alternatives besides those in the folder."""
        return self._learned

    @classmethod
    def load(cls, folder: Path, cache_folder: Path | None = None, fall_back: bool = False,
             start_check: StartCheck | None = None,
             checklist_check: StartChecklistCheck | None = None) -> KnowledgeService:
        """Load at start; raises KnowledgeBaseError on a folder with problems.

        With `cache_folder`, files unchanged since an earlier start are neither parsed nor read into terms
        again (see knowledge.digest_store): a restart at 20,000 entries takes under a second instead of three;
        and each clean load is kept there as the last good copy (knowledge.last_good). With `fall_back`, a
        folder with problems loads that copy instead, when there is one, and `last_good_start` says why: the
        caller must say so loudly. Without a copy, KnowledgeBaseError is raised as before.

        With `start_check` (the identifier screen), the entries whose text it refuses are left out of what is
        served, whichever version loaded, and `withheld_start` says which: the caller must say so too. Such a
        load is not clean, so it is not kept as the last good copy. A folder with problems is screened too, every
        entry as written, and what the screen refuses there comes first among its problems (without the words
        found): the start lists what `kb check` lists, not only what stops the folder loading.
        """
        folder = Path(folder)
        try:
            kb = load_knowledge(folder, cache_folder=cache_folder)
            fell_back: LastGoodStart | None = None
        except KnowledgeBaseError as failed:
            error = _screened_error(failed, start_check)
            copy = last_good.location(cache_folder, folder) if fall_back else None
            if copy is None:
                raise error from None
            try:
                kb = load_knowledge(copy, cache_folder=cache_folder)
            except KnowledgeBaseError:
                raise error from None  # the copy is no use (written by an older version?): the folder's problems
            fell_back = LastGoodStart(error.problems, last_good.saved_at(cache_folder, folder), folder.resolve(),
                                      texts=error.texts)
        kb, withheld = _screened_start(kb, start_check, cache_folder, fell_back is None)
        # a checklist whose text the screen refuses is not offered for new audits (trial 20); `kb check` says where
        held_back = tuple(sorted(set(checklist_check(kb.checklists.values(), kb.file_digests)))) \
            if checklist_check is not None else ()
        if held_back:
            kb = replace(kb, checklists={key: c for key, c in kb.checklists.items() if key not in held_back},
                         file_stamps={})
        service = cls(folder, LiveKnowledge(kb=kb, search=KnowledgeSearch(kb, cache_folder=cache_folder)),
                      cache_folder)
        service.last_good_start = fell_back
        service.withheld_start = withheld
        service.checklists_withheld = held_back
        if fell_back is None:
            service.start_changes = _since_last_good(kb, cache_folder)
            service.start_checklist_changes = _checklists_since_last_good(kb, cache_folder)
        if fell_back is None and not withheld and not held_back:
            _keep_last_good(kb, cache_folder)
        return service

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

    def is_live(self, kb: KnowledgeBase) -> bool:
        """Whether `kb` (the folder as `kb check` just read it) says what the live version says: every entry,
        glossary term and checklist the same, so a reload would change nothing (trial 63 F10: a check right after a
        reload still said "`/audit kb reload` will load it"). The fingerprint names checklists only, so their
        content hashes are compared too. A start on the last good copy still wants its reload: that clears the
        "did not load at start" notice."""
        live = self._live.kb
        return (self.last_good_start is None and kb.fingerprint == live.fingerprint
                and _checklist_hashes(kb) == _checklist_hashes(live))

    def reload(self, entry_check: EntryCheck | None = None,
               checklist_check: ChecklistCheck | None = None, told: bool = True,
               announce: bool = True) -> ReloadResult:
        """Build the folder's current content; swap it in if valid, else keep the live one and say why.

        `entry_check` (what `kb check` also asks of the entries: the identifier screen, bot/asking/kb_check.py)
        runs on the entries before anything is swapped in, on every entry as written when some have other
        problems (an id used twice), so a QA lead's reload refuses what `kb check` refuses, every problem in one
        reply and in its order (what the screen found first). Reloads right after an edit the bot wrote itself
        leave it out: the write checked the whole folder a moment before.

        Its checklist diff is against the checklists a QA lead was last told of (`told`: this reload's is said, as
        `/audit kb reload` says it; a reload after an edit the bot wrote says only that edit). The bot never edits a
        checklist, so one edited by hand that such a reload takes live is said by the next reload told of (trial 23:
        it said "No checklists changed").

        One that works is announced (`on_changed`), so other processes on the same database load it too before they
        next answer (trial 46, F12); their catching up (`announce` off) is not announced again."""
        with self._reload_lock:
            older = self._live
            try:
                kb = load_knowledge(self.folder, cache_folder=self.cache_folder)
            except KnowledgeBaseError as error:
                found = entry_check(error.texts) if entry_check is not None else []
                return ReloadResult(diff=None, problems=[*found, *error.problems], entries=len(older.kb.entries),
                                    checklists=len(older.kb.checklists), checklist_files=error.checklist_files,
                                    texts=error.texts)
            found = entry_check(kb.entries.values()) if entry_check is not None else []
            checklist_check = checklist_check or self.checklist_check
            found += checklist_check(kb.checklists.values()) if checklist_check is not None else []
            if found:
                return ReloadResult(diff=None, problems=found, entries=len(older.kb.entries),
                                    checklists=len(older.kb.checklists))
            newer = LiveKnowledge(kb=kb, search=KnowledgeSearch(kb, cache_folder=self.cache_folder))
            self._base = newer
            self._live = LiveKnowledge(kb=newer.kb, search=newer.search.with_learned(self._learned, self._exact))
            self.last_good_start = None
            self.withheld_start = None
            self.checklists_withheld = ()
            at_start, self.start_changes = self.start_changes, None
            checklists_at_start, self.start_checklist_changes = self.start_checklist_changes, None
            before = self._checklists_told if self._checklists_told is not None else _checklist_hashes(older.kb)
            before_as = self._checklists_told_as if self._checklists_told is not None else dict(older.kb.checklists)
            self._checklists_told = None if told else before
            self._checklists_told_as = {} if told else before_as
            _keep_last_good(newer.kb, self.cache_folder)
            diff, live, learned = newer.kb.diff(older.kb), self._live, self._learned
        if announce and self.on_changed is not None:
            self.on_changed("folder")
        # outside the lock: questions are answered meanwhile (a second or two on the shipped knowledge base)
        moved = edit_moved((older.kb, older.search), (live.kb, live.search),
                           [*diff.added, *diff.changed, *diff.removed], learned, self.asked_recently())
        return ReloadResult(diff=diff, entries=len(newer.kb.entries),
                            checklists=len(newer.kb.checklists), at_start=at_start,
                            checklist_diff=KnowledgeDiff.between(_checklist_hashes(newer.kb), before),
                            checklists_at_start=checklists_at_start, moved=tuple(moved),
                            checklists_before=before_as)


def _checklist_hashes(kb: KnowledgeBase) -> dict[str, str]:
    return {checklist.id: checklist.content_hash for checklist in kb.checklists.values()}


def _screened_start(kb: KnowledgeBase, start_check: StartCheck | None, cache_folder: Path | None,
                    from_folder: bool) -> tuple[KnowledgeBase, WithheldStart | None]:
    """`kb` as a start serves it: an entry whose text the screen refuses is served as the last good copy holds it
    (when `from_folder`: a start already on that copy has no older version), or left out (trial 28)."""
    withheld = start_check(kb.entries.values(), kb.file_digests) if start_check is not None else []
    if not withheld or start_check is None:
        return kb, None
    kept = last_good_versions(withheld, cache_folder, kb.folder, start_check) if from_folder else {}
    saved = last_good.saved_at(cache_folder, kb.folder) if kept else None
    return _without(kb, withheld, kept), WithheldStart(tuple(withheld), tuple(kept), saved)


def _screened_error(error: KnowledgeBaseError, start_check: StartCheck | None) -> KnowledgeBaseError:
    """`error` with what the start's screen refuses in the folder's entries (every entry as written) first among
    its problems, without the words found: the log, the QA leads' notice and a start that cannot go on list what
    `kb check` lists, in its order."""
    if start_check is None:
        return error
    found = [item.problem for item in start_check(error.texts, error.file_digests)]
    if not found:
        return error
    return KnowledgeBaseError([*found, *error.problems], entries=error.entries, texts=error.texts,
                              checklist_files=error.checklist_files, file_digests=error.file_digests)


def _since_last_good(kb: KnowledgeBase, cache_folder: Path | None) -> KnowledgeDiff | None:
    """The entries a clean start made live against the last good copy (what the bot served before: the last clean
    load, or the copy a start on a broken folder fell back to), or None when no entry differs or there is no copy
    to compare. A trial's QA lead fixed a broken folder and restarted, and the reload then said "No entries
    changed" though two entries had just come live. The copy's manifest keeps its entries' digests, so nothing
    is loaded again."""
    before = last_good.saved_entries(cache_folder, kb.folder)
    changes = KnowledgeDiff.between(kb.entry_hashes, before) if before else None
    return changes or None


def _checklists_since_last_good(kb: KnowledgeBase, cache_folder: Path | None) -> KnowledgeDiff | None:
    """The checklists a clean start made live against the last good copy, as `_since_last_good` for entries: a
    checklist edited before a restart was live, and the first reload said "No checklists changed" (trial 23)."""
    before = last_good.saved_checklists(cache_folder, kb.folder)
    changes = KnowledgeDiff.between(_checklist_hashes(kb), before) if before else None
    return changes or None


def _keep_last_good(kb: KnowledgeBase, cache_folder: Path | None) -> None:
    last_good.save(kb.folder, kb.file_digests, cache_folder, PARSED.key, kb.entry_hashes, _checklist_hashes(kb))


def _without(kb: KnowledgeBase, withheld: list[Withheld], kept: Mapping[str, Entry]) -> KnowledgeBase:
    """`kb` without the withheld entries, or with their last good versions in their place (`kept`). The digests
    of their files change too: the search index's cache is keyed by them (knowledge.search), and must never give
    back an index of the entries as written. Its stamps go: a new entry is then checked against the folder as
    written (knowledge.kb_writer), withheld entries too."""
    if not withheld:
        return kb
    gone = {item.entry_id for item in withheld}
    files: dict[str, list[str]] = {}
    for item in withheld:  # from a knowledge base that loaded, whose entries all have ids
        files.setdefault(item.file, []).append(cast(str, item.entry_id))
    for entry in kept.values():
        files.setdefault(entry.file, [])
    digests = {file: (hashlib.sha256("\0".join((digest, "withheld", *sorted(set(files[file])),
                                                "kept", *(repr(kept[key]) for key in sorted(kept))
                                                )).encode()).hexdigest() if file in files else digest)
               for file, digest in kb.file_digests.items()}
    return replace(kb, entries={entry_id: kept.get(entry_id, entry) for entry_id, entry in kb.entries.items()
                                if entry_id not in gone or entry_id in kept},
                   file_digests=digests, file_stamps={})
