"""What was held for a person and is handed over in a turn because they are here, settled only once it is posted.

fix47c settled a held message as the turn's reply was built, so when Slack refused the post (an error, the network)
it was lost: never seen, and the run at the start of the person's hours had nothing left to send. Now each handed
over message carries a receipt (bot.core.replies.Receipt): the Slack transport calls `delivered` once it has posted
it, which settles it as sent, or `failed`, which releases its claim so that run still sends it. The terminal chat
prints the reply itself, so there it is settled at once. fix50b: a refusal was silent, so the worker read the
messages that did arrive and never knew some would come later; the first refused one in a turn adds one line saying
when the rest comes (its time: the start of their working hours).

fix52c: a held message saying a due date with how near it is, "due Friday 18 December 2026 (in 10 days)", was
handed over on Monday still saying "(in 10 days)" of the Friday it was written. `near_again` says it again against
the day it is delivered (the full date is the truth), as `how_near` would: "(in 7 days)", or no bracket once passed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo

from bot.audits.action_fields import how_near
from bot.core.replies import Reply
from bot.engine.routing import Turn
from knowledge.dates import long_date

# A full date as `long_date` says it, any bold or italic marks after it, then how near it was when written.
_NEAR = re.compile(r"(?P<date>(?<![A-Za-z])(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} "
                   r"(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})"
                   r"(?P<marks>[*_]*) \((?:today|tomorrow|in \d+ days?)\)")


def near_again(text: str, today: date) -> str:
    """`text` with every "(in N days)", "(tomorrow)" or "(today)" after a full date said again for `today`, the
    day it is delivered (`how_near` of that date: dropped once it has passed); a date that does not parse (a
    weekday that does not match it) is left as written."""
    def said(found: re.Match[str]) -> str:
        try:
            day = datetime.strptime(found.group("date"), "%A %d %B %Y").date()
        except ValueError:
            return found.group(0)
        if long_date(day) != found.group("date"):
            return found.group(0)
        return found.group("date") + found.group("marks") + how_near(day, today)
    return _NEAR.sub(said, text)


def reply_near_again(reply: Reply, today: date) -> Reply:
    """A held message as delivered on `today`: how near each due date is in its words and fields (`near_again`)."""
    return replace(reply, text=near_again(reply.text, today), note=near_again(reply.note or "", today) or reply.note,
                   fields=tuple((name, near_again(value, today)) for name, value in reply.fields))


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
    if turn.surface == "terminal":  # to the person here: its buttons numbered, as a DM shows them in Slack (F11)
        for item in handed:
            item.settle()
        return [replace(item.reply, to_user=None) if item.reply.to_user == turn.user_id else item.reply
                for item in handed]
    refusals = _Refusals()
    return [replace(item.reply, receipt=HandedReceipt(item, refusals)) for item in handed]
