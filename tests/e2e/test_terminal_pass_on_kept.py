"""Trial 29, item 10: after "I don't know that yet" with *Pass it to the QA leads*, `1` typed in the next terminal
session got "There are no options to pick from". The pass-on is kept as "Did you mean…" options are
(bot.asking.offered): `1` typed first in the next session passes the question on, though since trial 34 the next
session no longer shows it again; and a list shown is never shown twice."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive

MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/London"))
ASKER = "U0PRAN001"
UNKNOWN = "how many llamas does the office keep on the roof"
KEPT = "To ask them now, press Pass it to the QA leads"


def _session(engine: Engine, lines: list[str], hours: float) -> str:
    with time_machine.travel(MONDAY + timedelta(hours=hours), tick=False):
        _, out = drive(engine, lines, user=ASKER)
    return " ".join(out.split())


def test_pass_it_on_is_pickable_by_number_in_the_next_session(engine: Engine, services: Services) -> None:
    assert "I don't know that yet" in _session(engine, [UNKNOWN], 0)
    second = _session(engine, ["1"], 1)
    assert "no options to pick from" not in second
    assert "You picked 1: Pass it to the QA leads" in second and KEPT not in second  # not shown again (trial 34)
    assert "I've passed your question to the QA leads" in second
    escalated = services.storage.db.execute("SELECT escalated_at FROM kb_asks ORDER BY id DESC LIMIT 1").fetchone()
    assert escalated[0] is not None  # stored as passed on, as the button does


def test_pass_it_on_is_never_shown_again_at_a_start(engine: Engine) -> None:
    """Trial 34: most sessions opened with "… is on the QA leads' list" from the last visit."""
    _session(engine, [UNKNOWN], 0)
    assert KEPT not in _session(engine, [], 1)
    third = _session(engine, [], 2)
    assert KEPT not in third and "Pass it to the QA leads" not in third


def test_did_you_mean_is_never_shown_twice_at_a_start(engine: Engine) -> None:
    first = _session(engine, ["visits"], 0)
    assert first.count("Did you mean…") == 1
    second = _session(engine, ["9"], 1)  # a number on no option picks nothing; the list is not printed (trial 37)
    assert "Did you mean…" not in second and "You picked" not in second
    assert "Did you mean" not in _session(engine, [], 2)
