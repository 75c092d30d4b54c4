"""Reading a reply's words the way a person does, without its layout."""

from __future__ import annotations


def flat(text: str, drop: str = "") -> str:
    """The text on one line with single spaces (a reply wraps, and the terminal wraps long lines), without the
    characters in `drop` (say "`*": the code and bold marks around words), so a test compares words."""
    for mark in drop:
        text = text.replace(mark, "")
    return " ".join(text.split())
