"""The checks `kb check` runs on a knowledge folder that loads, shared by `/audit kb check` and every edit the
bot writes itself (knowledge.kb_writer), so both refuse the same things with the same words."""

from __future__ import annotations

from bot.core.services import Services
from bot.privacy.knowledge_screen import identifier_problems
from knowledge.kb_writer import Check
from knowledge.loader import KnowledgeBase
from knowledge.problems import Problem


def content_problems(services: Services, kb: KnowledgeBase) -> list[Problem]:
    """Entry texts holding something that could identify a child or family (the screen's content mode, with
    the council's own names file)."""
    return identifier_problems(kb, services.identifier_screen.with_listed(services.settings.names))


def content_checks(services: Services) -> list[Check]:
    """The same checks, as the knowledge writer takes them."""
    return [lambda kb: content_problems(services, kb)]
