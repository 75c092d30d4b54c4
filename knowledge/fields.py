"""Small checks shared by the entry, glossary and checklist validators, each returning a fix-it message."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLACK_USER_ID = r"[UW][A-Z0-9]{2,}"  # a Slack member id (U…, or W… on Enterprise Grid): the one definition
OWNER_PATTERN = re.compile(SLACK_USER_ID)


def closest(word: str, choices: Iterable[str], cutoff: float = 60.0) -> str | None:
    """The choice most like `word`, so a message can say "did you mean ...?" for a typo."""
    found = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 60.0) -> str:
    """A ' (did you mean `x`?)' clause, or nothing when no choice is close."""
    match = closest(word, choices, cutoff)
    return f" (did you mean `{match}`?)" if match else ""


def suggested_id(text: str) -> str:
    """Turn what someone wrote as an id into a valid one, to show in the message."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "my-entry-id"


def type_name(value: object) -> str:
    """How a YAML author would describe what they wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no value ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    return type(value).__name__
