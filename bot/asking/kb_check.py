"""The checks `kb check` runs on a knowledge folder that loads, shared by `/audit kb check` and every edit the
bot writes itself (knowledge.kb_writer), so both refuse the same things with the same words."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bot.asking.duplicate_named import with_questions
from bot.core.knowledge import ChecklistCheck, EntryCheck
from bot.core.services import Services
from bot.privacy.knowledge_screen import (
    checklist_identifier_problems,
    checklist_text_problems,
    entry_identifier_problems,
    identifier_problems,
)
from bot.privacy.screen import Screen
from knowledge.entries import EntryTexts
from knowledge.kb_writer import Check
from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.problems import KnowledgeBaseError, Problem


def folder_problems(folder: Path, screen: Screen,
                    cache_folder: Path | None = None) -> tuple[list[Problem], KnowledgeBase | None]:
    """Everything `kb check` reports on a folder, in one run: the entry and checklist texts holding an identifier
    first (of every entry and checklist as written, one with a problem of its own, such as an id used twice or no
    answer yet, too), then
    what stops it loading (YAML, fields, ids, a question repeated word for word...). Returns the problems, and
    the knowledge base when it loads."""
    try:
        kb = load_knowledge(folder, cache_folder=cache_folder)
    except KnowledgeBaseError as error:
        return [*entry_identifier_problems(error.texts, screen),
                *checklist_text_problems(error.checklist_texts, screen),
                *with_questions(error.problems, error.texts, screen)], None
    return identifier_problems(kb, screen), kb


def council_screen(services: Services) -> Screen:
    """The screen with this council's names file and case reference pattern, as `kb check` applies it."""
    return services.identifier_screen.for_council(services.settings.names, services.settings.case_reference_pattern)


def entry_content_problems(services: Services) -> EntryCheck:
    """The same screen for entries as a reload checks them (every entry as written, when some have other
    problems), so `/audit kb reload` refuses what `kb check` refuses."""
    screen = council_screen(services)
    return lambda entries: entry_identifier_problems(entries, screen)


def checklist_content_problems(services: Services) -> ChecklistCheck:
    """The same screen for checklists' texts, as a reload checks them (trial 20: a child's name in a question's
    guidance passed both)."""
    screen = council_screen(services)
    return lambda checklists: checklist_identifier_problems(checklists, screen)


def content_checks(services: Services, since: KnowledgeBase | None = None) -> list[Check]:
    """The same checks, as the knowledge writer takes them. With `since`, only the entries whose text differs
    from it are screened: the quick pre-check of one edit while Slack waits (the write itself checks all)."""
    screen = council_screen(services)

    def check(entries: Iterable[EntryTexts]) -> list[Problem]:
        if since is not None:
            entries = [entry for entry in entries
                       if _texts(since.entries.get(entry.id) if entry.id else None) != _texts(entry)]
        return entry_identifier_problems(entries, screen)
    return [check]


def _texts(entry: EntryTexts | None) -> tuple[str | None, ...]:
    return () if entry is None else (entry.question, entry.answer, *entry.alternatives, entry.source, *entry.tags)
