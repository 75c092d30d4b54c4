"""What storage raises when a write or read cannot go ahead: wordless, so storage only stores.

The features that asked (bot/audits/lifecycle.py, moderation.py, readback.py, actions.py) say in words what
happened and what to do; storage says only which kind of thing it was, and what it found.
"""

from __future__ import annotations

from typing import Any


class NotFound(Exception):
    """The record a read or write names is not in the database; nothing was written."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} {key!r} not found")
        self.what = what
        self.key = key


class Conflict(Exception):
    """A compare-and-set write found the record not as expected (gone, another status or version, or not the
    writer's own, or already done), so it wrote nothing. `current` is the record as it is now (or None)."""

    def __init__(self, current: Any = None, reason: str = "") -> None:
        super().__init__(f"not as expected{': ' + reason if reason else ''}")
        self.current = current
        self.reason = reason


class NotAllowed(Exception):
    """The caller said the writer may not make this change (e.g. completing someone else's action)."""


class Unreadable(Exception):
    """A database file read without opening it for writing is absent, cannot be read, or lacks a migration this
    version has; the message says which (the words `audit-bot health` uses). Nothing was read or written."""
