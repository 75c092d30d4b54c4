"""`resume` with two or more drafts lists them, "Pick the one to carry on with" (trial 56 F6): the next line a manager
typed, an answer (`n, no placement stability meeting after 3rd move`), went to the knowledge base as a question.
While the pick waits (its buttons, or `1`/`2` in the terminal chat), a line that is not a question is told to pick
first, never searched; a question still goes to the knowledge base; `cancel` or an hour unpicked ends the wait.
"""

from __future__ import annotations

from datetime import timedelta

from bot.audits.flow import looks_like_question
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store
from bot.storage.common import parse_utc, utc_text

FEATURE = "resume_pick"
PRIORITY = 88  # after every command, shortcut and feature, just before the checklists' and the knowledge base's
WAITS = timedelta(hours=1)  # a list left unpicked for longer no longer holds what is typed


def wait_for_pick(services: Services, turn: Turn, draft_ids: list[int]) -> None:
    """Remember that the drafts listed wait for a pick (in the order listed)."""
    store.set_conversation(services.storage, turn.user_id, {"feature": FEATURE, "drafts": draft_ids,
                                                            "at": utc_text(turn.now)}, turn.now)


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A line typed while a draft is to be picked: "pick a draft first"; None for a question and anything else."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("feature") != FEATURE:
        return None
    drafts = [int(n) for n in state.get("drafts") or []]
    if turn.now - parse_utc(str(state.get("at"))) > WAITS or text.strip().lower() in ("cancel", "stop"):
        store.set_conversation(services.storage, turn.user_id, None, turn.now)
        return None if text.strip().lower() not in ("cancel", "stop") else [Reply(text="OK, no draft picked.")]
    if looks_like_question(text):
        return None
    numbers = " or ".join(str(n) for n in range(1, len(drafts) + 1)) if len(drafts) <= 3 else f"1 to {len(drafts)}"
    return [Reply(text=f"Pick a draft first ({numbers}), then type that again: nothing was saved, and it was not "
                       f"asked of the knowledge base.",
                  note="`resume` lists your drafts again; `cancel` leaves them as they are.")]


def install(engine: Engine, services: Services) -> None:
    """Read a line typed while a draft is to be picked before the knowledge base."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
