"""Every text of a checklist file as written, each at its own line: what `kb check` screens for identifiers.

Read from the YAML as it stands, not from the checklists that load, for two reasons a QA lead met (trial 21):
a checklist with another problem (a question id used twice) was not screened at all, so a child's name in it was
only reported on the next run, after the first problem was fixed; and a name in a question's guidance was reported
at the checklist's first line, about 120 lines above it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ChecklistText:
    """One text a person reads from a checklist: its file and line, the checklist's id as written, which text it is
    ("question 'views' guidance") and the text."""

    file: str
    line: int | None
    checklist: str
    where: str
    text: str


def texts_as_written(items: Any, file: str) -> list[ChecklistText]:
    """Each checklist's title, description and period, each section's title, and each question's text, guidance,
    options and grade descriptors, under a file's `checklists:` (whatever else is wrong with them)."""
    if not isinstance(items, list):
        return []
    found: list[ChecklistText] = []
    for index, raw in enumerate(items):
        if isinstance(raw, dict):
            raw_id = raw.get("id")
            name = raw_id if isinstance(raw_id, str) and raw_id.strip() else f"checklist {index + 1}"
            found += [ChecklistText(file, line, name, where, text) for where, text, line in _checklist(raw)]
    return found


def _checklist(raw: dict) -> Iterator[tuple[str, str, int | None]]:
    for key in ("title", "description", "period"):
        yield from _text(raw, key, key)
    for section in _mappings(raw.get("sections")):
        yield from _text(section, "title", f"section '{section.get('id')}' title")
        for question in _mappings(section.get("questions")):
            where = f"question '{question.get('id')}'"
            yield from _text(question, "text", f"{where} text")
            yield from _text(question, "guidance", f"{where} guidance")
            options = question.get("options")
            if isinstance(options, list):
                lines = getattr(options, "item_lines", [])
                for number, option in enumerate(options):
                    if isinstance(option, str) and option.strip():
                        yield (f"{where} option", option,
                               lines[number] if number < len(lines) else line_of(question, "options"))
            descriptors = question.get("descriptors")
            if isinstance(descriptors, dict):
                for grade in descriptors:
                    yield from _text(descriptors, grade, f"{where} {grade} descriptor")


def _mappings(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(mapping: dict, key: str, where: str) -> Iterator[tuple[str, str, int | None]]:
    value = mapping.get(key)
    if isinstance(value, str) and value.strip():
        yield where, value, line_of(mapping, key)


def line_of(mapping: Any, key: str) -> int | None:
    """The line of `key` in a mapping read by knowledge.yamlsource (its own line, else the mapping's)."""
    return getattr(mapping, "key_lines", {}).get(key, getattr(mapping, "line", None))
