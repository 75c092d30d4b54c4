"""Screening stored wordings again when the identifier screen gains rules.

Every question asked of the knowledge base (kb_asks, read back by QA leads in `kb unanswered`, with what those who
marked its answer Not helpful said was missing) and every learned wording (searched by everyone as its entry's
alternative) was screened when it was stored, by the screen of that day. The screen improves, so one stored under an
older screen may hold a name today's refuses ('should i ask darren price about the plan'). `rescreen` screens them all
again, as they were screened when stored (a question with `Screen.find`, a learned wording with it and with the content
check `learning.identifying` applies), and replaces each text now refused with the removal marker ("[removed by the
identifier screen on 4 Dec 2026: may identify a child]"): a question leaves the QA leads' list, a learned wording is
withdrawn (`rejected_why` 'screen') and no longer searched. Texts already removed are left alone. Only counts are
returned, logged and trailed.

The bot's start runs it (`rescreen_at_start`) only when the screen changed since the last sweep, known by a digest
of its code, data and lists (bot.privacy.knowledge_screen.screen_fingerprint); `audit-bot rescreen` runs it
whenever an admin asks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.asking import learning
from bot.core.services import Services
from bot.privacy.knowledge_screen import screen_fingerprint
from bot.privacy.removal import DEFAULT_REASON, is_removed, removal_marker
from bot.storage import rescreen as store
from knowledge.dates import short_date

log = logging.getLogger("audit_bot.privacy")

ACTOR = "identifier screen"  # who the trail says swept at start
REMOVED_BY = "the identifier screen"  # who the marker says removed a text


@dataclass(frozen=True)
class Rescreened:
    """What a sweep did, in counts only: how many stored wordings it screened, how many questions' texts it
    replaced and how many learned wordings it withdrew; `swept` False when a start skipped it (same screen)."""

    swept: bool
    screened: int = 0
    questions: int = 0
    wordings: int = 0
    notes: int = 0  # reasons given with a Not helpful vote ("it didn't give the date") whose text was replaced


def rescreen(services: Services, actor: str = ACTOR, trail: bool = True) -> Rescreened:
    """Screen every stored question and active learned wording with today's screen and withdraw those it refuses
    (see the module's docstring); remember the screen swept with. The trail gets the counts when `trail` is set
    or anything was withdrawn; the live search is refreshed when a learned wording was."""
    screen = services.identifier_screen
    stored = store.stored_wordings(services.storage)
    asks = [ask_id for ask_id, text in stored.asks if not is_removed(text) and screen.find(text)]
    learned = [learned_id for learned_id, text in stored.learned
               if not is_removed(text) and (screen.find(text) or learning.identifying(text, services))]
    now = services.clock()
    marker = removal_marker(REMOVED_BY, short_date(now.astimezone(services.settings.timezone).date()), DEFAULT_REASON)
    reasons = [feedback_id for feedback_id, text in stored.reasons if not is_removed(text) and screen.find(text)]
    questions, wordings, notes = store.withdraw(services.storage, asks, learned, marker, actor, now,
                                                screen_fingerprint(screen), trail, reasons)
    if wordings:
        learning.refresh(services)
    result = Rescreened(True, len(stored.asks) + len(stored.learned) + len(stored.reasons), questions, wordings,
                        notes)
    if questions or wordings or notes:
        log.warning("The identifier screen now refuses %d stored question(s), %d learned wording(s) and %d note(s) "
                    "given with Not helpful: their text was replaced with a removal marker (`audit-bot trail` has the "
                    "counts).", questions, wordings, notes)
    return result


def rescreen_at_start(services: Services) -> Rescreened:
    """The start's sweep, skipped (a read of one row) when the screen is the one the last sweep ran with. A screen
    whose lists were built by hand has no fingerprint and is swept at every start."""
    fingerprint = screen_fingerprint(services.identifier_screen)
    if fingerprint is not None and fingerprint == store.last_fingerprint(services.storage):
        return Rescreened(False)
    return rescreen(services, trail=False)
