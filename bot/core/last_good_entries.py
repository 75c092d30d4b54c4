"""At start, the last good version of an entry whose text on disk the identifier screen refuses.

Trial 28: a QA lead put a made-up name in the voice-of-the-child entry to test the screen. `kb reload` refused it
("the previous version is still live"), but the next start served no version of the entry at all, and
`voice of the child` was answered with another entry, with no sign the real one was missing. A start now serves
such an entry as the last good copy holds it (knowledge.last_good: the folder as the last clean load read it),
when that version passes today's screen too; only an entry with no such version is left out. The caller says which
(`WithheldStart.kept`), to QA leads, admins and the log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from bot.privacy.knowledge_screen import Withheld
from knowledge import last_good
from knowledge.entries import Entry, EntryTexts
from knowledge.loader import load_knowledge
from knowledge.problems import KnowledgeBaseError

StartCheck = Callable[[Iterable[EntryTexts], Mapping[str, str]], list[Withheld]]


def last_good_versions(withheld: Iterable[Withheld], cache_folder: Path | None, folder: Path,
                       start_check: StartCheck) -> dict[str, Entry]:
    """The withheld entries' versions in the last good copy (entry id -> entry) that the start's screen passes now,
    for those it holds; empty when there is no copy of `folder` (the knowledge folder), it does not load, or none of
    them is in it.

    The copy's files are screened whole, as the start screens any file (a record cached per file digest must
    describe the whole file), and any of its entries the screen refuses now is not taken."""
    wanted = {item.entry_id for item in withheld if item.entry_id}
    copy = last_good.location(cache_folder, folder)
    if not wanted or copy is None:
        return {}
    try:
        older = load_knowledge(copy, cache_folder=cache_folder)
    except KnowledgeBaseError:
        return {}
    files = {older.entries[entry_id].file for entry_id in wanted if entry_id in older.entries}
    in_files = [entry for entry in older.entries.values() if entry.file in files]
    refused = {item.entry_id for item in start_check(in_files, older.file_digests)} if in_files else set()
    return {entry_id: older.entries[entry_id] for entry_id in sorted(wanted)
            if entry_id in older.entries and entry_id not in refused}
