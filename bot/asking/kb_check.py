"""The checks `kb check` runs on a knowledge folder that loads, shared by `/audit kb check` and every edit the
bot writes itself (knowledge.kb_writer), so both refuse the same things with the same words."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.core.knowledge import EntryCheck
from bot.core.services import Services
from bot.privacy.knowledge_screen import entry_identifier_problems, identifier_problems
from bot.privacy.screen import Screen
from knowledge.entries import Entry
from knowledge.kb_writer import Check
from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.problems import KnowledgeBaseError, Problem


def folder_problems(folder: Path, screen: Screen,
                    cache_folder: Path | None = None) -> tuple[list[Problem], KnowledgeBase | None]:
    """Everything `kb check` reports on a folder, in one run: what stops it loading (YAML, fields, ids, a
    question repeated word for word...) and the entry texts holding an identifier (those that parsed, even
    when other entries did not). Returns the problems, and the knowledge base when it loads."""
    try:
        kb = load_knowledge(folder, cache_folder=cache_folder)
    except KnowledgeBaseError as error:
        return [*error.problems, *entry_identifier_problems(error.entries, screen)], None
    return identifier_problems(kb, screen), kb


def content_problems(services: Services, kb: KnowledgeBase) -> list[Problem]:
    """Entry texts holding something that could identify a child or family (the screen's content mode, with
    the council's own names file)."""
    return identifier_problems(kb, services.identifier_screen.with_listed(services.settings.names))


def entry_content_problems(services: Services) -> EntryCheck:
    """The same screen for entries as a reload checks them (those that parsed, when others did not), so
    `/audit kb reload` refuses what `kb check` refuses."""
    screen = services.identifier_screen.with_listed(services.settings.names)
    return lambda entries: entry_identifier_problems(entries, screen)


def content_checks(services: Services, since: KnowledgeBase | None = None) -> list[Check]:
    """The same checks, as the knowledge writer takes them. With `since`, only the entries whose text differs
    from it are screened: the quick pre-check of one edit while Slack waits (the write itself checks all)."""
    def check(kb: KnowledgeBase) -> list[Problem]:
        if since is not None:
            kb = replace(kb, entries={entry_id: entry for entry_id, entry in kb.entries.items()
                                      if _texts(since.entries.get(entry_id)) != _texts(entry)})
        return content_problems(services, kb)
    return [check]


def _texts(entry: Entry | None) -> tuple[str, ...]:
    return () if entry is None else (entry.question, entry.answer, *entry.alternatives)
