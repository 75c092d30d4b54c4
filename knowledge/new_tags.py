"""A tag that only one entry uses and that is a letter or two off a tag other entries use: most likely a typo.

Trial 44 (F2): `tags: mental-helth, children-in-care` was written as typed, and `kb check` said OK, though four
entries are tagged `mental-health`: the new entry was grouped with none of them. `kb check`, `/audit kb reload` and
the start warn of such a tag (a warning: the folder still loads), and `kb new` / the *New entry* form ask about it
before anything is written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Protocol

from rapidfuzz.distance import Levenshtein

from knowledge.problems import Problem

# One letter added, taken away or changed (two in a tag of TWO_EDITS_FROM letters or more), and only in tags of
# NEAR_FROM_LENGTH letters or more: `cin` and `cp` are different tags, and so are `reporting` and `recording`.
NEAR_FROM_LENGTH = 5
TWO_EDITS_FROM = 12
TWO_EDITS_WORD = 8  # and two letters in one word only in a word this long (`safegaurding`), never `care` / `pre`


def near_tag(tag: str, counts: Mapping[str, int]) -> str | None:
    """The tag used by more entries than `tag` that `tag` is most likely a typo of, or None. `counts`: how many
    entries use each tag (without the entry `tag` is being checked for)."""
    if len(tag) < NEAR_FROM_LENGTH or counts.get(tag, 0) > 0:
        return None
    limit = 2 if len(tag) >= TWO_EDITS_FROM else 1
    found = [(Levenshtein.distance(tag, other, score_cutoff=limit), -count, other)
             for other, count in counts.items() if count > 0 and other != tag]
    near = sorted(item for item in found if item[0] <= limit and _a_typo_of(tag, item[2]))
    return near[0][2] if near else None


def _a_typo_of(tag: str, other: str) -> bool:
    """Whether `tag` differs from `other` only by slips within its words (or a hyphen), not by a whole word: trial 50
    (#10) was offered 'pre-proceedings' for 'care-proceedings', a different stage, two letters off. Each word that
    differs is a letter off its counterpart (two in a word of TWO_EDITS_WORD letters or more)."""
    words, others = tag.split("-"), other.split("-")
    if len(words) != len(others):
        return Levenshtein.distance("".join(words), "".join(others)) <= 1
    return all(Levenshtein.distance(word, theirs) <= (2 if min(len(word), len(theirs)) >= TWO_EDITS_WORD else 1)
               for word, theirs in zip(words, others, strict=True) if word != theirs)


def tag_question(tag: str, near: str) -> str:
    """How a new tag close to a used one is queried, the same words in `kb new`, the form and `kb check`."""
    return f"new tag '{tag}': did you mean '{near}'?"


class Tagged(Protocol):
    """What a warning needs of an entry: `Entry` and `EntryRef` both have it."""

    @property
    def id(self) -> str | None: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int | None: ...


def new_tag_warnings(entries: Iterable[Tagged]) -> list[Problem]:
    """A warning for each tag used by one entry only that is near a tag other entries use (entries: anything
    with `tags`, `file`, `line` and `id`, as `Entry` and `EntryRef` have)."""
    listed = [entry for entry in entries if entry.tags]
    counts = Counter(tag for entry in listed for tag in dict.fromkeys(entry.tags))
    warnings = []
    for entry in listed:
        for tag in dict.fromkeys(entry.tags):
            if counts[tag] != 1:
                continue
            near = near_tag(tag, {other: count for other, count in counts.items() if other != tag})
            if near is not None:
                label = f"entry '{entry.id}'" if entry.id else "the entry"
                warnings.append(Problem(entry.file, entry.line,
                                        f"{label}: {tag_question(tag, near)} No other entry is tagged '{tag}', "
                                        f"and {_entries(counts[near])} tagged '{near}'; correct it, or keep it if "
                                        "it is meant as a new tag."))
    return warnings


def _entries(count: int) -> str:
    return "1 is" if count == 1 else f"{count} are"
