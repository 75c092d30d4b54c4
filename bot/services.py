"""The services a running bot shares: settings, storage, the clock and each feature's service.

Built once by the composition root (`bot.__main__`) and handed to the engine, the Slack app and the
scheduler, so nothing reads the environment or opens the database on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.knowledge_service import KnowledgeService
from bot.privacy import Screen
from bot.role_changes import record_role_changes
from bot.settings import Settings
from bot.storage import Storage
from bot.teams import Directory


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

    @property
    def identifier_screen(self) -> Screen:
        """The screen every free-text input goes through (loaded at start; a bare Services gets the lists now)."""
        if self.screen is None:
            self.screen = Screen.load(self.settings.names)
        return self.screen

    @property
    def directory(self) -> Directory:
        return self.settings.directory

    def local_now(self) -> datetime:
        """The time in the council's timezone, for anything a person reads."""
        return self.clock().astimezone(self.settings.timezone)


def build_services(settings: Settings, clock: Callable[[], datetime] = utc_now,
                   screen: Screen | None = None) -> Services:
    """Load the knowledge base, open storage and bring its schema up to date; the caller owns closing it.

    `screen` lets several bots in one process (tests, benches) share one loaded screen; its name lists are
    kept and these settings' own names added.

    The knowledge base is loaded first: a folder with problems raises KnowledgeBaseError before any
    file is opened, so the bot refuses to start with the list of what to fix.
    """
    knowledge = KnowledgeService.load(settings.knowledge_dir)
    screen = screen.with_listed(settings.names) if screen is not None else Screen.load(settings.names)
    storage = Storage(settings.database)
    storage.migrate()
    record_role_changes(storage, settings.directory, clock())
    return Services(settings=settings, storage=storage, clock=clock, knowledge=knowledge, screen=screen)
