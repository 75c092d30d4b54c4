"""A correction typed just after an action was marked done (trial 37): `done 14`, then `oops wrong one i meant 101`.

The trial's worker was told "I don't know that yet, so your question is on the QA leads' list", and action 14 stayed
done. While the done reply's `undo` is still on offer (bot.engine.confirmations.offer), a line saying another action
was meant reopens the one marked by mistake and marks the one meant done, as `undo` then `done 101` would, and says
both. Anything that stops the second (no such action, not theirs, done already) is said before the first is undone,
so nothing is left half changed.
"""

from __future__ import annotations

import re

from bot.audits import action_status
from bot.core import policy
from bot.core.action_named import action_named
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
from bot.engine.routing import Engine, Turn
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage import audits as store

PRIORITY = 14  # before the offer's own words (15), which would set it aside as text it does not take
REOPEN = "actions.reopen"
_OOPS = r"(?:(?:oops|whoops|oh|sorry|no|argh|damn|ah|actually|wait)\b[\s,.!-]*)*"
_WRONG = r"(?:(?:that\s+was\s+|thats\s+|that's\s+)?(?:the\s+)?wrong\s+(?:one|action|number|1)\b[\s,.!:-]*)"
_MEANT = r"(?:i\s+|it\s+)?(?:meant|mean|should\s+(?:have\s+)?be(?:en)?|was\s+meant\s+to\s+be)\s+(?:action\s+)?#?"
MEANT = re.compile(rf"^\s*{_OOPS}(?:{_WRONG}{_OOPS}(?:{_MEANT})?|{_MEANT})(?P<id>\d+)"
                   r"(?:\s*,?\s*not\s+(?:action\s+)?#?\d+)?(?:\s+(?:sorry|thanks|pls|please))?\s*[.!]*\s*$",
                   re.IGNORECASE)


def _marked_by_mistake(services: Services, turn: Turn) -> int | None:
    """The action whose done reply still offers `undo`; None when no such offer waits."""
    pending = store.conversation(services.storage, turn.user_id).get(confirmations.KEY)
    if not isinstance(pending, dict) or not pending.get("words_only") or pending.get("yes", [None])[0] != REOPEN:
        return None
    return action_status.typed_id(str(pending["yes"][1]))


def _check_meant(services: Services, turn: Turn, wrong: int, meant: int) -> None:
    """The UserError saying why the action meant can't be marked done, with the wrong one left as it is."""
    stays = f"Action {wrong} is still marked done: type `undo` to reopen it."
    action = action_store.get_action(services.storage, meant)
    if action is None:
        raise UserError(f"I can't find action {meant}, so I haven't changed anything. {stays}")
    if action.done_at:
        raise UserError(f"{action_named(action, capital=True)} is marked done already, so I haven't changed "
                        f"anything. {stays}")
    if action.owner_id != turn.user_id and not policy.may_complete_for_others(services.directory, turn.person,
                                                                             action.owner_id):
        raise UserError(f"{action_named(action, capital=True)} isn't yours, so I haven't changed anything. {stays} "
                        "`/audit actions` lists yours.")


def typed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`oops wrong one i meant 101` while `undo` is on offer: the wrong action reopened and the one meant marked
    done, both said; None for other text, or when no action was just marked done."""
    said = MEANT.match(text)
    if said is None or (wrong := _marked_by_mistake(services, turn)) is None:
        return None
    meant = action_status.typed_id(said.group("id"))
    if meant == wrong:
        return [Reply(kind="notice", text=f"Action {wrong} is the one I marked done, so nothing changed. Type `undo` "
                                          "to reopen it.")]
    _check_meant(services, turn, wrong, meant)
    reopened = action_status.on_reopen(services, turn, str(wrong))
    return [*reopened, *action_status.on_done(services, turn, str(meant))]


def install(engine: Engine, services: Services) -> None:
    """Read a correction typed just after `done 14`."""
    engine.add_message_handler(lambda turn, text: typed(services, turn, text), priority=PRIORITY)
