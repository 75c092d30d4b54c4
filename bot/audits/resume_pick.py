"""`resume` with two or more drafts lists them, "Pick the one to carry on with" (trial 56 F6): the next line a manager
typed, an answer (`n, no placement stability meeting after 3rd move`), went to the knowledge base as a question.
While the pick waits (its buttons, or `1`/`2` in the terminal chat), a line that is not a question is told to pick
first, never searched; a question still goes to the knowledge base; `cancel` or an hour unpicked ends the wait.
A bare `2` typed in Slack (where no numbers are drawn beside the buttons, unlike the terminal) picks the second
draft listed, as the terminal and the buttons do; before, it was told "There's no question waiting for a '2'".
"""

from __future__ import annotations

from datetime import timedelta

from bot.audits.flow import looks_like_question
from bot.core.replies import Reply
from bot.core.services import Services
from bot.core.typed_digits import option_digits
from bot.engine.routing import ActionHandler, Engine, Turn
from bot.storage import audits as store
from bot.storage.common import parse_utc, utc_text

FEATURE = "resume_pick"
PRIORITY = 88  # after every command, shortcut and feature, just before the checklists' and the knowledge base's
RESUME = "audit.resume"  # the Resume #N button's action, which a typed pick presses
WAITS = timedelta(hours=1)  # a list left unpicked for longer no longer holds what is typed


def wait_for_pick(services: Services, turn: Turn, draft_ids: list[int]) -> None:
    """Remember that the drafts listed wait for a pick (in the order listed)."""
    store.set_conversation(services.storage, turn.user_id, {"feature": FEATURE, "drafts": draft_ids,
                                                            "at": utc_text(turn.now)}, turn.now)


def typed(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """A line typed while a draft is to be picked: the draft its number names (`2`, `#2`), else "pick a draft
    first"; None for a question and anything else."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("feature") != FEATURE:
        return None
    drafts = [int(n) for n in state.get("drafts") or []]
    if turn.now - parse_utc(str(state.get("at"))) > WAITS or text.strip().lower() in ("cancel", "stop"):
        store.set_conversation(services.storage, turn.user_id, None, turn.now)
        return None if text.strip().lower() not in ("cancel", "stop") else [Reply(text="OK, no draft picked.")]
    if (picked := typed_pick(services, turn, text, engine.actions[RESUME])) is not None:
        return picked
    if looks_like_question(text):
        return None
    numbers = " or ".join(str(n) for n in range(1, len(drafts) + 1)) if len(drafts) <= 3 else f"1 to {len(drafts)}"
    return [Reply(text=f"Pick a draft first ({numbers}), then type that again: nothing was saved, and it was not "
                       f"asked of the knowledge base.",
                  note="`resume` lists your drafts again; `cancel` leaves them as they are.")]


def typed_pick(services: Services, turn: Turn, text: str, resume: ActionHandler) -> list[Reply] | None:
    """The draft a bare number typed while the pick waits names (`2`: the second listed), resumed as its button
    would; None when no pick waits (or has waited over an hour) or the text names none of the drafts."""
    state = store.conversation(services.storage, turn.user_id)
    if state.get("feature") != FEATURE or turn.now - parse_utc(str(state.get("at"))) > WAITS:
        return None
    picked = _picked([int(n) for n in state.get("drafts") or []], text)
    if picked is None:
        return None
    store.set_conversation(services.storage, turn.user_id, None, turn.now)
    return resume(turn, str(picked))


def _picked(drafts: list[int], text: str) -> int | None:
    """The draft a typed number names in the list (`2` or `#2` is the second listed), or None."""
    said = text.strip().removeprefix("#").strip()
    if option_digits(said) and len(said) <= 2 and 1 <= int(said) <= len(drafts):
        return drafts[int(said) - 1]
    return None


def install(engine: Engine, services: Services) -> None:
    """Read a line typed while a draft is to be picked before the knowledge base."""
    engine.add_message_handler(lambda turn, text: typed(engine, services, turn, text), priority=PRIORITY)
