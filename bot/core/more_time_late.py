"""A request for more time whose day passed before it was answered (trial 60, F10).

A worker asked on 22 December for 1 January; their manager, away until 3 January, pressed *Approve* on 4 January and
was told only "Friday 1 January 2027 has passed, so action 121 was not changed". The day offered instead is as many
working days from the day of the answer as the worker asked for from the day they asked (5, from 22 December to
1 January), at least one: the next working day would give them one day for work they said needed five, and the wait
was not theirs. Home's request line, its *Approve* button, the DM's button and `action 121 due 1/1` all offer it.

Here, in bot.core, since Home's lines (bot.core.more_time_said) and the answer (bot.audits) both say it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.core.calendar import add_working_days, working_days_between
from bot.core.services import Services
from bot.storage.more_time import Asked
from knowledge.dates import long_date, short_date


@dataclass(frozen=True)
class Late:
    """The day asked for, the day offered instead, the working days asked for and the day they were asked."""

    asked_for: date
    offered: date
    working_days: int
    asked_on: date


def late(services: Services, asked: Asked, today: date) -> Late | None:
    """The day to offer for a request whose day has passed, or None when it names no day or its day is still to
    come."""
    if asked.until is None or date.fromisoformat(asked.until) >= today:
        return None
    until = date.fromisoformat(asked.until)
    asked_on = asked.at.astimezone(services.settings.timezone).date()
    count = max(1, working_days_between(asked_on, until))
    return Late(until, add_working_days(today, count), count, asked_on)


def day_to_give(services: Services, asked: Asked, today: date) -> date | None:
    """The day *Approve* gives: the one asked for, or the one offered once that has passed (`late`)."""
    found = late(services, asked, today)
    return found.offered if found is not None else date.fromisoformat(asked.until) if asked.until else None


def why(found: Late) -> str:
    """"the 5 working days asked for on 22 Dec, counted from today"."""
    return f"the {_days(found)} asked for on {short_date(found.asked_on, year=False)}, counted from today"


def line_note(found: Late) -> str:
    """Beside the request on Home: "; 1 Jan has passed, so *Approve* gives Mon 11 Jan (the 5 working days …)"."""
    return (f"; {short_date(found.asked_for, year=False)} has passed, so **Approve** gives "
            f"{found.offered:%a} {short_date(found.offered, year=False)} ({why(found)})")


def told_owner(found: Late, given: date) -> str:
    """What the owner is told beside the new date when the day they asked for had passed."""
    passed = f" You asked for {long_date(found.asked_for)}, which passed while your request waited"
    if given == found.offered:
        return (f"{passed}: this is the {_days(found)} you asked for on {short_date(found.asked_on, year=False)}, "
                "counted from today.")
    return f"{passed}."


def _days(found: Late) -> str:
    return f"{found.working_days} working day{'s' if found.working_days != 1 else ''}"
