"""What was held for a person and is handed over in a turn because they are here, settled only once it is posted.

fix47c settled a held message as the turn's reply was built, so when Slack refused the post (an error, the network)
it was lost: never seen, and the run at the start of the person's hours had nothing left to send. Now each handed
over message carries a receipt (bot.core.replies.Receipt): the Slack transport calls `delivered` once it has posted
it, which settles it as sent, or `failed`, which releases its claim so that run still sends it. The terminal chat
prints the reply itself, so there it is settled at once. fix50b: a refusal was silent, so the worker read the
messages that did arrive and never knew some would come later; the first refused one in a turn adds one line saying
when the rest comes (its time: the start of their working hours).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo

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
    send_at: datetime | None = None  # when the run sends it if Slack refuses it now, local (fix50b; `comes_at`)


@dataclass
class _Refusals:
    """Shared by the receipts of one turn's handed over messages: whether the line on refused ones was said."""

    said: bool = field(default=False)


class HandedReceipt:
    """Told by the transport whether the handed over message was posted (bot.core.replies.Receipt)."""

    def __init__(self, handed: Handed, refusals: _Refusals | None = None) -> None:
        self.handed = handed
        self.refusals = refusals or _Refusals()

    def delivered(self) -> None:
        """Posted: settled as sent, so the run at the person's time sends it no more."""
        self.handed.settle()

    def failed(self, arrived: list[str]) -> list[Reply]:
        """Refused: held again for the run at the person's time, and, the first time in the turn, one line saying
        when what did not arrive comes (trial 49 follow-up: they were not told some would come later)."""
        self.handed.release()
        if self.refusals.said:
            return []
        self.refusals.said = True
        return [Reply(kind="notice", text=refused_said(self.handed.send_at))]


def comes_at(send_at: datetime, now: datetime, timezone: tzinfo) -> datetime | None:
    """When a held message released now is sent by the run, in local time; None when its time has come already
    (the next run sends it)."""
    return send_at.astimezone(timezone) if send_at > now else None


def refused_said(send_at: datetime | None) -> str:
    """The one line under handed over messages when Slack refused some: when the rest comes."""
    when = (f"at {send_at:%H:%M} on {send_at:%A} {send_at.day} {send_at:%B}, the start of your working hours"
            if send_at is not None else "with my next scheduled send, shortly")
    return f"Slack did not take every message above just now: the ones missing come again {when}."


def posted_replies(turn: Turn, handed: list[Handed]) -> list[Reply]:
    """The handed over messages as this turn's replies: settled now in the terminal chat (it prints them itself),
    elsewhere once the transport says each was posted. One with nothing left to say once the turn has run (`gone`,
    which settles it unsent: `done 9` typed while a chase of 9 waited) is left out."""
    handed = [item for item in handed if not item.gone()]
    if turn.surface == "terminal":
        for item in handed:
            item.settle()
        return [item.reply for item in handed]
    refusals = _Refusals()
    return [replace(item.reply, receipt=HandedReceipt(item, refusals)) for item in handed]
