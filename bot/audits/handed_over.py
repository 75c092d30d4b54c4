"""What was held for a person and is handed over in a turn because they are here, settled only once it is posted.

fix47c settled a held message as the turn's reply was built, so when Slack refused the post (an error, the network)
it was lost: never seen, and the run at the start of the person's hours had nothing left to send. Now each handed
over message carries a receipt (bot.core.replies.Receipt): the Slack transport calls `delivered` once it has posted
it, which settles it as sent, or `failed`, which releases its claim so that run still sends it. The terminal chat
prints the reply itself, so there it is settled at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from bot.core.replies import Reply
from bot.engine.routing import Turn


@dataclass(frozen=True)
class Handed:
    """One held message claimed for the person here: its reply, and how it is settled as sent or released."""

    reply: Reply
    settle: Callable[[], object]
    release: Callable[[], object]
    gone: Callable[[], bool] = lambda: False  # nothing left to say once the turn has run (a chased action done)
    held_at: datetime | None = None  # when it was held: what is handed over together comes in that order


class HandedReceipt:
    """Told by the transport whether the handed over message was posted (bot.core.replies.Receipt)."""

    def __init__(self, handed: Handed) -> None:
        self.handed = handed

    def delivered(self) -> None:
        """Posted: settled as sent, so the run at the person's time sends it no more."""
        self.handed.settle()

    def failed(self, arrived: list[str]) -> list[Reply]:
        """Refused: held again for the run at the person's time; nothing more to post (Slack refused this one)."""
        self.handed.release()
        return []


def posted_replies(turn: Turn, handed: list[Handed]) -> list[Reply]:
    """The handed over messages as this turn's replies: settled now in the terminal chat (it prints them itself),
    elsewhere once the transport says each was posted. One with nothing left to say once the turn has run (`gone`,
    which settles it unsent: `done 9` typed while a chase of 9 waited) is left out."""
    handed = [item for item in handed if not item.gone()]
    if turn.surface == "terminal":
        for item in handed:
            item.settle()
        return [item.reply for item in handed]
    return [replace(item.reply, receipt=HandedReceipt(item)) for item in handed]
