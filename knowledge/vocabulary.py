"""The domain's vocabulary as data: groups of words and phrases that mean the same idea.

Two lists, both in `knowledge/vocabulary.yaml`. `concepts:` are tight groups the concept scorer reads as one
term (an acronym and its meaning, "looked after" and "in care"): keep them few and exact, since they make
entries alike. `vocabulary:` groups are the wider ways people say an idea ("ran away", "absconded", "missing
episode"); they are spelt out to find candidate entries (BM25), so a loose group costs little.

Practitioners write "ran away", "went missing" or "missing episode"; an entry written with one should be found
with any. The groups live in `knowledge/vocabulary.yaml`, which QA leads keep: adding a phrase to a group when
people ask in words the bot does not know needs no code change. `kb check` validates the file like the rest.
"""

from __future__ import annotations

from typing import Any

from knowledge.fields import type_name
from knowledge.problems import Problem

MAX_PHRASE_WORDS = 6
EXAMPLE = "`- [went missing, ran away, missing episode]`"


def parse_vocabulary(raw: Any, file: str, key: str = "vocabulary"
                     ) -> tuple[list[tuple[int | None, tuple[str, ...]]], list[Problem]]:
    """Each group (with its line) as a tuple of lower-case phrases, and a problem for every group or phrase
    that is not one."""
    line = getattr(raw, "line", None)
    if not isinstance(raw, list):
        return [], [Problem(file, line, f"`{key}:` must be a list of groups, each like {EXAMPLE}; found "
                                        f"{type_name(raw)}.")]
    groups: list[tuple[int | None, tuple[str, ...]]] = []
    problems: list[Problem] = []
    lines = getattr(raw, "item_lines", None) or []
    for number, group in enumerate(raw):
        where = lines[number] if number < len(lines) else line
        if not isinstance(group, list) or len(group) < 2:
            problems.append(Problem(file, where, f"{key} group {number + 1} must list at least two ways of "
                                                 f"saying the same thing, like {EXAMPLE}; found {type_name(group)}."))
            continue
        phrases = []
        for phrase in group:
            if not isinstance(phrase, str) or not phrase.strip():
                problems.append(Problem(file, where, f"{key} group {number + 1} holds {type_name(phrase)}; "
                                                     "write each phrase as text (in quotes if it is a number)."))
                continue
            words = phrase.split()
            if len(words) > MAX_PHRASE_WORDS:
                problems.append(Problem(file, where, f"'{phrase}' in {key} group {number + 1} has "
                                                     f"{len(words)} words; keep phrases to {MAX_PHRASE_WORDS} "
                                                     "words or fewer."))
                continue
            phrases.append(" ".join(words).lower())
        if len(phrases) >= 2:
            groups.append((where, tuple(dict.fromkeys(phrases))))
    return groups, problems


def check_overlaps(found: list[tuple[str, int | None, tuple[str, ...]]]) -> list[Problem]:
    """A phrase in two groups would join two ideas into one: report each such phrase once, where it repeats."""
    first_seen: dict[str, str] = {}
    problems = []
    for file, line, group in found:
        for phrase in group:
            where = first_seen.get(phrase)
            if where is None:
                first_seen[phrase] = f"{file}:{line}" if line else file
            elif where != (f"{file}:{line}" if line else file):
                problems.append(Problem(file, line, f"'{phrase}' is in two vocabulary groups (also at {where}); "
                                                    "a phrase belongs to one idea: keep it in one group, or merge "
                                                    "the groups if they mean the same."))
    return problems
