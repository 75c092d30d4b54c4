"""Checklists in the knowledge folder.

This is a stub: the audit feature replaces it with the real checklist parser and validator. The loader
already calls `parse_checklists` for every file's `checklists` key, after all entries are known, so that
checklist steps can point at guidance entries by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from knowledge.problems import Problem


@dataclass(frozen=True)
class Checklist:
    """An audit checklist; the audit feature adds its steps."""

    id: str
    title: str
    file: str
    line: int


def parse_checklists(items: Any, file: str, entry_ids: set[str]) -> tuple[list[Checklist], list[Problem]]:
    """Stub until the audit feature replaces it: accepts any `checklists` value and yields no checklists."""
    return [], []
