"""A checklist's name typed with a small typo at the checklist picker ("voice of teh child").

A name typed at the picker that no checklist has exactly was passed to the knowledge base, which did not know it
and noted it for the QA leads (trial 13). A typo is forgiven only where the words can mean one checklist: each
typed word is a word of its title or id, or one edit from one (a letter dropped, added, swapped or mistyped, in a
word of three letters or more), no other checklist's words take them all, and they cover at least half of the
title. Small words (`the`, `of`, `and`) name no checklist: `the chld` is `child`, which three titles
share, so the picker asks which of those three is meant, rather than picking Voice of the child for its `the`.
Typed words that are mostly checklist words but fit none are still a checklist's name meant: the picker says so
rather than the knowledge base.

Pure: bot/audits/start.py reads the picker's text with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz.distance import OSA

from knowledge.checklist_schema import Checklist

_MOST_WORDS = 6  # a longer line is a sentence, not a checklist's name
# Words that join a title's words and tell no checklist from another ("Voice of the child", "Children in care"),
# and the words every checklist is ("audit of" names none, though two titles end in "audit").
SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
                         "audit", "audits", "checklist"})


# "s17", "s.47", "sec 47": how practitioners write the sections of the Children Act that titles spell out (trial 22:
# "start audit child in need s17" was not recognised).
_SECTION = re.compile(r"\bs(?:ec(?:tion)?)?\.?\s?(\d{1,3})\b")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _SECTION.sub(r"section \1", text.lower()))


def naming_words(words: list[str]) -> list[str]:
    """The words that can name a checklist: `words` without the small ones, `teh` for `the` too."""
    return [word for word in words if not any(_near(word, small) for small in SMALL_WORDS)]


def _near(typed: str, word: str) -> bool:
    return typed == word or (min(len(typed), len(word)) >= 3 and OSA.distance(typed, word) <= 1)


def _takes(typed: list[str], checklist: Checklist) -> bool:
    """Whether every typed word is near a word of the checklist's title or id."""
    own = _words(checklist.title) + _words(checklist.id.replace("_", " ").replace("-", " "))
    return all(any(_near(one, word) for word in own) for one in typed)


def _covers(typed: list[str], checklist: Checklist) -> bool:
    """Whether the typed words cover at least half the title's words (`care plan` is not Care leavers and pathway
    plans)."""
    title = _words(checklist.title)
    covered = {word for word in title if any(_near(one, word) for one in typed)}
    return 2 * len(covered) >= len(title)


def near_checklists(available: Mapping[str, Checklist], typed: str) -> list[str]:
    """The checklists `typed` may name with a typo or two: every typed word near a word of the checklist's title or
    id. One is picked only when no other takes the words too and they cover at least half its title; when several
    take them (`chld`, `the chld`: a word three titles share) all of them are returned, for the picker to ask which.
    Small words alone (`the`) name none."""
    words = naming_words(_words(typed))
    if not words:
        return []
    taking = [c for c in available.values() if _takes(words, c)]
    if len(taking) == 1 and not _covers(words, taking[0]):
        return []
    return [c.id for c in taking]


DISTINCT_WORD = 6  # letters a lone word needs to name a checklist by itself, typo and all


def one_word_near(available: Mapping[str, Checklist], typed: str) -> list[str]:
    """The one checklist a lone long word, typo and all, names (`exploitaton`: Exploitation and missing), though it
    covers less than half the title: trial 30, `checklist=exploitaton` was refused. Empty for several, or none."""
    words = naming_words(_words(typed))
    if len(words) != 1 or len(words[0]) < DISTINCT_WORD:
        return []
    taking = [c.id for c in available.values() if _takes(words, c)]
    return taking if len(taking) == 1 else []


def spelt_synonyms(typed: str, synonyms: Iterable[tuple[str, ...]]) -> list[str]:
    """The other names of the vocabulary (`cp plan`, `child in need`) that `typed` spells with a typo or two, word
    for word ("cp plna", trial 27: `checklist neglet` was forgiven, `checklist cp plna` was not): names of two words or
    more only, each word the same or one edit from it (words of three letters or more; `cp` must be `cp`)."""
    words = _words(typed)
    if len(words) < 2 or len(words) > _MOST_WORDS:
        return []
    return [member for group in synonyms for member in group if len(said := _words(member)) == len(words)
            and all(_near(one, word) for one, word in zip(words, said, strict=True))]


def sounds_like_a_checklist(available: Mapping[str, Checklist], typed: str) -> bool:
    """A short line whose words are all near words of the checklists' titles ("voice of teh chld plan"): a
    checklist's name meant, though it fits none or several, so the picker answers, not the knowledge base."""
    words = _words(typed)
    if not words or len(words) > _MOST_WORDS:
        return False
    known = {word for c in available.values() for word in _words(c.title)}
    return all(any(_near(one, word) for word in known) for one in words)
