"""Trial 64, finding 5 (South social worker S1): at "Until when do you need action 93?", `can i get an extension` went
to the knowledge base ("How long should care proceedings take?"), the request was dropped and the line put on the QA
leads' list; the note then said `extend 93 to 15/12`, the day the action was due already. Now a line that is the
request itself (no day in it) gets "Until when?" again, nothing dropped or logged; one with a day is asked for that
day; and the example a dropped request names is about a week after the action's due date. Through the chat engine
on a pinned clock (Monday 7 December 2026)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import asks
from tests.integration.test_more_time_trial41 import MONDAY, WORKER, _action, _asked
from tests.support.text import flat

WAITING = "That is the request waiting"


def _say(engine: Engine, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        return " ".join(flat(reply.text, "`*_") for reply in engine.message(WORKER, text, surface="terminal"))


@pytest.mark.parametrize("line", ["can i get an extension", "i need more time", "how long can i have?",
                                  "extension please"])
def test_the_request_said_again_at_until_when_is_asked_until_when_again(engine: Engine, services: Services,
                                                                         line: str) -> None:
    wanted = _action(services)
    assert "Until when do you need" in _say(engine, f"extend {wanted}")
    out = _say(engine, line)
    assert out.startswith(f"{WAITING}: more time on action {wanted}, which I send once you say until when."), out
    assert f"Until when do you need action {wanted}" in out and "was not sent" not in out, out
    assert "care proceedings" not in out and "Did you mean" not in out, out
    assert asks.unanswered_since(services.storage, MONDAY - timedelta(days=1)) == []
    _say(engine, "22/12")
    assert _asked(services) == [(wanted, "2026-12-22")]


@pytest.mark.parametrize("line", ["how long should care proceedings take", "how long does a s47 take"])
def test_a_practice_question_asking_how_long_at_until_when_is_not_held_as_the_request(engine: Engine,
                                                                                      services: Services,
                                                                                      line: str) -> None:
    """fix81e noticed: "how long" alone counted as asking for more time, so a practice question typed at "Until
    when?" was answered "That is the request waiting"."""
    wanted = _action(services)
    _say(engine, f"extend {wanted}")
    out = _say(engine, line)
    assert WAITING not in out and "Until when do you need" not in out, out
    assert f"type extend {wanted} to" in out, out  # the request let go, and how to send it again


def test_the_request_with_a_day_at_until_when_is_sent_for_that_day(engine: Engine, services: Services) -> None:
    wanted = _action(services)
    _say(engine, f"can i have more time on action {wanted}")
    out = _say(engine, "can i have more time till the 18th")
    assert WAITING not in out and "until 18 Dec 2026" in out, out
    assert _asked(services) == [(wanted, "2026-12-18")]


def test_a_dropped_request_names_a_day_after_the_due_date(engine: Engine, services: Services) -> None:
    wanted = _action(services, due="2026-12-15")  # a week from today is the day it is due already
    _say(engine, f"extend {wanted}")
    out = _say(engine, "what is a child in need plan")
    assert out.endswith(f"type extend {wanted} to 22/12 with your day."), out
    assert "15/12" not in out
