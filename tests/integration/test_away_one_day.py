"""Trial 29 (items 7, 12): one day off was hard to book. `away next fri` and `away fri 11th only` got "That isn't how
/audit away is typed", `away 11/12` and `im off next fri can u pause my reminders` got the how-to entry. A single day
is away from and until that day (bot.reminders.away_one_day), said back as "on Friday 11 December 2026", never "from
Friday 11 December 2026 until Friday 11 December 2026"."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.reminders.away_one_day import as_away_words
from bot.reminders.away_worded import away_words
from bot.storage.reminders import away_booked
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)
WORKER = "U0PRAN001"
FRIDAY = date(2026, 12, 11)


def _said(engine: Engine, text: str) -> str:
    return flat("\n".join(reply.text for reply in engine.message(WORKER, text, surface="terminal")))


@pytest.mark.parametrize("typed", ["away next fri", "away 11/12", "away on friday", "away fri 11th only",
                                   "/audit away next friday", "off next fri",
                                   "im off next fri can u pause my reminders",
                                   "I'm off next Fri, could you pause my reminders?", "im on leave next fri"])
def test_one_day_is_booked_from_and_until_it_and_said_as_that_day(engine: Engine, services: Services,
                                                                  typed: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        said = _said(engine, typed) if not typed.startswith("/") else flat(
            "\n".join(r.text for r in engine.command(WORKER, typed.removeprefix("/audit "))))
        status = _said(engine, "away")
    assert "Booked: your reminders pause on Friday 11 December 2026, your one day away, and start again on Monday " \
           "14 December 2026." in said, said
    assert status.startswith("Away on Friday 11 December 2026: booked"), status
    assert "until Friday 11 December 2026" not in said + status
    assert away_booked(services.storage, WORKER, SATURDAY.date()) == (FRIDAY, FRIDAY, None)
    assert asked_the_knowledge_base(services) == 0


def test_cancelling_one_day_says_that_day(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _said(engine, "away next fri")
        said = _said(engine, "away off")
    assert said.startswith("Cancelled: your time away on Friday 11 December 2026 is no longer booked")


def test_a_day_that_is_no_day_is_said_to_be_wrong(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        said = _said(engine, "away fri 45th")
    assert "as the day you are away" in said and "Nothing was changed." in said
    assert away_booked(services.storage, WORKER, SATURDAY.date()) is None


def test_until_a_day_still_pauses_to_that_day(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        said = _said(engine, "away until next fri")
    assert "you are away to Friday 11 December 2026 (your last day away)" in said


@settings(max_examples=80, deadline=None)
@given(offset=st.integers(min_value=0, max_value=300), form=st.sampled_from(["{d:%d/%m}", "on {d:%d/%m/%Y}",
                                                                              "{d:%a %d %b}", "{d:%A %d %B} only"]))
def test_any_single_day_typed_is_read_as_that_day(offset: int, form: str) -> None:
    today = SATURDAY.date()
    day = today + timedelta(days=offset)
    words = as_away_words(form.format(d=day), today)
    assert words == f"from {day.isoformat()} until {day.isoformat()}"
    worded = away_words(f"im off {form.format(d=day)}", today)  # what `/audit away` is given for the statement
    assert worded is not None and (as_away_words(worded, today) or worded) == words


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcfrimontue 0123456789/?,."), max_size=20))
def test_typed_words_are_one_day_a_refusal_or_not_a_day(typed: str) -> None:
    today = SATURDAY.date()
    try:
        words = as_away_words(typed, today)
    except UserError as error:
        assert "Nothing was changed." in str(error)
        return
    if words is not None:
        first, _, last = words.removeprefix("from ").partition(" until ")
        assert first == last[:10] and date.fromisoformat(first) >= today
