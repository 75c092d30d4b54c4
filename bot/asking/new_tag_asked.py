"""`kb new` and the *New entry* form ask about a new tag a letter off a tag other entries use, before writing.

Trial 44 (F2): `tags: mental-helth, children-in-care` was written as typed, though four entries are tagged
`mental-health`, so the new entry was grouped with none of them. Such a tag is now queried beside the tags field, in
`kb check`'s words ("new tag 'mental-helth': did you mean 'mental-health'?"), and nothing is written until it is
corrected, or kept by typing it with `(new)` after it (`mental-helth (new)`), in the command and the form alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from knowledge.entries import Entry
from knowledge.kb_writer import NewEntry
from knowledge.new_tags import near_tag, tag_question

KEPT_NEW = re.compile(r"\s*\(new\)\s*$", re.IGNORECASE)
MARK = " (new)"


def typed_tag(text: str) -> str:
    """One typed tag in the knowledge base's form (lower case, hyphens), `(new)` after it kept as the mark."""
    kept = KEPT_NEW.search(text)
    tag = "-".join((text[:kept.start()] if kept else text).lower().split())
    return tag + MARK if kept else tag


def kept_new(new: NewEntry) -> tuple[NewEntry, frozenset[str]]:
    """The entry with `(new)` taken off its tags, and the tags it was on: kept as new, not queried."""
    kept = frozenset(tag.removesuffix(MARK) for tag in new.tags if tag.endswith(MARK))
    if not kept:
        return new, kept
    tags = tuple(dict.fromkeys(tag.removesuffix(MARK) for tag in new.tags))
    return replace(new, tags=tags), kept


def new_tag_problems(tags: Iterable[str], entries: Iterable[Entry], kept: frozenset[str]) -> list[tuple[str, str]]:
    """("tags", what to do) for each tag no entry has yet that is a letter off one others have, unless kept."""
    counts = Counter(tag for entry in entries for tag in set(entry.tags))
    found = []
    for tag in tags:
        near = None if tag in kept else near_tag(tag, counts)
        if near is not None:
            found.append(("tags", f"{tag_question(tag, near)} No entry is tagged '{tag}' yet, and "
                                  f"{counts[near]} {'is' if counts[near] == 1 else 'are'} tagged '{near}'. Type "
                                  f"`{near}`, or `{tag} (new)` to keep it as a new tag."))
    return found


SHARED_SHOWN = 3  # tags named for a new tag, from the entries whose questions use its words


def new_tag_notes(tags: Iterable[str], entries: Iterable[Entry], kept: frozenset[str]) -> list[str]:
    """A heads-up for each tag no entry has yet that is not a slip of one (those are asked about): trial 50 (#10) was
    told "did you mean 'pre-proceedings'?" for `care-proceedings`, a different stage. No guess now, but the tags the
    entries asking about its words use ("care proceedings": `court`, `plo`), when there are any, so the QA lead
    can pick one of those, or keep it. Nothing for a tag typed with `(new)`."""
    listed = list(entries)
    counts = Counter(tag for entry in listed for tag in set(entry.tags))
    notes = []
    for tag in tags:
        if tag in kept or counts[tag] or near_tag(tag, counts) is not None:
            continue
        words = " ".join(tag.split("-"))
        shared = Counter(other for entry in listed if _mentions(entry, words) for other in set(entry.tags))
        named = ", ".join(f"`{other}` ({count})" for other, count in shared.most_common(SHARED_SHOWN) if count > 1)
        also = f"; entries asking about '{words}' are tagged {named}" if named else ""
        notes.append(f"New tag '{tag}': no entry has it yet, so check it is meant (change `tags:` in the file if "
                     f"not){also}.")
    return notes


def _mentions(entry: Entry, words: str) -> bool:
    text = " ".join((entry.question, *entry.alternatives)).lower()
    return re.search(rf"\b{re.escape(words)}\b", text) is not None
