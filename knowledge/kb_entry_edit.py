"""Change one field of an existing entry from chat: its answer, its question, an alternative added or taken away,
or its review date.

Entries could only be edited in their files (`kb edit <id>` said which), so a QA lead in Slack had to find someone
with the repository to change a sentence. The change is made as `kb_writer` makes a new entry: ruamel.yaml's
round trip (comments, order and quoting kept), refused unless the file's only difference is the lines of that one
field, checked exactly as `kb check` checks the folder (the same loader and content checks) and written atomically.
The caller reloads, records the trail and screens what is said back; this module knows nothing of the bot.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from knowledge.entries import Entry, wording_key
from knowledge.kb_writer import (
    Check,
    WriteResult,
    _answer_text,
    _date_or_text,
    _dump,
    _text,
    _validate_and_write,
    add_alternative,
    entry_to_edit,
    open_for_edit,
)
from knowledge.loader import KnowledgeBase
from knowledge.problems import Problem

FIELDS = ("answer", "question", "add_alternative", "remove_alternative", "review_by")
KEYS = {"answer": "answer", "question": "question", "add_alternative": "alternatives",
        "remove_alternative": "alternatives", "review_by": "review_by"}
ONE_FIELD_ONLY = ("this change would also change how other lines of the file are written; edit the entry by hand "
                  "instead.")


@dataclass(frozen=True)
class EntryChange:
    """One field of an entry changed: `field` one of FIELDS, `text` the new text (`review_by` as YYYY-MM-DD, read
    by the caller with `knowledge.dates.parse_full_date`; for `remove_alternative`, the alternative to take away)."""

    field: str
    text: str


def edit_entry(folder: Path, entry_id: str, change: EntryChange, checks: Iterable[Check] = (),
               known: KnowledgeBase | None = None, dry_run: bool = False) -> WriteResult:
    """Make `change` to entry `entry_id` in the file it is written in; `known` and `dry_run` as for
    `kb_writer.add_alternative` (which an added alternative is). `unchanged` when the entry already says it."""
    folder = Path(folder)
    if change.field == "add_alternative":
        return add_alternative(folder, entry_id, change.text, checks, known=known, dry_run=dry_run)
    entry = entry_to_edit(folder, entry_id, known)
    if isinstance(entry, WriteResult):
        return entry
    if _says_already(entry, change):
        return WriteResult(entry.file, entry_id, False, unchanged=True)
    opened = open_for_edit(folder, entry)
    if isinstance(opened, WriteResult):
        return opened
    original, data, raw = opened
    missing = _apply(raw, change, entry)
    if missing is not None:
        return WriteResult(entry.file, entry_id, False, [missing])
    key = KEYS[change.field]
    return _validate_and_write(folder, entry.file, original, _dump(data), entry_id, _expected(change), checks,
                               dry_run, lambda old, new: only_field_changed(old, new, entry_id, key), ONE_FIELD_ONLY)


def _says_already(entry: Entry, change: EntryChange) -> bool:
    text = " ".join(change.text.split())
    if change.field == "answer":
        return entry.answer == _answer_text(change.text)
    if change.field == "question":
        return entry.question == text
    if change.field == "review_by":
        return str(entry.review_by) == text
    return False


def _apply(raw: CommentedMap, change: EntryChange, entry: Entry) -> Problem | None:
    """Make the change in the entry's mapping as read for editing; the problem when there is nothing to change."""
    if change.field == "answer":
        answer = _answer_text(change.text)
        raw["answer"] = LiteralScalarString(answer) if "\n" in answer else _text(answer)
    elif change.field == "question":
        raw["question"] = _text(" ".join(change.text.split()))
    elif change.field == "review_by":
        if "review_by" in raw:
            raw["review_by"] = _date_or_text(change.text)
        else:
            _add_last(raw, "review_by", _date_or_text(change.text))
    else:
        return _remove_alternative(raw, change.text, entry)
    return None


def _add_last(raw: CommentedMap, key: str, value: object) -> None:
    """`key` added as the entry's last field, above the blank line or comment that followed the entry (ruamel keeps
    those with the last field's value: left there, the new field would come after them)."""
    last = list(raw)[-1]
    comment = raw.ca.items.get(last)
    raw.insert(len(raw), key, value)
    if comment is not None and len(comment) > 2 and comment[2] is not None:
        raw.ca.items[key] = [None, None, comment[2], None]
        comment[2] = None


def _remove_alternative(raw: CommentedMap, text: str, entry: Entry) -> Problem | None:
    alternatives = raw.get("alternatives")
    wanted = wording_key(text)
    if isinstance(alternatives, CommentedSeq):
        for index, alternative in enumerate(alternatives):
            if isinstance(alternative, str) and wording_key(alternative) == wanted:
                del alternatives[index]
                if not alternatives:
                    del raw["alternatives"]
                return None
    return Problem(entry.file, entry.line, f"entry '{entry.id}' has no alternative \"{' '.join(text.split())}\"; "
                                           "give one of its alternatives word for word.")


def _expected(change: EntryChange) -> dict[str, str]:
    """What the entry must say once loaded back (`kb_writer._faithful`)."""
    text = " ".join(change.text.split())
    if change.field == "answer":
        return {"answer": _answer_text(change.text)}
    if change.field == "remove_alternative":
        return {}  # the alternative as written is gone: checked by the diff, which touches only that list
    return {"question": text} if change.field == "question" else {"review_by": text}


def field_span(text: str, entry_id: str, key: str) -> tuple[int, int] | None:
    """The lines (from, up to) of field `key` of entry `entry_id` in `text`, counted from 0: its key's line and
    every line under it up to the entry's next key or its end; None when the entry has no such field."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("- id:") or stripped[5:].strip().strip("'\"") != entry_id:
            continue
        indent = len(line) - len(line.lstrip()) + 2
        start = None
        for later in range(number + 1, len(lines) + 1):
            following = lines[later] if later < len(lines) else ""
            ends = later == len(lines) or (following.strip() and len(following) - len(following.lstrip()) < indent)
            is_key = not ends and len(following) - len(following.lstrip()) == indent \
                and not following.lstrip().startswith(("#", "-")) and ":" in following
            if start is not None and (ends or is_key):
                return start, later
            if is_key and following.strip().split(":", 1)[0] == key:
                start = later
            if ends:
                return None
    return None


def only_field_changed(original: str, new: str, entry_id: str, key: str) -> bool:
    """True when `new` differs from `original` only within field `key` of entry `entry_id` (added, changed or
    taken away): the diff a person editing that one field would make."""
    before, after = field_span(original, entry_id, key), field_span(new, entry_id, key)
    matcher = difflib.SequenceMatcher(a=original.splitlines(), b=new.splitlines(), autojunk=False)
    for tag, first, last, new_first, new_last in matcher.get_opcodes():
        if tag == "equal":
            continue
        if not _within(first, last, before) or not _within(new_first, new_last, after):
            return False
    return True


def _within(first: int, last: int, span: tuple[int, int] | None) -> bool:
    if first == last:
        return True  # no lines on this side
    return span is not None and span[0] <= first and last <= span[1]
