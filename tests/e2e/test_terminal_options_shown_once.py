""""Did you mean…" options kept from an earlier terminal session are not printed again as a later one opens (trial 27:
every new session reprinted the same "still open" list; trial 37: the next one still opened with the last session's
stale "The options I offered you today … Did you mean…"). They can still be picked while open: by number first thing,
or by their words."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive

MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/London"))
ASKER = "U0PRAN001"
SHOWN_AGAIN = "are still open. Did you mean…"


def _session(engine: Engine, lines: list[str], hours: float) -> str:
    with time_machine.travel(MONDAY + timedelta(hours=hours), tick=False):
        _, out = drive(engine, lines, user=ASKER)
    return out


def test_not_shown_again_at_the_next_session(engine: Engine) -> None:
    assert "Did you mean…" in _session(engine, ["visits"], 0)
    assert SHOWN_AGAIN not in _session(engine, [], 1)
    second = _session(engine, ["/audit help"], 1)
    assert SHOWN_AGAIN not in second and "Here is what I can do for you" in second
    assert not second.split("\n", 1)[1].lstrip().startswith("The options I offered you")


def test_not_shown_again_when_the_person_moved_on_in_the_same_session(engine: Engine) -> None:
    _session(engine, ["visits", "/audit help"], 0)
    third = _session(engine, [], 1)
    assert SHOWN_AGAIN not in third and "Did you mean" not in third


def test_moved_on_they_can_still_be_picked_by_their_words_while_open(engine: Engine) -> None:
    """Left behind is not settled: an option's words typed later in the day still pick it."""
    first = _session(engine, ["visits", "/audit help"], 0)
    label = first.split("  2) ", 1)[1].splitlines()[0]
    later = _session(engine, [label.lower().rstrip("?")], 3)
    assert f"== {label} ==" in later and SHOWN_AGAIN not in later
