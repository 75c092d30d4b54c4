"""What QA leads type or submit about unanswered questions, read into values, with the words when it is wrong.

A typed `/audit kb new N <question> | <answer> | tags: …` and a submitted form (Slack's modal) arrive here; a
mistake in one field is a `FieldProblem`, shown beside that field in a form and as a message in the terminal.
Problems the knowledge writer finds are given in `kb check`'s own words.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from bot.core import buttons
from bot.core.replies import Reply
from bot.errors import UserError
from knowledge.kb_writer import NewEntry, WriteResult
from knowledge.problems import Problem

STALE_HINT = "type `/audit kb unanswered` for the current list"


class FieldProblem(UserError):
    """A mistake in one field of a form: shown beside that field in Slack, as a message in the terminal."""

    def __init__(self, field_id: str, message: str) -> None:
        self.field_id = field_id
        super().__init__(message)


TYPED_USAGE = {"answer": " <your answer>", "link": " <entry id>", "new": " <question> | <answer>",
               "out-of-scope": "", "dismiss": ""}
NEW_KEYS = {"tags": "tags", "source": "source", "owner": "owner", "review": "review_by", "review_by": "review_by",
            "review-by": "review_by", "file": "file"}


def parse_new_entry(text: str) -> tuple[NewEntry, str]:
    """`<question> | <answer> | tags: a, b | source: … | owner: U… | review: YYYY-MM-DD | file: kb/x.yaml`."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise UserError("Give the question and the answer separated by `|`, like `/audit kb new 12 When is the "
                        "fire drill? | The first Monday of the month | tags: office | review: 2027-06-30`.")
    extra: dict[str, str] = {}
    for part in parts[2:]:
        name, separator, value = part.partition(":")
        key = NEW_KEYS.get(name.strip().lower())
        if not separator or key is None:
            raise UserError(f"I don't know `{part}`: after the answer, add `tags: …`, `source: …`, `owner: …`, "
                            "`review: YYYY-MM-DD` or `file: kb/….yaml`, separated by `|`.")
        extra[key] = value.strip()
    tags = tuple(tag.strip() for tag in extra.get("tags", "").split(",") if tag.strip())
    new = NewEntry(question=parts[0], answer=parts[1], tags=tags, source=extra.get("source") or None,
                   owner=extra.get("owner") or None, review_by=extra.get("review_by") or None)
    return new, extra.get("file", "")


def new_from_form(form: dict[str, str]) -> NewEntry:
    """The new entry a submitted form describes; tags are typed separated by commas."""
    tags = tuple(tag.strip() for tag in form.get("tags", "").split(",") if tag.strip())
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
        errors = tuple(problem.by_field.items()) if isinstance(problem, _FieldProblems) \
            else ((problem.field_id, str(problem)),)
        return [Reply(kind="error", text=str(problem), form_errors=errors)]


def refuse_problems(result: WriteResult, default_field: str) -> None:
    """Nothing was written: say why with `kb check`'s own words, beside the field each problem is about."""
    if result.ok:
        return
    by_field: dict[str, list[Problem]] = {}
    for problem in result.problems:
        by_field.setdefault(result.field_of(problem) or default_field, []).append(problem)
    field_id, problems = next(iter(by_field.items()))
    raise FieldProblem(field_id, "\n".join(str(problem) for problem in problems)) if len(by_field) == 1 else \
        _FieldProblems(by_field)


class _FieldProblems(FieldProblem):
    """Problems in several fields at once: each shown beside its own field."""

    def __init__(self, by_field: dict[str, list[Problem]]) -> None:
        self.by_field = {name: "\n".join(str(p) for p in problems) for name, problems in by_field.items()}
        first = next(iter(self.by_field))
        super().__init__(first, "\n".join(self.by_field.values()))
