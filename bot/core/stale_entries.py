"""Knowledge entries past their review date, from the live knowledge base (never re-read from disk).

Reminders ask about what the bot actually answers from: an edit nobody reloaded is not nagged about yet.
"""

from __future__ import annotations

from datetime import date

from bot.core.knowledge import KnowledgeService
from knowledge.entries import Entry


def stale_entries(knowledge: KnowledgeService, today: date) -> list[Entry]:
    """Entries whose review_by date has passed, so the owner should check them against current guidance."""
    return [entry for entry in knowledge.current.kb.entries.values() if entry.is_stale(today)]
