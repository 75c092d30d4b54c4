"""Load the whole knowledge folder, validate it and report every problem at once.

The QA lead edits YAML by hand; a reload that stops at the first mistake makes them fix one line at a time,
so the loader keeps going and raises one KnowledgeBaseError listing every problem with file, line and fix.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import cast

import yaml

import knowledge
import knowledge.due_rules
import knowledge.entries
import knowledge.fields
import knowledge.yamlsource
from knowledge.checklist_schema import Checklist, parse_checklists
from knowledge.checklist_texts import texts_as_written
from knowledge.digest_store import DigestStore, source_digest
from knowledge.due_rules import DueRule
from knowledge.entries import Entry, EntryRef, entry_references, parse_entries, wording_key
from knowledge.entry_terms import AHEAD, read_ahead
from knowledge.fields import closest, did_you_mean, type_name
from knowledge.out_of_scope import OutOfScope, check_topics, parse_out_of_scope
from knowledge.problems import EntryIds, KnowledgeBaseError, Problem
from knowledge.side_process import SideProcess
from knowledge.smalltalk import SmallTalk, check_duplicates, parse_smalltalk
from knowledge.vocabulary import check_overlaps, parse_vocabulary
from knowledge.yamlsource import LineDict, YamlLoadError, load_yaml_with_lines

TOP_LEVEL_KEYS = ("entries", "glossary", "checklists", "smalltalk", "concepts", "vocabulary", "out_of_scope")
# What each file of entries parsed to, by the digest of its text: a restart, or a reload after one file was
# edited, parses only the files that changed (see digest_store). The code that parses is part of the digest.
PARSED = DigestStore("parsed-entries", source_digest(
    [*(Path(cast(str, module.__file__)) for module in (knowledge.entries, knowledge.fields, knowledge.yamlsource,
                                                       knowledge.due_rules)),
     Path(__file__)], f"PyYAML {yaml.__version__}"))
# A folder at least this large is parsed by two processes when a core is free (see side_process): below it,
# starting one costs about what it saves.
PARSE_IN_TWO_FROM_BYTES = 2_000_000
# A build that leaves at least this many new objects (a knowledge base of some 5,000 entries or more) hands them
# to gc.freeze, out of the collector's sight (see bulk_build).
FREEZE_FROM_OBJECTS = 1_000_000
MEANING_KEYS = re.compile(r"^(?:glossary|concepts):", re.MULTILINE)  # what search terms are read through
ID_LINE = re.compile(r"""^[ \t-]*id:[ \t]*['"]?([a-z0-9]+(?:-[a-z0-9]+)*)['"]?[ \t]*(?:#.*)?$""", re.MULTILINE)


def default_folder() -> Path:
    """The knowledge folder shipped with the package, used when no folder is configured."""
    return Path(knowledge.__file__).parent


@dataclass(frozen=True)
class KnowledgeDiff:
    """What a reload changed, so the bot can tell the QA lead which answers are new or edited."""

    added: list[str]
    changed: list[str]
    removed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @classmethod
    def between(cls, new: Mapping[str, str], old: Mapping[str, str]) -> KnowledgeDiff:
        """Entries added, edited and removed going from `old` to `new` (entry id -> content digest, as
        `KnowledgeBase.entry_hashes` gives them, or the last good copy kept them)."""
        return cls(added=sorted(set(new) - set(old)),
                   changed=sorted(key for key in set(new) & set(old) if new[key] != old[key]),
                   removed=sorted(set(old) - set(new)))


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the bot knows, validated; `fingerprint` changes whenever any content changes."""

    entries: dict[str, Entry]
    glossary: dict[str, str]
    checklists: dict[str, Checklist]
    folder: Path
    smalltalk: SmallTalk = field(default_factory=SmallTalk)  # greetings and thanks, never logged as questions
    # knowledge/vocabulary.yaml: `concepts` are read as one term by the concept scorer (CLA = looked after);
    # `vocabulary` groups are wider ways of saying an idea, spelt out only to find candidates (BM25)
    concepts: tuple[tuple[str, ...], ...] = ()
    vocabulary: tuple[tuple[str, ...], ...] = ()
    out_of_scope: OutOfScope = field(default_factory=OutOfScope)  # IT, HR, pay, leave: "I can't help with that"
    # file -> digest of the text loaded from it: what the search index's own cache is keyed by
    file_digests: dict[str, str] = field(default_factory=dict)
    # file -> its FileStamp, taken just before it was read: empty unless every file was read from disk, and to
    # be emptied by whatever changes the content after loading, so `matches_disk` never vouches for it
    file_stamps: dict[str, FileStamp] = field(default_factory=dict)

    # Digests are worked out when first asked for (a reload's diff), not on the start-up path.
    @cached_property
    def entry_hashes(self) -> dict[str, str]:
        """A content digest per entry id, to tell which entries a reload added, changed or removed."""
        return {entry_id: _entry_hash(entry) for entry_id, entry in self.entries.items()}

    @cached_property
    def fingerprint(self) -> str:
        """One digest of all the content: equal fingerprints mean nothing a user could see has changed."""
        return _fingerprint(self.entry_hashes, {**self.glossary, "\0vocabulary": repr((self.concepts, self.vocabulary)),
                                                "\0smalltalk": repr(self.smalltalk.groups),
                                                "\0out_of_scope": repr(self.out_of_scope.topics)}, self.checklists)

    @cached_property
    def _wording_owners(self) -> dict[str, tuple[str, ...]]:
        """Each wording (see `wording_key`) -> the ids of the entries whose question or an alternative says it;
        built the first time a wording is looked up (a link), not on the start-up path."""
        owners: dict[str, list[str]] = {}
        for entry in self.entries.values():
            for text in (entry.question, *entry.alternatives):
                found = owners.setdefault(wording_key(text), [])
                if entry.id not in found:
                    found.append(entry.id)
        return {key: tuple(ids) for key, ids in owners.items()}

    def entries_saying(self, wording: str) -> list[Entry]:
        """The entries whose question or an alternative is this wording, case, apostrophes and punctuation aside:
        the search answers such a wording with its one entry, and with none once two entries say it."""
        return [self.entries[entry_id] for entry_id in self._wording_owners.get(wording_key(wording), ())]

    def diff(self, older: KnowledgeBase) -> KnowledgeDiff:
        """Entries added, edited and removed since `older` (by content, ignoring which file or line)."""
        return KnowledgeDiff.between(self.entry_hashes, older.entry_hashes)


FileStamp = tuple[int, int, int]  # (mtime in ns, size, inode): a hand edit or an atomic replace changes it


def _stamp(path: Path) -> FileStamp:
    status = path.stat()
    return status.st_mtime_ns, status.st_size, status.st_ino


def _stamps_now(folder: Path) -> dict[str, FileStamp] | None:
    """Every `.yaml` file under `folder` with its stamp as it is now; None when a `.yml` file (which the loader
    refuses) is there too or a file cannot be looked at."""
    try:
        if next(folder.rglob("*.yml"), None) is not None:
            return None
        return {_relative(path, folder): _stamp(path) for path in folder.rglob("*.yaml") if path.is_file()}
    except OSError:
        return None


def matches_disk(kb: KnowledgeBase, folder: Path) -> bool:
    """True when `kb` was loaded from `folder` as it is on disk now: the same `.yaml` files, none changed since
    (by its modification time, size and inode, looked up without reading a file). Then a check of one change
    against `kb` finds what a check reading the whole folder again would find. A file edited by hand since the
    load, added or deleted, says False, as does a knowledge base loaded from other text or changed after loading.

    (A file rewritten within the file system's clock tick of being read, to the very same size, would not be
    seen; the write that follows such a check checks the whole folder again.)"""
    if not kb.file_stamps or Path(kb.folder).resolve() != Path(folder).resolve():
        return False
    return _stamps_now(Path(folder)) == kb.file_stamps


@dataclass
class _FileContent:
    file: str
    data: dict
    digest: str = ""
    clean: bool = False  # holds only `entries:` and the YAML read without a problem: its parse may be kept
    parsed: tuple[tuple[Entry, ...], tuple[EntryRef, ...]] | None = None  # from the cache: `data` is empty
    stamp: FileStamp | None = None  # the file's, taken before it was read; None for text read in its place


def check_knowledge(folder: Path | None = None) -> list[Problem]:
    """Every problem in the folder, for `kb check`; an empty list means the bot can load it."""
    try:
        load_knowledge(folder)
    except KnowledgeBaseError as error:
        return error.problems
    return []


@contextmanager
def bulk_build() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that all stay alive.

    Loading 20,000 entries creates millions of objects none of which is garbage; left on, the collector
    rescans them again and again and more than doubles the load time. Reference counting still frees
    everything as usual, and the collector's previous state is restored afterwards.

    A large build is then frozen (gc.freeze): otherwise the collector's next pass scans every new object once,
    and later passes again and again (0.1 s of a 20,000-entry first start, and pauses whenever it recurs).
    Frozen objects are still freed by reference counting when a reload replaces them; only garbage cycles
    present at that moment stay (a knowledge base and its index leave about 20 objects in cycles), once per large build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_count()[0] >= FREEZE_FROM_OBJECTS:
                gc.freeze()
            gc.enable()


def load_knowledge(folder: Path | None = None, replaced: Mapping[str, str] | None = None,
                   cache_folder: Path | None = None) -> KnowledgeBase:
    """Read and validate every `*.yaml` under `folder`; raise KnowledgeBaseError listing all problems.

    `replaced` maps a file (relative, like `kb/timescales.yaml`) to text read in place of what is on disk, so
    an edit the bot is about to write is checked exactly as `kb check` would check it once written.
    A file whose exact text was parsed before (in this process, or in `cache_folder` when one is given) is
    not parsed again; a file with any problem always is, so every message is a fresh parse's.
    """
    with bulk_build():
        return _load(Path(folder) if folder is not None else default_folder(), replaced or {}, cache_folder)


def _load(folder: Path, replaced: Mapping[str, str], cache_folder: Path | None) -> KnowledgeBase:
    with ExitStack() as side_work:  # a side process still reading wordings is stopped if the load fails
        problems: list[Problem] = []
        unreadable: dict[str, str] = {}
        contents, ahead = _read_folder(folder, problems, unreadable, replaced, cache_folder, side_work)
        kb = _checked(folder, contents, problems, unreadable, cache_folder)
        if ahead is not None:  # the index takes its terms when it needs them (entry_terms.TermsAhead)
            side_work.pop_all()
            AHEAD.hand_over(*ahead, cache_folder)
        return kb


def _checked(folder: Path, contents: list[_FileContent], problems: list[Problem], unreadable: dict[str, str],
             cache_folder: Path | None) -> KnowledgeBase:

    entries: dict[str, Entry] = {}
    refs: list[EntryRef] = []
    first_seen: dict[str, EntryRef] = {}
    for content in contents:
        found: Sequence[Entry]
        file_refs: Sequence[EntryRef]
        if content.parsed is not None:
            found, file_refs = content.parsed
        elif "entries" in content.data:
            items = content.data["entries"]
            found, entry_problems = parse_entries(items, content.file)
            problems.extend(entry_problems)
            file_refs = entry_references(items, content.file)
            if content.clean and not entry_problems:
                _remember_parse(content, tuple(found), tuple(file_refs), cache_folder)
        else:
            continue
        problems.extend(_duplicate_problems(file_refs, first_seen))
        refs.extend(file_refs)
        for entry in found:
            entries.setdefault(entry.id, entry)
    entry_ids = EntryIds(set(first_seen), unreadable)
    renamed = _used_twice(refs)
    problems[:] = _renamed_once(problems, refs, entry_ids, renamed)
    problems.extend(_related_problems(refs, entry_ids, renamed))
    problems.extend(_repeated_question_problems(refs))

    glossary = _glossary(contents, problems)
    checklists = _checklists(contents, entry_ids, problems)
    problems.extend(entry_ids.unreadable_problems())
    smalltalk = _smalltalk(contents, problems)
    concepts = _vocabulary(contents, problems, "concepts")
    vocabulary = _vocabulary(contents, problems, "vocabulary")
    out_of_scope = _out_of_scope(contents, entry_ids, problems)

    if problems:
        checklist_texts = [text for content in contents if "checklists" in content.data
                           for text in texts_as_written(content.data["checklists"], content.file)]
        raise KnowledgeBaseError(problems, entries=entries, texts=refs, checklist_files=frozenset(
            content.file for content in contents if "checklists" in content.data),
            file_digests={content.file: content.digest for content in contents}, checklist_texts=checklist_texts)
    PARSED.tidy(cache_folder, (content.digest for content in contents))
    stamps = {content.file: content.stamp for content in contents if content.stamp is not None}
    return KnowledgeBase(entries=entries, glossary=glossary, checklists=checklists, folder=folder,
                         smalltalk=smalltalk, concepts=concepts, vocabulary=vocabulary, out_of_scope=out_of_scope,
                         file_digests={content.file: content.digest for content in contents},
                         file_stamps=stamps if len(stamps) == len(contents) else {})


def _read_folder(folder: Path, problems: list[Problem], unreadable: dict[str, str], replaced: Mapping[str, str],
                 cache_folder: Path | None, side_work: ExitStack
                 ) -> tuple[list[_FileContent], tuple[SideProcess, frozenset[str]] | None]:
    """Every file that could be read, and the side process (if one helped) still reading wordings ahead, with
    the digests of the files it reads; ids written in files that could not be read are put in `unreadable`."""
    if not folder.is_dir():
        problems.append(Problem(str(folder), None, "the knowledge folder does not exist; check the path "
                                                   "or create it with at least one .yaml file."))
        return [], None
    paths = sorted(path for path in folder.rglob("*.yaml") if path.is_file())
    for stray in sorted(folder.rglob("*.yml")):
        problems.append(Problem(_relative(stray, folder), None,
                                "files ending .yml are not read; rename it to end .yaml."))
    if not paths:
        problems.append(Problem(str(folder), None, "the knowledge folder has no .yaml files; "
                                                   "add one with an `entries:` list."))
        return [], None
    ahead = _parse_in_two(paths, folder, replaced, cache_folder, side_work)
    contents = []
    for path in paths:
        file = _relative(path, folder)
        try:  # before reading: an edit made while it is read leaves the stamp behind the file
            stamp: FileStamp | None = _stamp(path) if file not in replaced else None
        except OSError:
            stamp = None  # the read below says why
        content = _read_file(path, file, problems, replaced.get(file), cache_folder)
        if content is not None:
            content.stamp = stamp
            contents.append(content)
        else:
            for entry_id in _ids_written_in(path):
                unreadable.setdefault(entry_id, file)
    return contents, ahead


def _parse_in_two(paths: list[Path], folder: Path, replaced: Mapping[str, str], cache_folder: Path | None,
                  side_work: ExitStack) -> tuple[SideProcess, frozenset[str]] | None:
    """Parse a large folder's files of entries in two processes at once (see side_process), filling the parse
    cache: the files are then read as after a restart. Below PARSE_IN_TWO_FROM_BYTES, or with no core to
    spare, nothing is done here (None) and each file is parsed as it is read.

    Only clean files of entries (what the cache keeps) are parsed this way; a file with any problem is parsed
    again as it is read, so every message comes from the usual parse. Once its parse is handed over, the side
    process reads its files' wordings into search terms (entry_terms.read_ahead) while this one checks the
    folder: the side process is returned, with the digests of those files, and its second result is their terms.
    """
    sizes = [path.stat().st_size for path in paths]
    total = sum(sizes)
    if total < PARSE_IN_TWO_FROM_BYTES or len(paths) < 2:
        return None
    split, mine = 0, 0
    while split < len(paths) - 1 and (mine + sizes[split]) * 2 <= total:
        mine += sizes[split]
        split += 1

    def side_work_done_there() -> Iterator[list]:
        parsed = _clean_parses(paths[split:], folder, replaced, cache_folder)
        yield [(digest, _plain_parse(*parse)) for digest, parse in parsed]
        glossary, concepts = _meaning_files(paths, folder, replaced)
        yield read_ahead(((digest, entries) for digest, (entries, _) in parsed), glossary, concepts, cache_folder)

    side = side_work.enter_context(SideProcess(side_work_done_there, stream=True))
    if not side.started:
        return None
    for digest, parsed in _clean_parses(paths[:split], folder, replaced, cache_folder):
        PARSED.put(digest, parsed, cache_folder, _plain_parse(*parsed))
    handed = side.result() or ()
    for digest, plain in handed:
        PARSED.put(digest, _decode_parse(plain), cache_folder, plain)
    return side, frozenset(digest for digest, _ in handed)


def _meaning_files(paths: list[Path], folder: Path, replaced: Mapping[str, str]
                   ) -> tuple[dict[str, str], tuple[tuple[str, ...], ...]]:
    """The glossary and concepts as the folder's files give them (problems aside): in the side process, which
    parsed only its share of the files. Only files with a top-level `glossary:` or `concepts:` are read."""
    contents = []
    for path in paths:
        file = _relative(path, folder)
        text = replaced.get(file)
        if text is None:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        if MEANING_KEYS.search(text):
            content = _read_file(path, file, [], text)
            if content is not None:
                contents.append(content)
    return _glossary(contents, []), _vocabulary(contents, [], "concepts")


def _clean_parses(paths: list[Path], folder: Path, replaced: Mapping[str, str], cache_folder: Path | None
                  ) -> list[tuple[str, tuple[tuple[Entry, ...], tuple[EntryRef, ...]]]]:
    """(digest, parse) of each clean file of entries among `paths` that the parse cache does not hold yet."""
    found = []
    for path in paths:
        file = _relative(path, folder)
        if file in replaced:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        digest = PARSED.key(file, text)
        if PARSED.has(digest, cache_folder):
            continue
        parsed = _clean_entries(text, file)
        if parsed is not None:
            found.append((digest, parsed))
    return found


def _clean_entries(text: str, file: str) -> tuple[tuple[Entry, ...], tuple[EntryRef, ...]] | None:
    """A file's entries and references if it holds only `entries:` and reads without a single problem (what
    `_load` keeps in the parse cache); None otherwise."""
    problems: list[Problem] = []
    try:
        data = load_yaml_with_lines(text, file, problems)
    except YamlLoadError:
        return None
    if problems or not isinstance(data, dict) or list(data) != ["entries"]:
        return None
    items = data["entries"]
    found, entry_problems = parse_entries(items, file)
    if entry_problems:
        return None
    return tuple(found), tuple(entry_references(items, file))


def _ids_written_in(path: Path) -> list[str]:
    """Ids that look written in a file YAML could not read, found line by line (best effort)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return ID_LINE.findall(text)


def _relative(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix()


def _read_file(path: Path, file: str, problems: list[Problem], text: str | None = None,
               cache_folder: Path | None = None) -> _FileContent | None:
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
    except UnicodeDecodeError:
        problems.append(Problem(file, None, "the file is not UTF-8 text; save it as UTF-8."))
        return None
    except OSError as error:
        problems.append(Problem(file, None,
                                f"the file cannot be read ({error.strerror}); check its permissions."))
        return None
    digest = PARSED.key(file, text)
    parsed = PARSED.get(digest, cache_folder, _decode_parse)
    if parsed is not None:
        return _FileContent(file, {}, digest, clean=True, parsed=parsed)
    before = len(problems)
    try:
        data = load_yaml_with_lines(text, file, problems)
    except YamlLoadError as error:
        problems.append(error.problem)
        return None
    if data is None or data == {}:
        problems.append(Problem(file, None, "the file is empty; add an `entries:` list or delete the file."))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(file, getattr(data, "line", 1),
                                f"the file must start with `entries:`, `glossary:`, `checklists:`, `smalltalk:`, "
                                f"`concepts:`, `vocabulary:` or `out_of_scope:`; "
                                f"found {type_name(data)}."))
        return None
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            problems.append(Problem(file, cast(LineDict, data).key_lines.get(key),
                                    f"unknown top-level key `{key}`{did_you_mean(key, TOP_LEVEL_KEYS)}; "
                                    f"a file may hold only {', '.join(TOP_LEVEL_KEYS)}."))
    return _FileContent(file, data, digest, clean=len(problems) == before and list(data) == ["entries"])


def _remember_parse(content: _FileContent, entries: tuple[Entry, ...], refs: tuple[EntryRef, ...],
                    cache_folder: Path | None) -> None:
    """Keep a clean file's entries under its digest; on disk as plain tuples (dates as day numbers)."""
    PARSED.put(content.digest, (entries, refs), cache_folder, _plain_parse(entries, refs))


def _plain_parse(entries: tuple[Entry, ...], refs: tuple[EntryRef, ...]) -> tuple:
    """A file's entries and references as marshal keeps them: plain tuples, dates as day numbers."""
    return (tuple((e.id, e.question, e.alternatives, e.answer, e.tags, e.source, e.owner,
                   e.review_by.toordinal() if e.review_by else None, e.related, e.file, e.line, e.alternative_lines,
                   tuple((rule.what, rule.start, rule.count, rule.unit) for rule in e.due), e.answer_line)
                  for e in entries),
            tuple((r.id, r.related, r.file, r.line, r.question, r.alternatives, r.answer, r.source, r.tags,
                   r.alternative_lines, r.answer_line) for r in refs))


def _decode_parse(plain: tuple) -> tuple[tuple[Entry, ...], tuple[EntryRef, ...]]:
    """The entries and references of a record written by `_remember_parse`."""
    records, refs = plain
    return (tuple(Entry(i, q, alts, a, tags, src, owner, dt.date.fromordinal(day) if day is not None else None,
                        related, file, line, alt_lines, tuple(DueRule(*rule) for rule in due), answer_line)
                  for i, q, alts, a, tags, src, owner, day, related, file, line, alt_lines, due, answer_line
                  in records),
            tuple(EntryRef(*ref) for ref in refs))


def problems_between(refs: list[EntryRef]) -> list[Problem]:
    """What a load finds between these entries alone, in its order and words: ids used twice, then wordings two
    entries share. `refs` in the order the folder is read (its files as `file_digests` lists them, each from the
    top), so the entry reported is the later one, as `kb check` reports it."""
    return [*_duplicate_problems(refs, {}), *_repeated_question_problems(refs)]


def _duplicate_problems(refs: Sequence[EntryRef], first_seen: dict[str, EntryRef]) -> list[Problem]:
    """Ids used twice, whether or not either entry has other problems; `first_seen` spans every file."""
    problems = []
    for ref in refs:
        if ref.id is None:
            continue
        first = first_seen.setdefault(ref.id, ref)
        if first is not ref:
            problems.append(Problem(ref.file, ref.line, f"entry id '{ref.id}' is used twice: here and at "
                                                        f"{first.file}:{first.line}; rename one of them."))
    return problems


def _repeated_question_problems(refs: list[EntryRef]) -> list[Problem]:
    """An entry whose question, or one of its alternatives, repeats a wording of another entry (its question or
    an alternative; case, apostrophes and punctuation aside): the same words would lead to two entries, and the
    search answers neither outright. Read from the entries as written, so an entry with another problem (no
    answer yet) is compared too, and every repeat is reported in the same run as that problem."""
    wordings: list[tuple[EntryRef, str, str, str]] = []
    said_by: dict[str, tuple[EntryRef, str]] = {}  # wording -> the entry saying it first, as its question...
    alternatives: dict[str, tuple[EntryRef, str]] = {}  # ...else as an alternative: a repeat cites the question
    for ref in refs:
        if ref.question is not None:
            key = wording_key(ref.question)
            said_by.setdefault(key, (ref, "question"))
            wordings.append((ref, "question", ref.question, key))
        for text in ref.alternatives:
            key = wording_key(text)
            alternatives.setdefault(key, (ref, "alternative"))
            wordings.append((ref, "alternative", text, key))
    said_by = {**alternatives, **said_by}
    problems = []
    for ref, kind, text, key in wordings:
        first, first_kind = said_by[key]
        if first is ref or (first.id is not None and first.id == ref.id):  # an id used twice is told as that
            continue
        label = f"entry '{ref.id}'" if ref.id else "the entry"
        other = f"entry '{first.id}'" if first.id else "another entry"
        what = "the question" if first_kind == "question" else "an alternative"
        problems.append(Problem(ref.file, ref.line,
                                f"{label} {kind} \"{' '.join(text.split())}\" repeats {what} of {other} "
                                f"({first.file}:{first.line}) word for word; reword one of them, or merge the two "
                                "entries."))
    return problems


def _used_twice(refs: Sequence[EntryRef]) -> list[EntryRef]:
    """The entries whose id an earlier entry already has (each the later one, as `kb check` reports it)."""
    seen: set[str] = set()
    later = []
    for ref in refs:
        if ref.id is not None and ref.id in seen:
            later.append(ref)
        elif ref.id is not None:
            seen.add(ref.id)
    return later


def _missing_hint(other: str, entry_ids: EntryIds, renamed: Sequence[EntryRef]) -> str:
    """What to do about a `related:` id no entry has. While an id is used twice, the missing id is most likely what
    that entry was called before its id was changed (trial 44, F3: a guess at a similar id re-pointed entries to the
    wrong one), so that is said plainly, with no guess."""
    if renamed:
        where = "; ".join(f"'{ref.id}' at {ref.file}:{ref.line}" for ref in renamed)
        return (f"an entry's id was changed into one already used ({where}): if that entry was '{other}' "
                "before, give it its id back, which fixes this line too.")
    suggestion = closest(other, entry_ids.known)
    return f"did you mean `{suggestion}`?" if suggestion else "check the spelling or remove it."


def _renamed_from(refs: list[EntryRef], entry_ids: EntryIds, renamed: Sequence[EntryRef]) -> str | None:
    """The id one entry most likely had before it was renamed into one already used: the one id `related:` lines
    name that no entry has, when one entry alone is renamed so; None otherwise (then each line is told apart)."""
    if len(renamed) != 1:
        return None
    missing = {other for ref in refs for other in ref.related  # not `missing()`, which counts what it is asked
               if other != ref.id and other not in entry_ids.known and other not in entry_ids.unreadable}
    return next(iter(missing)) if len(missing) == 1 else None


def _renamed_once(problems: list[Problem], refs: list[EntryRef], entry_ids: EntryIds,
                  renamed: Sequence[EntryRef]) -> list[Problem]:
    """`problems` with the id-used-twice problem of the one renamed entry saying what its rename broke: the
    entries whose `related:` name its old id, which `_related_problems` then leaves out (trial 51, F23: a duplicate
    id gave two knock-on problems more, 5 for 3 edits)."""
    old = _renamed_from(refs, entry_ids, renamed)
    if old is None:
        return problems
    [ref] = renamed
    naming = [f"'{other.id}' ({other.file}:{other.line})" for other in refs if old in other.related]
    shown = ", ".join(naming[:RENAME_NAMED]) + (f" and {len(naming) - RENAME_NAMED} more"
                                                 if len(naming) > RENAME_NAMED else "")
    said = (f" If it was '{old}' before, give it its id back: {'entry' if len(naming) == 1 else 'entries'} {shown} "
            f"{'is' if len(naming) == 1 else 'are'} related to '{old}', which no entry has now.")
    return [replace(problem, message=problem.message + said)
            if (problem.file, problem.line) == (ref.file, ref.line) and _USED_TWICE_START.match(problem.message)
            else problem for problem in problems]


RENAME_NAMED = 8  # entries named as pointing at a renamed entry's old id, then "and N more"
_USED_TWICE_START = re.compile(r"entry id '[^']+' is used twice: ")


def _related_problems(refs: list[EntryRef], entry_ids: EntryIds,
                      renamed: Sequence[EntryRef] = ()) -> list[Problem]:
    """`related:` ids that point nowhere, checked on every entry, including those with other problems; the old id of
    an entry renamed into one already used is told once, with that id used twice (`_renamed_once`), as is a renamed
    entry listing its new id (the entry it was related to before)."""
    problems = []
    old = _renamed_from(refs, entry_ids, renamed)
    for ref in refs:
        label = f"entry '{ref.id}'" if ref.id else "the entry"
        for other in ref.related:
            if other == ref.id and any(ref is changed for changed in renamed):
                continue
            if other == ref.id:
                problems.append(Problem(ref.file, ref.line, f"{label} lists itself under `related:`; remove it."))
            elif other == old:
                continue
            elif entry_ids.missing(other):
                hint = _missing_hint(other, entry_ids, renamed)
                problems.append(Problem(ref.file, ref.line,
                                        f"{label} is related to '{other}', but no entry has that id; {hint}"))
    return problems


def _glossary(contents: list[_FileContent], problems: list[Problem]) -> dict[str, str]:
    glossary: dict[str, str] = {}
    where: dict[str, str] = {}
    for content in contents:
        if "glossary" not in content.data:
            continue
        terms = content.data["glossary"]
        line = cast(LineDict, content.data).key_lines.get("glossary")
        if not isinstance(terms, dict):
            problems.append(Problem(content.file, line,
                                    "`glossary:` must map each term to its meaning, like "
                                    "`ICPC: initial child protection conference`; "
                                    f"found {type_name(terms)}."))
            continue
        for term, meaning in terms.items():
            term_line = cast(LineDict, terms).key_lines.get(term, line)
            if not isinstance(meaning, str) or not meaning.strip():
                problems.append(Problem(content.file, term_line,
                                        f"glossary term '{term}' has {type_name(meaning)} as its meaning; "
                                        "write the meaning as text (in quotes if it is yes/no or a number)."))
                continue
            key = term.strip()
            if key in glossary and glossary[key] != meaning.strip():
                problems.append(Problem(content.file, term_line,
                                        f"glossary term '{key}' is defined twice with different meanings "
                                        f"(also at {where[key]}); keep one."))
                continue
            glossary[key] = meaning.strip()
            where[key] = f"{content.file}:{term_line}"
    return glossary


def _checklists(contents: list[_FileContent], entry_ids: EntryIds,
                problems: list[Problem]) -> dict[str, Checklist]:
    checklists: dict[str, Checklist] = {}
    for content in contents:
        if "checklists" not in content.data:
            continue
        found, checklist_problems = parse_checklists(content.data["checklists"], content.file, entry_ids)
        # a problem with the list as a whole: at its key
        key_line = cast(LineDict, content.data).key_lines.get("checklists")
        problems.extend(problem if problem.line is not None else Problem(problem.file, key_line, problem.message)
                        for problem in checklist_problems)
        for checklist in found:
            if checklist.id in checklists:
                first = checklists[checklist.id]
                problems.append(Problem(checklist.file, checklist.line,
                                        f"checklist id '{checklist.id}' is used twice: here and at "
                                        f"{first.file}:{first.line}; rename one of them."))
            else:
                checklists[checklist.id] = checklist
    return checklists


def _smalltalk(contents: list[_FileContent], problems: list[Problem]) -> SmallTalk:
    found = []
    for content in contents:
        if "smalltalk" in content.data:
            groups, group_problems = parse_smalltalk(content.data["smalltalk"], content.file)
            problems.extend(group_problems)
            found += [(content.file, group) for group in groups]
    problems.extend(check_duplicates(found))
    return SmallTalk(tuple(group for _, group in found))


def _vocabulary(contents: list[_FileContent], problems: list[Problem], key: str) -> tuple[tuple[str, ...], ...]:
    found = []
    for content in contents:
        if key in content.data:
            groups, group_problems = parse_vocabulary(content.data[key], content.file, key)
            problems.extend(group_problems)
            found += [(content.file, line, group) for line, group in groups]
    problems.extend(check_overlaps(found))
    return tuple(group for _, _, group in found)


def _out_of_scope(contents: list[_FileContent], entry_ids: EntryIds, problems: list[Problem]) -> OutOfScope:
    found = []
    for content in contents:
        if "out_of_scope" in content.data:
            topics, topic_problems = parse_out_of_scope(content.data["out_of_scope"], content.file)
            problems.extend(topic_problems)
            found += [(content.file, topic) for topic in topics]
    problems.extend(check_topics(found, lambda entry_id: not entry_ids.missing(entry_id)))
    return OutOfScope(tuple(topic for _, topic in found))


def _entry_hash(entry: Entry) -> str:
    """A digest of what the entry says (not where it is written), to tell which entries a reload changed.

    Each field is written with its length in front, so the digest is exact without the cost of JSON or repr,
    which matters at 20,000 entries.
    """
    fields = [entry.id, entry.question, *entry.alternatives, "", entry.answer, *entry.tags, "",
              entry.source or "", entry.owner or "", entry.review_by.isoformat() if entry.review_by else "",
              *entry.related]
    text = "".join([f"{len(field)}:{field}" for field in fields])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _fingerprint(entry_hashes: dict[str, str], glossary: dict[str, str],
                 checklists: dict[str, Checklist]) -> str:
    payload = {
        "entries": sorted(entry_hashes.items()),
        "glossary": sorted(glossary.items()),
        "checklists": sorted((c.id, c.title, c.file) for c in checklists.values()),
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()
