"""The services a running bot shares: settings, storage, the clock and each feature's service.

Built once by the composition root (`bot.__main__`) and handed to the engine, the Slack app and the
scheduler, so nothing reads the environment or opens the database on its own.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.core.knowledge import KnowledgeService
from bot.privacy.screen import Screen
from bot.settings.config import Settings
from bot.settings.people import Directory
from bot.storage import Storage


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Everything a handler or job may need, passed explicitly rather than imported as globals."""

    settings: Settings
    storage: Storage
    clock: Callable[[], datetime] = field(default=utc_now)
    knowledge: KnowledgeService | None = None  # the live knowledge base; build_services always loads it
    screen: Screen | None = None  # the identifier screen with its name lists; build_services always loads it
    rng: random.Random = field(default_factory=random.Random)  # draws (the campaign moderation sample); tests seed it
    _knowledge_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def identifier_screen(self) -> Screen:
        """The screen every free-text input goes through (loaded at start; a bare Services gets the lists now)."""
        if self.screen is None:
            self.screen = Screen.load(self.settings.names, self.settings.case_reference_pattern)
        return self.screen

    @property
    def directory(self) -> Directory:
        return self.settings.directory

    def live_knowledge(self) -> KnowledgeService:
        """The one way anything reads the knowledge base or checklists: the version that is live now.

        Loaded here on first use only when Services was built by hand (a test or tool); raises
        KnowledgeBaseError when that folder has problems.
        """
        with self._knowledge_lock:
            if self.knowledge is None:
                self.knowledge = KnowledgeService.load(self.settings.knowledge_dir, self.settings.cache_dir)
            return self.knowledge

    def local_now(self) -> datetime:
        """The time in the council's timezone, for anything a person reads."""
        return self.clock().astimezone(self.settings.timezone)
