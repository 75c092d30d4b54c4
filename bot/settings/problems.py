"""A mistake in the configuration, said as the file, the key and what is expected."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    """A setting is missing or wrong; the message says where and what is expected."""

    def __init__(self, file: str | Path, key: str, expected: str, found: object = None) -> None:
        self.file = str(file)
        self.key = key
        self.expected = expected
        found_text = "" if found is None else f" (found {found!r})"
        super().__init__(f"{self.file}: `{key}` must be {expected}{found_text}.")
