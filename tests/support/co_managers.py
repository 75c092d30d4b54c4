"""The two-manager South of trial 63, shared by its tests (co-managers in whoami and Home, a manager's own target in
answers): the shipped config with a second South manager added, and the bot built on a fixed Monday. The integration
conftest offers `co_managed` to every integration test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import load_settings
from tests.support.teams_changes import add_south_manager

MONDAY = datetime(2026, 12, 14, 10, 0, tzinfo=ZoneInfo("Europe/London"))
NEW_TM, SOUTH_TM, S1 = "U0MGRS002", "U0MGRS001", "U0PRAS001"  # the added manager (target 3), the first, a worker


@pytest.fixture
def co_managed(environ: dict[str, str], config_dir: Path) -> Iterator[tuple[Services, Engine]]:
    """Services and engine on a teams.yaml where South has two managers, the new one with `audit_target: 3`."""
    add_south_manager(config_dir, audit_target=3)
    with time_machine.travel(MONDAY, tick=False):
        services = build_services(load_settings(environ))
        try:
            yield services, build_engine(services)
        finally:
            services.storage.close()
