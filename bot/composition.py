"""The composition root's parts: services built once (with the clock), start-up steps, and every feature
plugged into the engine, in one place. `bot.__main__` and the CLI runtime call these; nothing else wires."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

from bot.asking import feature as knowledge_feature
from bot.asking import learning
from bot.audits import feature as audits_feature
from bot.audits import reaudits as reaudits_feature
from bot.campaigns import feature as campaigns_feature
from bot.core.knowledge import KnowledgeService
from bot.core.services import Services, utc_now
from bot.digests import dashboard as dashboard_feature
from bot.digests import feature as digests_feature
from bot.engine import confirmations, typed_commands
from bot.engine import help as help_feature
from bot.engine import home as home_feature
from bot.engine.routing import Engine
from bot.oversight.role_changes import record_role_changes
from bot.privacy.knowledge_screen import Withheld, start_screen
from bot.privacy.screen import Screen
from bot.reminders import feature as reminders_feature
from bot.settings.config import Settings
from bot.storage import Storage
from knowledge.entries import EntryTexts

log = logging.getLogger("audit_bot.knowledge")


def build_engine(services: Services) -> Engine:
    """Wire every feature into a fresh engine; the order of message handlers is set by priorities."""
    engine = Engine(services.directory, clock=services.clock)
    help_feature.install(engine, services)
    confirmations.install(engine, services)
    home_feature.install(engine, services)
    audits_feature.install(engine, services)
    reaudits_feature.install(engine, services)
    campaigns_feature.install(engine, services)
    knowledge_feature.install(engine, services)
    reminders_feature.install(engine, services)
    digests_feature.install(engine, services)
    dashboard_feature.install(engine, services)
    typed_commands.install(engine, services)
    return engine


def build_services(settings: Settings, clock: Callable[[], datetime] = utc_now,
                   knowledge: KnowledgeService | None = None, screen: Screen | None = None) -> Services:
    """Build the services once, then run the start-up steps explicitly; the caller owns closing storage.

    The identifier screen is loaded first, then the knowledge base, screened as `kb check` screens it: an
    entry whose text could identify a child or family is not served (the rest is), and the log says where in
    one line, QA leads and admins on their Home tab and by message (bot/asking/admin.py). A folder with problems
    starts the bot on the last version that loaded cleanly (kept in the cache beside the database), with a
    warning naming every problem in the log and on QA leads' and admins' Home tabs; with no such version it
    raises KnowledgeBaseError before any file is opened, so the bot refuses to start with the list of what to
    fix. Building opens nothing else; `start_up` is where the database is migrated and role changes go into the
    trail. A knowledge service already loaded from `settings.knowledge_dir` may be passed in (tests share one per
    session), and so may a loaded identifier screen: its name lists are kept and these settings' own names and
    case reference pattern added.
    """
    council = (settings.names, settings.case_reference_pattern)
    screen = screen.for_council(*council) if screen is not None else Screen.load(*council)
    if knowledge is None:
        cache = settings.cache_dir
        def start_check(entries: Iterable[EntryTexts], digests: Mapping[str, str]) -> list[Withheld]:
            return start_screen(entries, digests, screen, cache)

        knowledge = KnowledgeService.load(settings.knowledge_dir, cache, fall_back=True, start_check=start_check)
        if knowledge.last_good_start is not None:
            warn_last_good_start(knowledge)
        if knowledge.withheld_start is not None:
            warn_withheld_start(knowledge)
    else:
        knowledge = knowledge.fork()
    services = Services(settings=settings, storage=Storage(settings.database), clock=clock, knowledge=knowledge,
                        screen=screen)
    start_up(services)
    return services


def warn_last_good_start(knowledge: KnowledgeService) -> None:
    """Say loudly, in the log, that the bot is answering from the last good copy and what to fix."""
    start = knowledge.last_good_start
    if start is None:
        return
    saved = f"saved {start.saved_at:%Y-%m-%d %H:%M} UTC" if start.saved_at else "saved earlier"
    log.error("The knowledge folder %s has %d problem(s); starting on the last version that loaded cleanly (%s). "
              "Fix these, check with `audit-bot kb check`, then `/audit kb reload`:\n%s", knowledge.folder,
              len(start.problems), saved, "\n".join(f"- {problem}" for problem in start.problems))


def warn_withheld_start(knowledge: KnowledgeService) -> None:
    """One line in the log naming where each withheld text is (file, line, entry, field, the kind found), never
    the words: logs carry no child's name."""
    start = knowledge.withheld_start
    if start is None:
        return
    count = len(start.entry_ids)
    entries = "1 entry is" if count == 1 else f"{count} entries are"
    log.error("Knowledge-base text could identify a child or family, so %s not served (the rest is): %s. "
              "Take it out of the files, check with `audit-bot kb check`, then `/audit kb reload`.", entries,
              "; ".join(item.short() for item in start.withheld))


def start_up(services: Services) -> None:
    """What a starting bot does to its database, in order: bring the schema up to date, record who gained,
    lost or changed access since the last start, then search the wordings the knowledge base learned."""
    services.storage.migrate()
    record_role_changes(services.storage, services.directory, services.clock())
    learning.refresh(services)
