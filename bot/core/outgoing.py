"""What a scheduled job produces: messages per recipient, sent at most once per period."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.core.replies import Reply

SCHEDULER_ACTOR = "scheduler"  # who held a scheduled run's message (`held_until`), in the trail and the held rows


@dataclass(frozen=True)
class Outgoing:
    """Everything one recipient (a person or a channel) gets from one run, and what to record once it went.

    `after_send` runs only when every reply was delivered, e.g. marking overdue actions as escalated to the
    manager so their owner is not nudged again. `held_until`, when set, holds the replies (words and buttons) for
    their person until then instead of sending them now, as a DM out of working hours is held: a weekly digest to
    a manager who is away waits for their return (trial 60 F16).
    """

    recipient: str
    replies: tuple[Reply, ...]
    after_send: Callable[[datetime], None] | None = field(default=None, compare=False)
    held_until: datetime | None = None


@dataclass(frozen=True)
class JobSpec:
    """One scheduled job: a plain function of (services, now), how its runs are named, and when it may act.

    `defer` moves a run due on a weekend or bank holiday to the next working day (the weekly digest);
    otherwise such a run is simply not made (daily reminders). `in_working_hours` holds runs to the
    quiet-hours window from settings. `late_is_fine` makes a run missed while the bot was down at its start
    however late, built as of the time it was due: closing a campaign whose deadline passed is still right days
    later, whereas a stale reminder or digest is better skipped.
    """

    name: str
    label: str
    build: Callable[..., list[Outgoing]]
    period: Callable[[date], str]
    defer: bool = False
    in_working_hours: bool = False
    late_is_fine: bool = False


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def iso_day(day: date) -> str:
    return day.isoformat()
