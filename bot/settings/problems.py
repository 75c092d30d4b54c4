"""A mistake in the configuration, said as the file, the line, the key and what is expected."""

from __future__ import annotations

from pathlib import Path


class ConfigError(Exception):
    """A setting is missing or wrong; the message says where and what is expected.

    With a line, the place reads `file:line:` as `audit-bot kb check` writes it, so an admin finds the line the
    same way for every file the bot reads."""

    def __init__(self, file: str | Path, key: str, expected: str, found: object = None,
                 line: int | None = None) -> None:
        self.file = str(file)
        self.key = key
        self.expected = expected
        self.line = line
        self.found = found
        found_text = "" if found is None else f" (found {found!r})"
        super().__init__(f"{where(file, line)}: `{key}` must be {expected}{found_text}.")

    @classmethod
    def said(cls, file: str | Path, line: int | None, message: str) -> ConfigError:
        """A problem said in its own words (a YAML syntax error, a person listed twice), still with file:line."""
        error = cls(file, "(file)", "", line=line)
        error.args = (f"{where(file, line)}: {message}",)
        return error


def where(file: str | Path, line: int | None) -> str:
    """`teams.yaml:37`, or the file alone when no line is known."""
    return f"{file}:{line}" if line else str(file)
