"""`kb dismiss 70 66 56` (or `kb out-of-scope 70, 66 and 56`): each number closed, and the reply says which were.

Trial 39: `kb dismiss 70 66 56` closed #70 only and said "Closed #70"; #66 and #56 stayed open and nothing said so.
Each number is now closed as `kb dismiss N` closes it, and one that can't be (already closed, no such question, part
of a group closed by an earlier number) is named with why, never left out in silence.
"""

from __future__ import annotations

import re

from bot.asking.unanswered import UnansweredDesk
from bot.core import buttons
from bot.core.replies import Reply
from bot.engine.routing import Turn
from bot.errors import UserError

CLOSING_WORDS = ("dismiss", "out-of-scope")
# numbers apart by spaces, commas, `&` or `and`; a `#` before each allowed
SEVERAL = re.compile(r"^#?\d+(?:\s*(?:,|&|\band\b|\s)\s*#?\d+)+\s*[.!]?$", re.IGNORECASE)


def numbers(rest: str) -> list[int] | None:
    """The question numbers in `70 66 56` (or `#70, #66 and #56`), each once; None unless there are two or more."""
    if not SEVERAL.match(rest.strip()):
        return None
    found = [buttons.typed_id(number) for number in re.findall(r"\d+", rest)]
    keys = list(dict.fromkeys(key for key in found if key is not None))
    return keys if len(keys) > 1 else None


def close(desk: UnansweredDesk, turn: Turn, word: str, keys: list[int]) -> list[Reply]:
    """Close each of `keys` as `kb <word> N` would (its own line each), then one line naming those not closed, and
    why."""
    status = "out_of_scope" if word == "out-of-scope" else "dismissed"
    replies: list[Reply] = []
    refused: list[str] = []
    for key in keys:
        try:
            replies += desk.close(turn, key, status)
        except UserError as why:
            refused.append(f"#{key}: {why}")
    if refused:
        replies.append(Reply(kind="error", text=f"Not closed ({len(refused)} of {len(keys)}): " + " ".join(refused)))
    return replies
