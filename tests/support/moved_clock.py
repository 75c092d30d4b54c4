"""Run the whole suite, or a child bot process, on a moved clock: `AUDITBOT_TEST_NOW` names the start instant.

A test that passes today and fails next month is a defect. CI runs the suite once on the real clock and once
with `AUDITBOT_TEST_NOW` set, so anything that reads the wall clock unseen shows up. The clock ticks from
the given instant, so code that waits or measures still sees time pass.

Accepted forms: ISO 8601 with an offset (`2027-10-31T01:30+01:00`), or without one, read as Europe/London
local time (`2027-12-27T09:00`; on a repeated hour the first, summer-time, occurrence).
"""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

VARIABLE = "AUDITBOT_TEST_NOW"
LONDON = ZoneInfo("Europe/London")


def parse_instant(text: str) -> datetime:
    """The instant named by `text`; a clear ValueError says what form is expected."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(f"{VARIABLE}={text!r} is not a date and time like 2027-10-31T01:30+01:00") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=LONDON)


def moved_start(environ: dict[str, str] | None = None) -> datetime | None:
    """The instant the clock should start at, or None to use the real clock."""
    raw = (environ if environ is not None else os.environ).get(VARIABLE, "").strip()
    return parse_instant(raw) if raw else None


def start_moved_clock(environ: dict[str, str] | None = None) -> time_machine.travel | None:
    """Start a ticking time machine at the moved instant, if one is set; the caller stops it."""
    start = moved_start(environ)
    if start is None:
        return None
    traveller = time_machine.travel(start, tick=True)
    traveller.start()
    return traveller


def bot_command(*argv: str) -> list[str]:
    """The command line of a child bot process that shares this process's (possibly moved) clock."""
    import sys

    return [sys.executable, "-m", "tests.support.clocked_bot", *argv]


def child_clock(environ: dict[str, str]) -> dict[str, str]:
    """`environ` plus, when this process runs on a moved clock, the instant the child should start at: now."""
    if moved_start() is None:
        return environ
    from datetime import UTC

    return {**environ, VARIABLE: datetime.now(UTC).isoformat()}


# A day on which every shipped knowledge-base entry is inside its review date: tests that check an answer's
# text without the "past its review date" warning run on it, since any real day may be past some review_by.
CONTENT_DAY = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("UTC"))
