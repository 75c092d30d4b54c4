"""A second bot process on the same database and knowledge folder, for tests of what one process's change does in
another (two terminal chats, or a chat beside the Slack app): built before the change, as a running bot would be."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import Screen
from bot.settings.config import Settings


@pytest.fixture
def other_services(settings: Settings, identifier_screen: Screen) -> Iterator[Services]:
    """A second process's services on the same database and knowledge folder, started before the change."""
    built = build_services(settings, screen=identifier_screen)
    yield built
    built.storage.close()


@pytest.fixture
def other(other_services: Services) -> Engine:
    """The second process's engine."""
    return build_engine(other_services)
