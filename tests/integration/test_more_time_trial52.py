"""Trial 52, finding 5 (a South social worker): after `done 138 - …`, `can i have more time on action 137, the TAF
cant meet till end of jan` asked "Until when?" (the day in the same line not read), and the next question was told
"The choice above is still waiting: type `undo`", the older done's offer, while the request was dropped without a
word. Now "till end of jan" is the day asked for, "Until when?" is the question waiting (the older offer set aside),
and a line that lets the request go is followed by how to send it."""

from __future__ import annotations

from datetime import date

import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import more_time
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_more_time_trial41 import MONDAY, WORKER, _action, _asked
from tests.support.text import flat

STILL_UNDO = "The choice above is still waiting"


def _say(engine: Engine, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):  # pinned: a working Monday, so nothing is held
        return " ".join(flat(reply.text, "`*_") for reply in engine.message(WORKER, text, surface="terminal"))


def test_till_end_of_jan_in_the_reason_is_the_day_asked_for(engine: Engine, services: Services) -> None:
    done, wanted = _action(services), _action(services)
    _say(engine, f"done {done} - supervision booked for the 9th")
    out = _say(engine, f"can i have more time on action {wanted}, the TAF cant meet till end of jan")
    assert "Until when" not in out and f"for more time on action {wanted}" in out and "until 31 Jan 2027" in out
    assert _asked(services) == [(wanted, "2027-01-31")]


def test_a_question_at_until_when_is_told_the_request_was_not_sent_not_an_older_undo(engine: Engine,
                                                                                     services: Services) -> None:
    done, wanted = _action(services), _action(services)
    _say(engine, f"done {done} - supervision booked for the 9th")
    asked = _say(engine, f"can i have more time on action {wanted}, the TAF is off")
    assert "Until when do you need" in asked and STILL_UNDO not in asked
    out = _say(engine, "how do i write a chronology")
    assert STILL_UNDO not in out and "undo" not in out
    assert out.endswith(f"Your request for more time on action {wanted} was not sent: to send it, type extend "
                        f"{wanted} to 18/12 with your day.")  # a week after its due date (trial 64)
    _say(engine, f"extend {wanted} to mid feb")
    assert _asked(services) == [(wanted, "2027-02-15")]


def test_a_day_typed_at_until_when_is_said_nothing_more(engine: Engine, services: Services) -> None:
    wanted = _action(services)
    _say(engine, f"can i have more time on action {wanted}")
    out = _say(engine, "end of the month")
    assert "was not sent" not in out and _asked(services) == [(wanted, "2026-12-31")]


JOINERS = st.sampled_from(["till", "until", "til", "by", "Till", "BY"])
DAYS = st.sampled_from(["end of jan", "end of january", "the end of january", "end of the month",
                        "the end of the month", "end of next month", "mid feb", "mid-feb",
                        "middle of march", "mid january"])
REASONS = st.sampled_from(["the TAF cant meet", "school is shut", "mum is away", "family away"])
TODAY = date(2026, 12, 7)  # a reference day for the reading, not the clock: every form is read from it


@given(joiner=JOINERS, day=DAYS, reason=REASONS, number=st.integers(1, 9999), tail=st.sampled_from(["", ".", " pls"]))
def test_a_day_said_in_the_reason_is_read(joiner: str, day: str, reason: str, number: int, tail: str) -> None:
    request = more_time.read(f"can i have more time on action {number}, {reason} {joiner} {day}{tail}", TODAY)
    assert request is not None and request.action_id == number
    assert request.until == more_time.loose_day(f"{joiner} {day}", TODAY) is not None
    assert request.until is not None and request.until > TODAY
