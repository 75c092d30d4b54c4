"""What QA leads type or submit about unanswered questions, read into values, with the words when it is wrong.

A typed `/audit kb new N <question> | <answer> | tags: …` and a submitted form (Slack's modal) arrive here; a
mistake in one field is a `FieldProblem`, shown beside that field in a form and as a message in the terminal.
Problems the knowledge writer finds are given in `kb check`'s own words. A new entry's problems are all told at
once (`EntryProblems`), each beside the field the QA lead filled in (or after what they typed, `owner: bob`), not
at a line of a file the entry was never written to.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from bot.asking.new_tag_asked import MARK, typed_tag
from bot.core import buttons
from bot.core.replies import Reply
from bot.errors import UserError
from knowledge.kb_writer import NewEntry, WriteResult

STALE_HINT = "type `/audit kb unanswered` for the current list"


class FieldProblem(UserError):
    """A mistake in one field of a form: shown beside that field in Slack, as a message in the terminal."""

    def __init__(self, field_id: str, message: str) -> None:
        self.field_id = field_id
        super().__init__(message)

    @property
    def by_field(self) -> tuple[tuple[str, str], ...]:
        """(field id, message) for each field with a mistake, as a form shows them."""
        return ((self.field_id, str(self)),)


# What the QA lead typed for each field of a new entry, to point a problem at: the typed command names the
# fields after the answer (`owner: …`), the form shows the problem beside the field itself.
TYPED_AS = {"question": "the question:", "answer": "the answer:", "tags": "tags:", "source": "source:",
            "owner": "owner:", "review_by": "review:", "file": "file:"}
NEW_ENTRY_FIELDS = tuple(TYPED_AS)


class EntryProblems(FieldProblem):
    """Every problem found with a new entry, in one go: each with the field it is about. The message lists them
    all (a typed command), and a form shows each beside its own field."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        heading = "Nothing was written: fix this and send it again." if count == 1 else \
            f"Nothing was written: fix these {count} problems and send it again."
        lines = [f"• {message}" if message.startswith(_typed_value(field).rstrip(": ") or "\0")
                 else f"• {_typed_value(field)}{message}" for field, message in self.problems]
        super().__init__(self.problems[0][0], "\n".join([heading, *lines]))

    @property
    def by_field(self) -> tuple[tuple[str, str], ...]:
        fields: dict[str, list[str]] = {}
        for field, message in self.problems:
            fields.setdefault(field, []).append(message)
        return tuple((field, "\n".join(messages)) for field, messages in fields.items())


def _typed_value(field: str) -> str:
    return f"{TYPED_AS[field]} " if field in TYPED_AS else ""


def entry_problems(result: WriteResult, default_field: str) -> list[tuple[str, str]]:
    """The writer's problems with a new entry as (field, message): a problem about the entry in `kb check`'s
    own words without the file and line (the entry is not in the file: the QA lead knows it by its fields), any
    other (another entry, another file) with its file and line, as `kb check` prints it."""
    found = []
    for problem in result.problems:
        field = result.field_of(problem)
        if field in NEW_ENTRY_FIELDS:
            found.append((field, problem.message))
        else:
            found.append((default_field, str(problem)))
    return found


def refuse_entry(problems: list[tuple[str, str]]) -> None:
    """Nothing is written when anything is wrong: every problem at once."""
    if problems:
        raise EntryProblems(problems)


TYPED_USAGE = {"answer": " <your answer>", "link": " <entry id>", "new": " <question> | <answer>",
               "out-of-scope": "", "dismiss": ""}
NEW_KEYS = {"tags": "tags", "source": "source", "owner": "owner", "review": "review_by", "review_by": "review_by",
            "review-by": "review_by", "file": "file"}


EMPTY_HINT = ("give the question and the answer separated by `|`, like `/audit kb new 12 When is the fire drill? | "
              "The first Monday of the month | tags: office | review: 30/06/2027`.")


def parse_new_entry(text: str) -> tuple[NewEntry, str]:
    """`<question> | <answer> | tags: a, b | source: … | owner: U… | review: 31/03/2027 | file: kb/x.yaml`
    (the review date as typed: `with_defaults` reads it); EntryProblems when a part is empty or unknown."""
    new, file, problems = read_new_entry(text)
    refuse_entry(problems)
    return new, file


def read_new_entry(text: str) -> tuple[NewEntry, str, list[tuple[str, str]]]:
    """The typed new entry, its file, and what is wrong with what was typed (an empty question or answer, a part
    after the answer it does not know), kept to be told with every other problem the entry has: trial 64 (F8), an
    empty answer was told alone, the impossible review date after it only on the next try."""
    parts = [part.strip() for part in text.split("|")]
    problems = [(field, f"the {field} is empty: {EMPTY_HINT}") for field, part in
                (("question", parts[0]), ("answer", parts[1] if len(parts) > 1 else "")) if not part]
    extra: dict[str, str] = {}
    unknown = []
    for part in parts[2:]:
        name, separator, value = part.partition(":")
        key = NEW_KEYS.get(name.strip().lower())
        if not separator or key is None:
            unknown.append(f"`{part}`")
            continue
        extra[key] = value.strip()
    if unknown:  # all of them at once
        problems.append(("parts", f"I don't know {', '.join(unknown)}: after the answer, add `tags: …`, "
                                  "`source: …`, `owner: …`, `review: 31/03/2027` or `file: kb/….yaml`, separated "
                                  "by `|`."))
    new = NewEntry(question=parts[0], answer=parts[1] if len(parts) > 1 else "",
                   tags=typed_tags(extra.get("tags", "")), source=extra.get("source") or None,
                   owner=extra.get("owner") or None, review_by=extra.get("review_by") or None)
    return new, extra.get("file", ""), problems


def typed_tags(text: str) -> tuple[str, ...]:
    """Tags typed separated by commas, in the knowledge base's own form: lower case, words joined by hyphens, so
    `care leavers` or `Care Leavers` is the `care-leavers` every entry about care leavers has (trial 15 F9: stored
    as typed, it matched no entry, and the new entry was neither filed nor grouped with them)."""
    tags = (typed_tag(tag) for tag in text.split(","))  # `mental-helth (new)`: kept as new (bot/asking/new_tag_asked)
    return tuple(dict.fromkeys(tag for tag in tags if tag.removesuffix(MARK)))


def as_question(question: str) -> str:
    """A new entry's heading ends with a question mark, as every entry's does, when it was typed without one (`who
    signs off section 20 for a 17 year old`); a full stop typed in its place is taken off first."""
    stripped = question.rstrip()
    if not stripped or stripped.endswith("?"):
        return question
    kept = stripped.rstrip(".!;:, ")
    return kept + "?" if kept else question


def as_heading(question: str) -> str:
    """A new entry's question as its heading, which every entry starts with a capital: the first letter capitalised
    and the rest kept as typed (trial 12: "at what age can a child be left home alone?" was written and shown to the
    asker so). A first word with a capital of its own (`eCAF`, `iPad`) is left as it is, as are other acronyms."""
    stripped = question.lstrip()
    first = stripped.split(maxsplit=1)[0] if stripped else ""
    if not first or not first[0].islower() or any(letter.isupper() for letter in first[1:]) \
            or len(first[0].upper()) != 1:  # "ß" would become "SS"
        return question
    lead = question[:len(question) - len(stripped)]
    return lead + stripped[0].upper() + stripped[1:]


def new_from_form(form: dict[str, str]) -> NewEntry:
    """The new entry a submitted form describes; tags are typed separated by commas."""
    tags = typed_tags(form.get("tags", ""))
    return NewEntry(question=form.get("question", ""), answer=form.get("answer", ""), tags=tags,
                    source=form.get("source") or None, owner=form.get("owner") or None,
                    review_by=form.get("review_by") or None)


def submitted(value: str) -> tuple[dict[str, str], int]:
    """A submitted form's fields and the group number carried in its metadata (a stale form if unreadable)."""
    try:
        payload = json.loads(value)
    except ValueError:
        raise buttons.StaleButton(STALE_HINT) from None
    form = payload.get("form") if isinstance(payload, dict) else None
    if not isinstance(form, dict):
        raise buttons.StaleButton(STALE_HINT)
    return {str(k): str(v or "") for k, v in form.items()}, buttons.record_id(payload.get("meta"), STALE_HINT)


def in_form(work: Callable[[], list[Reply]]) -> list[Reply]:
    """Run a form's work; a mistake in a field comes back as an error shown beside that field."""
    try:
        return work()
    except FieldProblem as problem:
        return [Reply(kind="error", text=str(problem), form_errors=problem.by_field)]


def refuse_problems(result: WriteResult, field_id: str) -> None:
    """Nothing was written to an existing entry (a linked wording): say why with `kb check`'s own words and
    lines, the entry being in its file, beside the form's one field."""
    if not result.ok:
        raise FieldProblem(field_id, "\n".join(str(problem) for problem in result.problems))
