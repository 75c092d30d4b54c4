"""Trial 24 (LOW): booking `/audit away` a second time replaced the first booking without a word. One time away is
kept per person (README: `/audit away`), so the reply says what the new one replaces."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.engine.routing import Engine

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRS001"


def _away(engine: Engine, args: str) -> str:
    [said] = engine.command(MANAGER, f"away {args}", surface="terminal")
    return said.text


def test_rebooking_says_what_it_replaced(engine: Engine) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=LONDON), tick=False):
        first = _away(engine, "from 21/12 until 24/12")
        second = _away(engine, "from 28/12 until 4/1")
        now = _away(engine, "until 4/12")
        again = _away(engine, "until 8/12")
        same = _away(engine, "until 8/12")
    assert "This replaces" not in first
    assert second.endswith("This replaces your time away from Monday 21 December 2026 to Thursday 24 December 2026.")
    assert now.endswith("This replaces your time away from Monday 28 December 2026 to Monday 4 January 2027.")
    assert again.endswith("This replaces the pause you had until Friday 4 December 2026.")
    assert "This replaces" not in same  # the same days again replace nothing
