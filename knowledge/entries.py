"""Knowledge entries: the questions practitioners ask and the answers the QA lead keeps current."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from knowledge.dates import DateError, NoSuchDay, parse_full_date
from knowledge.due_rules import DueRule, parse_due
from knowledge.fields import ID_PATTERN, OWNER_FORMS, did_you_mean, is_owner, suggested_id, type_name
from knowledge.problems import Problem

BOT_TAG = "audit-bot"  # entries on how the bot works (starting an audit, who sees one), not on practice
MAX_RELATED = 3  # the related entries offered under an answer
MAX_ANSWER_CHARS = 2900  # a Slack section holds 3,000 characters; leave room for the heading
REQUIRED_FIELDS = ("id", "question", "answer")
OPTIONAL_FIELDS = ("alternatives", "tags", "source", "owner", "review_by", "related", "due")
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
# Punctuation is a space, an apostrophe nothing ("what's" is "whats"), capitals small; tables, not a pattern: every
# wording of every entry passes through them on a load, and a bytes table does a plain ASCII wording in one pass.
_PUNCTUATION = str.maketrans({**dict.fromkeys(string.punctuation, " "), **dict.fromkeys("'\u2018\u2019"),
                              **dict.fromkeys("\u201c\u201d\u2013\u2014\u2026", " ")})
_ASCII_PUNCTUATION = string.punctuation.replace("'", "")
_ASCII = bytes.maketrans((_ASCII_PUNCTUATION + string.ascii_uppercase).encode(),
                         (" " * len(_ASCII_PUNCTUATION) + string.ascii_lowercase).encode())


def wording_key(text: str) -> str:
    """A wording as its words: case, apostrophes and punctuation do not make two wordings different, so "When is
    the ICPC due?" and "when is the icpc due" are one wording (the search reads both as the same terms)."""
    if text.isascii():
        return " ".join(text.encode().translate(_ASCII, b"'").decode().split())
    return " ".join(text.casefold().translate(_PUNCTUATION).split())


@dataclass(frozen=True)
class Entry:
    """One question with its answer, where it was written and when it should be reviewed."""

    id: str
    question: str
    alternatives: tuple[str, ...]
    answer: str
    tags: tuple[str, ...]
    source: str | None
    owner: str | None
    review_by: dt.date | None
    related: tuple[str, ...]
    file: str
    line: int
    # The line of each alternative, in order, where the file gives it (a problem with one points at it: trial 11, F20).
    alternative_lines: tuple[int, ...] = ()
    due: tuple[DueRule, ...] = ()  # its timescales, so a question giving a date gets the due date (knowledge.due_rules)
    answer_line: int | None = None  # where `answer:` is written (trial 20: a problem in it pointed at the `- id:`)

    def is_stale(self, today: dt.date) -> bool:
        """Past its review date, so the answer may no longer match guidance and the owner should check it."""
        return self.review_by is not None and self.review_by < today

    @property
    def about_the_bot(self) -> bool:
        """An entry on using the bot (tagged `audit-bot`), not on practice: never guidance beside a checklist
        question (bot.campaigns.guidance)."""
        return BOT_TAG in self.tags


def related_shown(entry: Entry, entries: Mapping[str, Entry]) -> list[str]:
    """The ids of the related entries offered under `entry`'s answer, in the chat and in `audit-bot ask` alike: the
    ones its QA lead listed under `related:` that are served, at most MAX_RELATED."""
    return [other for other in entry.related if other in entries][:MAX_RELATED]


@dataclass(frozen=True)
class EntryRef:
    """An entry's id, `related:` ids and wordings as written, even when the entry has other problems.

    Checks across entries (ids used twice, `related:` pointing nowhere, a wording two entries share) use these,
    so an entry with one problem (no answer yet, say) still has all its other problems reported in the same run.
    """

    id: str | None
    related: tuple[str, ...]
    file: str
    line: int | None
    question: str | None = None  # the question as written, when it is text
    alternatives: tuple[str, ...] = ()  # the alternatives that are text
    answer: str | None = None  # the answer as written, when it is text
    source: str | None = None  # the source as written, when it is text
    tags: tuple[str, ...] = ()  # the tags that are text
    alternative_lines: tuple[int, ...] = ()  # the line of each of those alternatives
    answer_line: int | None = None  # where `answer:` is written


class EntryTexts(Protocol):
    """What the identifier screen reads of an entry: a loaded Entry, or an EntryRef of one with other problems
    (an id used twice, no answer yet), whose texts are screened all the same so `kb check` tells every problem
    in one run."""

    @property
    def id(self) -> str | None: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def question(self) -> str | None: ...
    @property
    def alternatives(self) -> tuple[str, ...]: ...
    @property
    def answer(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def alternative_lines(self) -> tuple[int, ...]: ...
    @property
    def answer_line(self) -> int | None: ...


def texts_of(entry: EntryTexts) -> list[tuple[str, str, int | None]]:
    """(field, text, line) for each text of an entry that could hold an identifier: its question, each alternative, its
    answer and its `due:` rules (shown with a due date), those written as text. An alternative is at its own line (a
    QA lead with twenty of them goes straight to the one at fault), the answer at its `answer:` line, the rest at the
    entry's."""
    lines = entry.alternative_lines if len(entry.alternative_lines) == len(entry.alternatives) else ()
    fields = [("question", entry.question, entry.line),
              *(("alternative", text, lines[n] if lines else entry.line) for n, text in enumerate(entry.alternatives)),
              ("answer", entry.answer, entry.answer_line or entry.line),
              *(("due", f"{rule.what}; {rule.start}", entry.line) for rule in getattr(entry, "due", ()))]
    return [(field, text, line) for field, text, line in fields if text is not None]


def labels_of(entry: EntryTexts) -> list[tuple[str, str]]:
    """(field, text) for the rest of what a QA lead writes of an entry: its source (shown under every answer) and its
    tags. They rightly name authors and judgments, so only a case reference is looked for in them
    (bot/privacy/knowledge_screen.py). Its id is made from its question, which is screened as a whole."""
    fields = [("source", entry.source or ""), *(("tags", tag) for tag in entry.tags)]
    return [(field, text) for field, text in fields if text.strip()]


def entry_label(entry_id: str | None) -> str:
    """How a problem names an entry: by its id, or as "an entry" when it has none (the problem gives its line)."""
    return f"entry '{entry_id}'" if entry_id else "an entry"


def entry_references(items: Any, file: str) -> list[EntryRef]:
    """The id, well-formed `related:` ids and text wordings of every mapping under one file's `entries:` key."""
    if not isinstance(items, list):
        return []
    item_lines = getattr(items, "item_lines", [])
    refs = []
    for index, raw in enumerate(items):
        if not isinstance(raw, dict):
            continue
        line = getattr(raw, "line", item_lines[index] if index < len(item_lines) else None)
        raw_id = raw.get("id")
        entry_id = raw_id.strip() if isinstance(raw_id, str) and raw_id.strip() else None
        related = raw.get("related")
        others = tuple(item.strip() for item in related if isinstance(item, str) and ID_PATTERN.fullmatch(
            item.strip())) if isinstance(related, list) else ()
        question = raw.get("question")
        alternatives = raw.get("alternatives")
        answer = raw.get("answer")
        tags = raw.get("tags")
        refs.append(EntryRef(entry_id, others, file, line, _text_or_none(question), _texts(alternatives),
                             _text_or_none(answer), _text_or_none(raw.get("source")), _texts(tags),
                             _text_lines(alternatives), _key_line(raw, "answer")))
    return refs


def _texts(value: Any) -> tuple[str, ...]:
    """The items of a list that are text (an alternative, a tag), or none when it is no list."""
    return tuple(item for item in value if isinstance(item, str) and item.strip()) if isinstance(value, list) else ()


def _text_lines(value: Any) -> tuple[int, ...]:
    """The line of each item `_texts` keeps, or none when the loader did not give every item's line."""
    lines = getattr(value, "item_lines", None)
    if not isinstance(value, list) or lines is None or len(lines) != len(value):
        return ()
    return tuple(line for item, line in zip(value, lines, strict=True) if isinstance(item, str) and item.strip())


def _key_line(mapping: Any, key: str) -> int | None:
    """The line `key:` is written on, when the loader gave it."""
    line = getattr(mapping, "key_lines", {}).get(key)
    return line if isinstance(line, int) else None


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _line(mapping: Any, key: str) -> int | None:
    key_lines = getattr(mapping, "key_lines", {})
    return key_lines.get(key, getattr(mapping, "line", None))


def _label(raw: dict, index: int) -> str:
    entry_id = raw.get("id")
    if isinstance(entry_id, str) and entry_id.strip():
        return f"entry '{entry_id}'"
    return f"entry {index + 1}"


def parse_entries(items: Any, file: str) -> tuple[list[Entry], list[Problem]]:
    """Check every entry under one file's `entries:` key, collecting all problems instead of stopping.

    The entries returned are all those whose id, question and answer could be read, including ones with a
    problem in another field (a bad owner or review date): any problem refuses the folder, but the texts of such
    entries are still screened and compared (a question repeated, an identifier in an answer), so `kb check`
    and a QA lead's new entry get every problem in one run, not one after another."""
    problems: list[Problem] = []
    if items is None:
        return [], [Problem(file, None, "`entries:` is empty; add entries under it or remove the key.")]
    if not isinstance(items, list):
        return [], [Problem(file, getattr(items, "line", None),
                            f"`entries:` must be a list of entries, each starting with `- id:`; "
                            f"found {type_name(items)}.")]
    entries: list[Entry] = []
    item_lines = getattr(items, "item_lines", [])
    for index, raw in enumerate(items):
        line = item_lines[index] if index < len(item_lines) else getattr(items, "line", None)
        if not isinstance(raw, dict):
            problems.append(Problem(file, line, f"entry {index + 1} must be a mapping starting with `- id:`; "
                                                f"found {type_name(raw)}."))
            continue
        entry, found = _parse_entry(raw, file, index, line or 1)
        problems.extend(found)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _parse_entry(raw: dict, file: str, index: int, line: int) -> tuple[Entry | None, list[Problem]]:
    problems: list[Problem] = []
    label = _label(raw, index)
    line = getattr(raw, "line", line)

    def problem(key: str | None, message: str) -> None:
        problems.append(Problem(file, _line(raw, key) if key else line, message))

    for key in raw:
        if key not in KNOWN_FIELDS:
            problem(key, f"{label} has an unknown field `{key}`{did_you_mean(str(key), KNOWN_FIELDS)}; "
                         f"known fields are: {', '.join(KNOWN_FIELDS)}.")

    entry_id = _required_text(raw, "id", label, problem)
    if entry_id is not None and not ID_PATTERN.fullmatch(entry_id):
        problem("id", f"{label} has an id that is not lower-case words joined by hyphens; "
                      f"write it like `id: {suggested_id(entry_id)}`.")
        entry_id = None
    question = _required_text(raw, "question", label, problem)
    answer = _required_text(raw, "answer", label, problem)
    if answer is not None and len(answer) > MAX_ANSWER_CHARS:
        problem("answer", f"{label} has an answer of {len(answer):,} characters; Slack shows at most "
                          f"{MAX_ANSWER_CHARS:,}: shorten it by {len(answer) - MAX_ANSWER_CHARS:,} "
                          "characters or split it into a `related:` entry.")
    alternatives = _text_list(raw, "alternatives", label, problem)
    tags = _text_list(raw, "tags", label, problem)
    related = _text_list(raw, "related", label, problem)
    for other in related or ():
        if not ID_PATTERN.fullmatch(other):
            problem("related", f"{label} lists `{other}` under `related:`, which is not an entry id; "
                               f"ids look like `{suggested_id(other)}`.")
    source = _optional_text(raw, "source", label, problem)
    owner = _optional_text(raw, "owner", label, problem)
    if owner is not None and not is_owner(owner):
        problem("owner", f"{label} has owner `{owner}`, which is not a Slack user id or a team mailbox; "
                         f"use {OWNER_FORMS}.")
        owner = None
    review_by = _review_date(raw, label, problem)
    due = parse_due(raw.get("due"), label, lambda message: problem("due", message))

    if entry_id is None or question is None or answer is None:
        return None, problems
    return Entry(
        id=entry_id, question=question, alternatives=tuple(alternatives or ()), answer=answer,
        tags=tuple(tags or ()), source=source, owner=owner, review_by=review_by,
        related=tuple(related or ()), file=file, line=line,
        alternative_lines=_text_lines(raw.get("alternatives")) if alternatives else (), due=due,
        answer_line=_key_line(raw, "answer"),
    ), problems


def _required_text(raw: dict, key: str, label: str, problem: Any) -> str | None:
    if key not in raw or raw[key] is None or (isinstance(raw[key], str) and not raw[key].strip()):
        article = "a" if key == "question" else "an"  # trial 51, F23: "add an `question:` line"
        problem(key if key in raw else None, f"{label} has no {key}: add {article} `{key}:` line with {_WHAT[key]}.")
        return None
    value = raw[key]
    if not isinstance(value, str):
        problem(key, f"{label} has a `{key}:` that is {type_name(value)}, not text; put it in quotes.")
        return None
    return value.strip() if key == "id" else value


def _optional_text(raw: dict, key: str, label: str, problem: Any) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problem(key, f"{label} has a `{key}:` that is {type_name(value)}; write it as text in quotes "
                     f"or remove the line.")
        return None
    return value.strip()


def _text_list(raw: dict, key: str, label: str, problem: Any) -> list[str] | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, list):
        problem(key, f"`{key}:` of {label} must be a list, like `{key}: [first, second]`; "
                     f"found {type_name(value)}.")
        return None
    texts = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            problem(key, f"`{key}:` of {label} holds {type_name(item)}; every item must be text "
                         "(put it in quotes).")
        else:
            texts.append(item.strip())
    return texts


def _review_date(raw: dict, label: str, problem: Any) -> dt.date | None:
    """`review_by:` as YYYY-MM-DD, the one form the files keep: YAML reads it as a date, it sorts, and it is what
    the bot writes. A real date in a form the New entry form takes (30/06/2027) is told how to be written, not
    called "not a date" (a user trial)."""
    value = raw.get("review_by")
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:  # a real date in another form (30/06/2027, as the New entry form takes it): say how to write it
            read = parse_full_date(value)
        except NoSuchDay as missing:  # 2027-02-31: say what is wrong with it, as the New entry form does
            problem("review_by", f"{label} has `review_by: {value}`, which is not a real date: {missing.why}.")
            return None
        except DateError:
            pass
        else:
            problem("review_by", f"{label} has `review_by: {value}`, and the files write dates year first "
                                 f"(YYYY-MM-DD): write {value.strip()} as {read.isoformat()}.")
            return None
    problem("review_by", f"{label} has `review_by: {value}`, which is not a date; write a real date as "
                         "YYYY-MM-DD, like `review_by: 2027-06-30`.")
    return None


_WHAT = {
    "id": "a short unique name like `icpc-timescale`",
    "question": "the question as a practitioner would ask it",
    "answer": "the answer text",
}
