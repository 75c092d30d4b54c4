"""Reading a reply's words the way a person does, without its layout."""

from __future__ import annotations

import re


def flat(text: str, drop: str = "") -> str:
    """The text on one line with single spaces (a reply wraps, and the terminal wraps long lines), without the
    characters in `drop` (say "`*": the code and bold marks around words), so a test compares words."""
    for mark in drop:
        text = text.replace(mark, "")
    return " ".join(text.split())


def repeated(words: str, reply: str) -> list[str]:
    """The words of `words` (two or more characters) that `reply` says whole, in any case: a refusal shows what it
    found masked (“T… B…”), so a test about privacy expects none (bot/privacy/screen.py, `masked`)."""
    return [word for word in words.split() if len(word) >= 2
            and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", reply, re.IGNORECASE)]
