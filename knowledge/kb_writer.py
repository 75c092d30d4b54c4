"""Write a QA lead's change into the knowledge base's YAML: a new wording of an entry, or a new entry.

The files are edited by hand too, so a change made from Slack must look like one a person typed: ruamel.yaml's
round-trip mode keeps comments, key order, quoting and blank lines, and the change is refused unless the
file's only difference is the lines added. The edited text is validated exactly as `kb check` validates the
folder (the same loader, plus the caller's content checks such as the identifier screen) before anything is
written, and then written atomically (a temporary file beside it, then `os.replace`), so a reload or a
`kb check` running at the same moment sees the old file or the new one, never half of either. The check a form
makes while Slack waits, of a new entry into a folder unchanged since it was loaded, reads the one file and checks
the entry against what is loaded, with the loader's own code and words (`_check_appended`).

The caller reloads the live knowledge and records the trail entry; this module knows nothing of the bot.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

from knowledge.disk_lines import fields_on_disk, on_disk
from knowledge.entries import (
    MAX_ANSWER_CHARS,
    Entry,
    EntryRef,
    EntryTexts,
    entry_references,
    parse_entries,
    wording_key,
)
from knowledge.entry_ids import new_entry_id
from knowledge.loader import KnowledgeBase, load_knowledge, matches_disk, problems_between
from knowledge.problems import KnowledgeBaseError, Problem
from knowledge.yamlsource import YamlLoadError, load_yaml_with_lines

# What an edit's check reads: the folder's entries as the edit leaves them (every entry as written, when the
# folder has other problems), as `kb check` screens them.
Check = Callable[[Iterable[EntryTexts]], list[Problem]]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
BLANK_BETWEEN = re.compile(r"\n[ \t]*\n[ \t]*- ")  # a file that keeps a blank line between entries
ANSWER_LINE = re.compile(r"^[ \t]+(?:- )?answer:[ \t]*([|>])?", re.MULTILINE)  # an entry's answer, and its style
TOP_LEVEL_LINE = re.compile(r"^[^\s#][^\r\n]*", re.MULTILINE)
ENTRY_FIELDS = ("question", "answer", "tags", "source", "owner", "review_by")


@dataclass(frozen=True)
class NewEntry:
    """What a QA lead filled in for a new entry; `review_by` as YYYY-MM-DD (the caller reads the date typed, in
    whichever form, with `knowledge.dates.parse_full_date`), `id` made from the question when not given."""

    question: str
    answer: str
    tags: tuple[str, ...] = ()
    source: str | None = None
    owner: str | None = None
    review_by: str | None = None
    id: str | None = None
    alternatives: tuple[str, ...] = ()  # other wordings it answers: the askers' words, for an unanswered question


@dataclass(frozen=True)
class WriteResult:
    """What a write did: `written` with no problems, or the problems `kb check` would report and nothing
    written. `field_lines` gives the line of each field of the entry written (or refused), so a form can put
    a problem beside the field it is about."""

    file: str
    entry_id: str
    written: bool
    problems: list[Problem] = field(default_factory=list)
    field_lines: dict[str, int] = field(default_factory=dict)
    unchanged: bool = False  # the wording was already the entry's question or one of its alternatives

    @property
    def ok(self) -> bool:
        return not self.problems

    def field_of(self, problem: Problem) -> str | None:
        """The field of the entry written (or refused) that a problem is about, by the field named after the
        entry's label or else by its line; None for a problem about another entry or file, or about the entry
        as a whole (its `- id:` line: the QA lead typed no id, so there is no field to point at)."""
        if problem.file != self.file:
            return None
        for name in ENTRY_FIELDS:
            if re.search(rf"entry '{re.escape(self.entry_id)}' (has (an |a |no )?)?`?{name}\b", problem.message):
                return name
        for name, line in self.field_lines.items():
            if problem.line == line and name != "id":
                return name
        return None


def _yaml() -> YAML:
    """Round-trip YAML set up the way the shipped files are written (2-space maps, `  - ` lists, long lines)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def add_alternative(folder: Path, entry_id: str, wording: str, checks: Iterable[Check] = (),
                    known: KnowledgeBase | None = None, dry_run: bool = False) -> WriteResult:
    """Add `wording` to the `alternatives:` of entry `entry_id`, in the file the entry is written in.

    `known` is the knowledge base as last loaded (to find the entry's file without reading the folder twice);
    `dry_run` checks everything and writes nothing, for a form that must answer within Slack's three seconds.
    """
    folder = Path(folder)
    wording = " ".join(wording.split())
    entry = entry_to_edit(folder, entry_id, known)
    if isinstance(entry, WriteResult):
        return entry
    if not wording:
        return WriteResult(entry.file, entry_id, False, [Problem(entry.file, entry.line,
                                                                 "the wording is empty; give the question.")])
    if wording_key(wording) in {wording_key(text) for text in (entry.question, *entry.alternatives)}:
        return WriteResult(entry.file, entry_id, False, unchanged=True)
    opened = open_for_edit(folder, entry)
    if isinstance(opened, WriteResult):
        return opened
    original, data, raw = opened
    alternatives = raw.get("alternatives")
    if alternatives is None:
        alternatives = CommentedSeq()
        raw.insert(list(raw).index("question") + 1 if "question" in raw else len(raw), "alternatives", alternatives)
    alternatives.append(_text(wording))
    return _validate_and_write(folder, entry.file, original, _dump(data), entry_id,
                               {"alternatives": wording}, checks, dry_run)


def entry_to_edit(folder: Path, entry_id: str, known: KnowledgeBase | None) -> Entry | WriteResult:
    """Entry `entry_id` of `known` (else of the folder as it loads now), or the refusal saying why there is none."""
    kb, problems = (known, []) if known is not None else _current(folder)
    if kb is None:
        return WriteResult("", entry_id, False, problems)
    entry = kb.entries.get(entry_id)
    if entry is None:
        return WriteResult("", entry_id, False, [Problem("", None, f"no entry has the id '{entry_id}'; "
                                                                   "pick one from the knowledge base.")])
    return entry


def open_for_edit(folder: Path, entry: Entry) -> tuple[str, Any, CommentedMap] | WriteResult:
    """The entry's file as text and as read for editing, and the entry's own mapping in it; or the refusal when the
    file cannot be read so, or no longer holds the entry."""
    original = _read(folder / entry.file)
    data, unreadable = _round_trip(original, entry.file)
    if unreadable is not None:
        return WriteResult(entry.file, entry.id, False, [unreadable])
    try:
        return original, data, _entry_mapping(data, entry.id)
    except LookupError:
        gone = Problem(entry.file, None, f"entry '{entry.id}' is no longer in this file; reload, then try again.")
        return WriteResult(entry.file, entry.id, False, [gone])


def add_entry(folder: Path, file: str, new: NewEntry, checks: Iterable[Check] = (),
              known: KnowledgeBase | None = None, dry_run: bool = False) -> WriteResult:
    """Append a new entry to the `entries:` list of `file` (relative to the folder, like `kb/timescales.yaml`).

    `known` and `dry_run` as for `add_alternative`; the id is made from the question, unique among the ids the
    folder holds (the check refuses an id used twice should `known` be out of date).

    A dry run against a `known` the folder on disk still matches (`matches_disk`: no file edited by hand, added or
    removed since it was loaded) checks the new entry alone against it (`_check_appended`): what checking the
    whole folder again would find, in the same words, without reading every file (at 20,000 entries that took
    longer than Slack waits for a form). `checks` then see the new entry only: `known`'s entries were checked
    when it was made live. The write itself always checks the whole folder."""
    folder = Path(folder)
    kb, problems = (known, []) if known is not None else _current(folder)
    if kb is None:
        return WriteResult(file, new.id or "", False, problems)
    path = folder / file
    original = _read(path) if path.is_file() and path.suffix == ".yaml" else None
    if dry_run and original is not None and _added_after_last_line(original) \
            and matches_disk(kb, folder):  # after reading the file: an edit meanwhile changes its stamp
        quick = _check_appended(file, original, new, kb, checks)
        if quick is not None:
            return quick
    data, unreadable = _round_trip(original, file) if original is not None else (None, None)
    if unreadable is not None:
        return WriteResult(file, new.id or "", False, [unreadable])
    if not isinstance(data, CommentedMap) or not isinstance(data.get("entries"), CommentedSeq):
        return WriteResult(file, new.id or "", False, [Problem(file, None, "this file has no `entries:` list to add "
                                                                           "to; pick another file.")])
    entry_id = new.id or new_entry_id(new.question, kb.entries)
    entries = data["entries"]
    block = answers_in_blocks(original or "")
    entries.append(_entry_map(entry_id, new, block))
    if BLANK_BETWEEN.search(original or ""):
        entries.yaml_set_comment_before_after_key(len(entries) - 1, before="\n")
    return _validate_and_write(folder, file, original or "", _dump(data), entry_id, _expected(new, block), checks,
                               dry_run)


def answers_in_blocks(text: str) -> bool:
    """Whether most answers in a file's `text` are written as `answer: |` blocks, as the shipped files write them:
    a new entry's one-line answer is then written as a block too, not as one long quoted line among blocks (trial
    44), so it reads, diffs and edits by hand like its neighbours."""
    styles = [found.group(1) for found in ANSWER_LINE.finditer(text)]
    blocks = sum(1 for style in styles if style)
    return blocks > len(styles) - blocks


def answer_scalar(answer: str, block: bool) -> str:
    """`answer` (as `_answer_text` gives it) as written: a `|` block when it has several lines or `block` (its
    neighbours' style), then ending in a line break as the loader reads a block back; else one line. A one-line
    answer at the length limit stays one line: the block's line break would count against the limit."""
    if "\n" in answer or (block and answer and len(answer) < MAX_ANSWER_CHARS):
        return LiteralScalarString(answer if answer.endswith("\n") else answer + "\n")
    return _text(answer)


def _expected(new: NewEntry, block: bool) -> dict[str, str]:
    """What the new entry must say once loaded back, for `_faithful`."""
    return {"question": " ".join(new.question.split()), "answer": str(answer_scalar(_answer_text(new.answer), block)),
            **({"alternatives": " ".join(new.alternatives[0].split())} if new.alternatives else {})}


def _added_after_last_line(text: str) -> bool:
    """True when an entry added to this file goes after its last line, as the writer adds one to a file laid
    out as the shipped ones are: `entries:` the last top-level key, its entries written `  - `, and the file
    ending in a line of YAML (a comment or blank line at the end may stay below the new entry). Any other file
    is edited whole to see where the entry goes."""
    lines = text.splitlines()
    if not text.endswith("\n") or not lines[-1].strip() or lines[-1].lstrip().startswith("#"):
        return False
    top = list(TOP_LEVEL_LINE.finditer(text))
    if not top or top[-1].group().rstrip() != "entries:":
        return False
    after = text[top[-1].end():].splitlines()
    first = next((line for line in after if line.strip() and not line.lstrip().startswith("#")), "")
    return first.startswith("  - ") and not first[4:5].isspace()


def _check_appended(file: str, original: str, new: NewEntry, kb: KnowledgeBase, checks: Iterable[Check]
                    ) -> WriteResult | None:
    """`add_entry`'s dry run against `kb`, the folder as it is on disk: the new entry as the file would hold it
    (`original` with it added after the last line), read by the loader's own code at the lines it would be at,
    and compared with the entries of `kb` sharing its id or its question's wording. Every other entry was
    checked when `kb` loaded and stays as it was, so this finds what `_validate_and_write` would, in its order.
    None when the entry would leave the file unreadable (a control character typed): the whole folder is then
    checked, which also tells what else points at the file's entries."""
    entry_id = new.id or new_entry_id(new.question, kb.entries)
    document = CommentedMap()
    in_blocks = answers_in_blocks(original)
    document["entries"] = CommentedSeq([_entry_map(entry_id, new, in_blocks)])
    blank = bool(BLANK_BETWEEN.search(original))
    block = _dump(document)  # `entries:`, then the entry's lines as the file gets them
    lines = _field_lines(original + "\n" * blank + block.split("\n", 1)[1], entry_id)
    text = "\n" * (len(original.splitlines()) + blank - 1) + block  # each of the entry's lines at its line
    problems: list[Problem] = []
    try:
        items = load_yaml_with_lines(text, file, problems)["entries"]
    except YamlLoadError:
        return None
    found, entry_problems = parse_entries(items, file)
    [ref] = entry_references(items, file)
    sharing = {entry.id: entry for entry in kb.entries_saying(ref.question or "")}
    if entry_id in kb.entries:
        sharing[entry_id] = kb.entries[entry_id]
    order = {name: number for number, name in enumerate(kb.file_digests)}
    refs = sorted([*map(_reference, sharing.values()), ref], key=lambda one: (order[one.file], one.line or 0))
    problems += [*entry_problems, *problems_between(refs)]
    if problems:
        return WriteResult(file, entry_id, False, [*problems, *(problem for check in checks
                                                                 for problem in check([ref]))], lines)
    problems = [problem for check in checks for problem in check(found)]
    if problems:
        return WriteResult(file, entry_id, False, problems, lines)
    if not _faithful(found[0], _expected(new, in_blocks)):
        return WriteResult(file, entry_id, False, [_unfaithful(file, lines)], lines)
    return WriteResult(file, entry_id, False, [], lines)


def _reference(entry: Entry) -> EntryRef:
    """A loaded entry as the loader's checks between entries read it."""
    return EntryRef(entry.id, entry.related, entry.file, entry.line, entry.question, entry.alternatives,
                    entry.answer, entry.source, entry.tags, entry.alternative_lines)


def _current(folder: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    try:
        return load_knowledge(folder), []
    except KnowledgeBaseError as error:
        return None, error.problems


FIX_BY_HAND = ("Nothing was written: fix the file by hand (`/audit kb check` or `audit-bot kb check` lists every "
               "problem), `/audit kb reload`, then try again.")


def _round_trip(text: str, file: str) -> tuple[Any, Problem | None]:
    """The file as ruamel reads it for editing, or the problem when it is not YAML at all (a hand edit broke it
    while the bot ran): with its line, in `kb check`'s words, and what to do, never a traceback."""
    try:
        return _yaml().load(text), None
    except RuamelError as error:
        try:
            load_yaml_with_lines(text, file)
        except YamlLoadError as unreadable:  # the loader's own words, as `kb check` gives them
            return None, _fix_by_hand(unreadable.problem)
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        what = getattr(error, "problem", None) or type(error).__name__
        return None, Problem(file, mark.line + 1 if mark is not None else None,
                             f"this file cannot be read for editing ({what}). {FIX_BY_HAND}")


def _fix_by_hand(problem: Problem) -> Problem:
    return Problem(problem.file, problem.line, f"{problem.message} {FIX_BY_HAND}")


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _entry_mapping(data: Any, entry_id: str) -> CommentedMap:
    for raw in data["entries"]:
        if isinstance(raw, CommentedMap) and str(raw.get("id", "")).strip() == entry_id:
            return raw
    raise LookupError(entry_id)  # pragma: no cover - the loader found the entry in this file


_RESOLVER = pyyaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


def _text(value: str) -> str:
    """Text the loader (PyYAML, YAML 1.1) reads back as text: `yes`, `off` or `1:20` written plain would be
    read as a yes/no value or a number, so those are quoted; ruamel quotes the rest as YAML needs."""
    if _RESOLVER.resolve(pyyaml.ScalarNode, value, (True, False)) != _STR_TAG:
        return SingleQuotedScalarString(value)
    return value


def _answer_text(answer: str) -> str:
    lines = [line.rstrip() for line in answer.strip("\n").replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip() + ("\n" if len(lines) > 1 else "")


def _entry_map(entry_id: str, new: NewEntry, block: bool = False) -> CommentedMap:
    entry = CommentedMap()
    entry["id"] = _text(entry_id)
    entry["question"] = _text(" ".join(new.question.split()))
    alternatives = [_text(" ".join(text.split())) for text in new.alternatives if text.strip()]
    if alternatives:
        entry["alternatives"] = CommentedSeq(alternatives)
    entry["answer"] = answer_scalar(_answer_text(new.answer), block)
    tags = [_text(" ".join(tag.split())) for tag in new.tags if tag.strip()]
    if tags:
        flow = CommentedSeq(tags)
        flow.fa.set_flow_style()
        entry["tags"] = flow
    for key, value in (("source", new.source), ("owner", new.owner)):
        if value and value.strip():
            entry[key] = _text(" ".join(value.split()))
    review = (new.review_by or "").strip()
    if review:
        entry["review_by"] = _date_or_text(review)
    return entry


def _date_or_text(text: str) -> dt.date | str:
    if ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def only_added_lines(original: str, new: str) -> bool:
    """True when `new` is `original` with lines inserted and nothing else changed."""
    matcher = difflib.SequenceMatcher(a=original.splitlines(keepends=True), b=new.splitlines(keepends=True),
                                      autojunk=False)
    return all(tag in ("equal", "insert") for tag, *_ in matcher.get_opcodes())


ADDED_ONLY = "adding this would also change how other lines of the file are written; add it by hand instead."


def _validate_and_write(folder: Path, file: str, original: str, new_text: str, entry_id: str,
                        expected: dict[str, str], checks: Iterable[Check], dry_run: bool = False,
                        faithful_diff: Callable[[str, str], bool] = only_added_lines,
                        unfaithful_diff: str = ADDED_ONLY) -> WriteResult:
    """Check the edited text like `kb check`, then write it atomically; nothing is written on any problem.
    `faithful_diff` says whether the edit changes only what it means to (by default: lines added, nothing else);
    when it does not, the edit is refused with `unfaithful_diff`."""
    crlf = "\r\n" in original
    if crlf:
        new_text = new_text.replace("\r\n", "\n").replace("\n", "\r\n")
    lines = _field_lines(new_text, entry_id)

    def refused(problems: list[Problem]) -> WriteResult:  # at the lines on disk (trial 44, F10)
        return WriteResult(file, entry_id, False, on_disk(problems, file, original, new_text),
                           fields_on_disk(lines, original, new_text))

    if not faithful_diff(original, new_text):
        return refused([Problem(file, None, unfaithful_diff)])
    try:
        kb = load_knowledge(folder, {file: new_text})
    except KnowledgeBaseError as error:  # a file broken by hand says how to fix it; the rest as `kb check` says
        # ...and, as `kb check` does, the content checks on every entry as written (the new one among them when
        # its texts could be read, one whose id is used twice too), so a bad owner and a phone number in the
        # answer are told together (after the folder's own problems, as the form has always listed them).
        return refused([*(_fix_by_hand(problem) if problem.message.startswith("YAML syntax error") else problem
                          for problem in error.problems),
                        *(problem for check in checks for problem in check(error.texts))])
    problems = [problem for check in checks for problem in check(kb.entries.values())]
    if problems:
        return refused(problems)
    if not _faithful(kb.entries.get(entry_id), expected):
        return refused([_unfaithful(file, lines)])
    if dry_run:
        return WriteResult(file, entry_id, False, [], lines)
    try:
        _replace_atomically(folder / file, original, new_text)
    except _ChangedOnDisk:
        return refused([Problem(file, None, "the file was changed by someone else while I was writing to it; "
                                            "nothing was written: try again.")])
    except OSError as error:
        return refused([Problem(file, None, f"the file cannot be written ({error.strerror}); check that the "
                                            "knowledge folder is writable by the bot.")])
    return WriteResult(file, entry_id, True, [], lines)


def _unfaithful(file: str, lines: dict[str, int]) -> Problem:
    return Problem(file, lines.get("question"), "this text cannot be written to YAML exactly as typed; simplify "
                                                "its punctuation or add it by hand.")


def _faithful(entry: Entry | None, expected: dict[str, str]) -> bool:
    """The entry as loaded back says what was meant (YAML escaping cannot have changed a character)."""
    if entry is None:
        return False
    for key, value in expected.items():
        if key == "alternatives":
            if value not in entry.alternatives:
                return False
        elif key == "review_by":
            if str(entry.review_by) != value:
                return False
        elif getattr(entry, key) != value:
            return False
    return True


def _field_lines(text: str, entry_id: str) -> dict[str, int]:
    """The line of each field of entry `entry_id` in `text`, for pointing a form's errors at its fields.

    Read from the text as written (an entry starts `- id: <id>`, its fields are the keys indented under it):
    parsing the file again would cost as much as the whole edit."""
    lines = text.splitlines()
    start = re.compile(rf"""^([ \t]*)- id:[ \t]*['"]?{re.escape(entry_id)}['"]?[ \t]*(?:#.*)?$""")
    for number, line in enumerate(lines):
        found = start.match(line)
        if found is None:
            continue
        indent = len(found.group(1)) + 2
        fields = {"id": number + 1}
        key = re.compile(rf"^ {{{indent}}}([A-Za-z_]+):")
        for later, following in enumerate(lines[number + 1:], start=number + 2):
            if following.strip() and len(following) - len(following.lstrip()) < indent:
                break
            if (matched := key.match(following)) is not None:
                fields[matched.group(1)] = later
        return fields
    return {}


class _ChangedOnDisk(Exception):
    """The file is no longer the text the edit was made from."""


def _replace_atomically(path: Path, expected: str, text: str) -> None:
    """Write `text` to a temporary file beside `path` (not ending .yaml, so no reload reads it), flush it to
    disk, then swap it in with os.replace: readers see the whole old file or the whole new one."""
    if _read(path) != expected:
        raise _ChangedOnDisk
    mode = stat.S_IMODE(path.stat().st_mode)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
