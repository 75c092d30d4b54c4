"""`undo` when nothing is on offer to undo (trial 43): one line saying so, and what can be undone and how.

`done 18`, a line that went elsewhere, then `undo` got "Can I change an audit after I have submitted it?", and a
second `undo` after two reflections did the same: the manager believed action 18 reopened. `undo` is taken back
straight after `done`, `reflect` or a request for more time (bot.engine.confirmations.offer); later, or a second
time, it is answered here and never asked of the knowledge base. An action the person marked done today is named
with the words that reopen it.
"""

from __future__ import annotations

from datetime import timedelta

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.engine.undo_words import said_undo
from bot.storage import actions as action_store

PRIORITY = 84  # after every step and question waiting (an audit's `undo that` is its own), before the search (90)
RECENT = timedelta(hours=12)
NOTHING = ("Nothing to undo just now: `undo` works straight after `done`, `reflect` or a request for more time. To "
           "withdraw a reflection, type `withdraw my reflection on N` (N the audit)")


def nothing_to_undo(services: Services, turn: Turn) -> Reply:
    """The one line for an `undo` with nothing waiting, naming the action marked done last, if any today."""
    last = action_store.last_done_by(services.storage, turn.user_id, turn.now - RECENT)
    reopen = (f"to reopen action {last.id}, which you marked done, type `reopen action {last.id}`" if last
              else "to reopen an action, `reopen action N`")
    return Reply(kind="notice", text=f"{NOTHING}; {reopen}.")


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """An undo-word line nothing else took; None for any other line."""
    return [nothing_to_undo(services, turn)] if said_undo(text) else None


def install(engine: Engine, services: Services) -> None:
    """Register the reply to an `undo` with nothing to undo."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
