"""One knowledge base for every process on a database: a `kb reload`, `kb link`, `kb new`, `kb edit` or learned
wording made in one is answered in the others from their next turn.

Trial 46 (F12): two terminal chats on one database; the QA lead's chat linked a wording and added an entry, and the
practitioner's chat, started before, kept answering from the old knowledge base until it was restarted. Each
change is now counted in the database (`kb_changes`: reloads that worked, learned-wording changes), and before each
command, typed message or button press a process compares the counts with those it last loaded (one read of a
one-row table: about 8 microseconds measured on the shipped set-up) and, when another process changed them,
reloads the folder (screened as `kb reload` screens it) and its learned wordings first.
"""

from __future__ import annotations

from bot.asking import learning
from bot.asking.kb_check import checklist_content_problems, entry_content_problems
from bot.core.knowledge import KnowledgeService
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import kb_changes
from bot.storage import learned as learned_store


def share(services: Services) -> None:
    """From now on count this process's changes in the database, and take what it loaded at start as seen."""
    service = services.live_knowledge()
    service.seen = kb_changes.counts(services.storage)
    service.on_changed = lambda kind: announced(services, service, kind)


def announced(services: Services, service: KnowledgeService, kind: str) -> None:
    """Count a change this process made. Its own count moves on with it, unless another process's change came in
    between (then the next turn loads that one too)."""
    before = service.seen
    after = kb_changes.count_one(services.storage, "folder" if kind == "folder" else "learned")
    if before is None:
        return
    expected = (before[0] + 1, before[1]) if kind == "folder" else (before[0], before[1] + 1)
    if after == expected:
        service.seen = after


def catch_up(services: Services) -> bool:
    """Load what another process changed since this one last loaded (a reload that worked there, or learned
    wordings); True when it did. Quiet: the person asking is answered from the new version, as after a restart."""
    service = services.live_knowledge()
    if service.seen is None:
        return False
    now = kb_changes.counts(services.storage)
    if now == service.seen:
        return False
    folder_changed = now[0] != service.seen[0]
    service.seen = now  # first: a folder another process's reload refused here is not tried on every turn
    if folder_changed:
        service.reload(entry_content_problems(services), checklist_content_problems(services), told=False,
                       announce=False)
    service.set_learned(*learning.searched(learned_store.active(services.storage)), announce=False)
    return True


def install(engine: Engine, services: Services) -> None:
    """Catch up before every command, typed message and button press (ahead of the other turn watches)."""
    def watch(_turn: Turn, _typed: str | None) -> None:
        catch_up(services)

    engine.add_turn_watch(watch)

