"""The composition root builds everything once, takes the clock, and runs the start-up steps explicitly."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.cli.runtime import Runtime
from bot.composition import start_up
from bot.core.services import Services
from bot.settings.config import Settings
from bot.storage import Storage

FIXED = datetime(2026, 11, 25, 12, tzinfo=UTC)


def test_the_clock_given_to_the_runtime_is_the_one_every_service_reads(environ: dict[str, str]) -> None:
    runtime = Runtime(environ=environ, clock=lambda: FIXED)
    try:
        assert runtime.services.clock() == FIXED
        assert runtime.engine.clock() == FIXED
    finally:
        runtime.close()


def test_building_services_writes_nothing_until_start_up_runs(settings: Settings) -> None:
    storage = Storage(settings.database)
    try:
        services = Services(settings=settings, storage=storage, clock=lambda: FIXED)
        tables = set(storage.db.table_names())
        assert "audits" not in tables and "trail" not in tables
        start_up(services)
        assert {"audits", "trail"} <= set(storage.db.table_names())
        actions = [row[0] for row in storage.db.execute("SELECT action FROM trail")]
        assert actions, "start-up records the roles teams.yaml gives in the trail"
    finally:
        storage.close()
