"""Which reflection to withdraw, typed under the list `withdraw my reflection on 149` shows (fix44d).

In the terminal chat a number typed under the list presses its *Withdraw N* button; in Slack only the button did, and
`2` or `withdraw the second one` typed in the DM went elsewhere. Now the list's reflections are kept beside the
person's conversation while it is the last thing shown to them (any other turn forgets it), and `2`, `#2`,
`withdraw 2`, `number 2`, `the second one`, `delete the 1st` or `the last one` typed next withdraws that one, as its
button does (bot.audits.reflection_withdraw.on_pick): the same in Slack and in the terminal chat.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

KEPT = "reflection_withdraw"  # beside the conversation: {"audit": N, "picks": [button values, in list order]}
PRIORITY = 19  # before an audit's typed step (20): the list was the last thing shown
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
             "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
             "tenth": 10, "10th": 10, "last": -1}
_VERB = r"(?:(?:please\s+)?(?:withdraw|delete|remove|take\s+back|take\s+down|retract)\s+)?"
_WHICH = r"(?:(?:number|no\.?|option)\s*|#)?(?P<n>\d{1,3})|(?:the\s+)?(?P<ord>" + "|".join(_ORDINALS) + r")"
PICK_WORDS = re.compile(rf"^\s*{_VERB}(?:(?:the|my)\s+)?(?:reflection\s+)?(?:{_WHICH})(?:\s+(?:one|reflection))?"
                        r"(?:\s+(?:please|pls|thanks))?\s*[.!]?\s*$", re.IGNORECASE)


def typed_number(text: str) -> int | None:
    """The list's number a line picks (1-based; -1 for `the last one`), or None for other words. Pure."""
    said = PICK_WORDS.match(text or "")
    if said is None:
        return None
    return int(said["n"]) if said["n"] is not None else _ORDINALS[said["ord"].lower()]


def keep(services: Services, turn: Turn, audit_id: int, picks: list[str]) -> None:
    """Keep the list just shown, so a number typed next picks from it."""
    store.keep_aside(services.storage, turn.user_id, KEPT, {"audit": audit_id, "picks": picks}, turn.now)


def picked(services: Services, turn: Turn, text: str,
           withdraw: Callable[[Services, Turn, str], list[Reply]]) -> list[Reply] | None:
    """The reflection a typed number picks from the list just shown, withdrawn (`withdraw`: the button's handler);
    None when no list is kept or the words pick nothing."""
    kept: Any = store.conversation(services.storage, turn.user_id).get(KEPT)
    n = typed_number(text)
    if not isinstance(kept, dict) or n is None:
        return None
    picks = [str(value) for value in kept.get("picks") or []]
    if not picks:
        return None
    if n == -1:
        n = len(picks)
    if not 1 <= n <= len(picks):
        choices = "`1`" if len(picks) == 1 else f"a number from `1` to `{len(picks)}`"
        raise UserError(f"There is no reflection {n} in the list of your reflections on audit #{kept.get('audit')}: "
                        f"type {choices}. Nothing was withdrawn.")
    store.keep_aside(services.storage, turn.user_id, KEPT, None, turn.now)
    return withdraw(services, turn, picks[n - 1])


def forget_unless_shown(services: Services, turn: Turn, action: str) -> Callable[[list[Reply]], list[Reply]]:
    """Around every turn: once a turn shows anything but the list (`action`: its buttons' name) or a refusal, the
    list is no longer the last thing shown, so a number typed later is not read as a pick from it."""

    def afterwards(replies: list[Reply]) -> list[Reply]:
        shown = any(choice.action == action for reply in replies for choice in reply.choices)
        refused = all(reply.kind == "error" for reply in replies if reply.is_for_requester)  # `withdraw 5` of 2
        if not shown and not refused and KEPT in store.conversation(services.storage, turn.user_id):
            store.keep_aside(services.storage, turn.user_id, KEPT, None, turn.now)
        return []

    return afterwards
