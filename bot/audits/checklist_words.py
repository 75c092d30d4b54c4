"""A checklist's name typed with a small typo at the checklist picker ("voice of teh child").

A name typed at the picker that no checklist has exactly was passed to the knowledge base, which did not know it
and noted it for the QA leads (trial 13). A typo is forgiven only where the words can mean one checklist: each
typed word is a word of its title or id, or one edit from one (a letter dropped, added, swapped or mistyped, in a
word of three letters or more), and the words cover most of the title. Typed words that are mostly checklist words
but fit none, or several, are still a checklist's name meant: the picker says so rather than the knowledge base.

Pure: bot/audits/start.py reads the picker's text with it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz.distance import OSA

from knowledge.checklist_schema import Checklist

_MOST_WORDS = 6  # a longer line is a sentence, not a checklist's name


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _near(typed: str, word: str) -> bool:
    return typed == word or (min(len(typed), len(word)) >= 3 and OSA.distance(typed, word) <= 1)


def _fits(typed: list[str], checklist: Checklist) -> bool:
    title = _words(checklist.title)
    own = title + _words(checklist.id.replace("_", " ").replace("-", " "))
    covered = {word for word in title if any(_near(one, word) for one in typed)}
    return all(any(_near(one, word) for word in own) for one in typed) and 2 * len(covered) >= len(title)


def near_checklists(available: Mapping[str, Checklist], typed: str) -> list[str]:
    """The checklists `typed` names with a typo or two: every typed word near a word of the checklist's title or
    id, covering at least half its title."""
    words = _words(typed)
    return [c.id for c in available.values() if words and _fits(words, c)]


def sounds_like_a_checklist(available: Mapping[str, Checklist], typed: str) -> bool:
    """A short line whose words are all near words of the checklists' titles ("voice of teh chld plan"): a
    checklist's name meant, though it fits none or several, so the picker answers, not the knowledge base."""
    words = _words(typed)
    if not words or len(words) > _MOST_WORDS:
        return False
    known = {word for c in available.values() for word in _words(c.title)}
    return all(any(_near(one, word) for word in known) for one in words)
