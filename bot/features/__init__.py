"""Features plug their commands, buttons and text handlers into the engine here, in one place."""

from __future__ import annotations

from bot.engine import Engine
from bot.features import audits as audits_feature
from bot.features import dashboard as dashboard_feature
from bot.features import digests as digests_feature
from bot.features import help as help_feature
from bot.features import knowledge as knowledge_feature
from bot.features import reminders as reminders_feature
from bot.services import Services


def build_engine(services: Services) -> Engine:
    """Wire every feature into a fresh engine; the order of message handlers is set by priorities."""
    engine = Engine(services.directory, clock=services.clock)
    help_feature.install(engine, services)
    audits_feature.install(engine, services)
    knowledge_feature.install(engine, services)
    reminders_feature.install(engine, services)
    digests_feature.install(engine, services)
    dashboard_feature.install(engine, services)
    return engine
