"""Knowledge entries past their review date, read once per change of the knowledge folder.

Reminders, the QA lead's Home tab and the digests ask often; parsing every YAML file each time would be
wasteful, so the result is cached against the files' modification times.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path

from knowledge.entries import Entry
from knowledge.loader import load_knowledge
from knowledge.problems import KnowledgeBaseError

log = logging.getLogger("audit_bot.knowledge_review")
_cache: dict[Path, tuple[tuple[float, ...], list[Entry]]] = {}
_lock = threading.Lock()


def _stamp(folder: Path) -> tuple[float, ...]:
    return tuple(sorted(p.stat().st_mtime for p in folder.rglob("*.yaml")))


def knowledge_entries(folder: Path) -> list[Entry]:
    """Every entry in the knowledge folder; empty (and logged) when the folder does not load."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    stamp = _stamp(folder)
    with _lock:
        cached = _cache.get(folder)
        if cached and cached[0] == stamp:
            return cached[1]
    try:
        entries = list(load_knowledge(folder).entries.values())
    except KnowledgeBaseError as exc:
        log.warning("knowledge base has %d problem(s); review reminders use no entries", len(exc.problems))
        entries = []
    with _lock:
        _cache[folder] = (stamp, entries)
    return entries


def stale_entries(folder: Path, today: date) -> list[Entry]:
    """Entries whose review_by date has passed, so the owner should check them against current guidance."""
    return [entry for entry in knowledge_entries(folder) if entry.is_stale(today)]
