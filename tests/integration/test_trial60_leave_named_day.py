"""Trial 60 (F13 fringe, fix72a): one day of leave named in words, `im off christmas eve`, was not booked and went to
the QA leads' list as an unanswered question; `im off on 24/12` likewise. A single day named (Christmas Eve, Boxing
Day, New Year's Eve…) or numbered is booked as that day alone, first and last day the same, and said back "on
Thursday 24 December 2026". A season alone (`im off christmas`) is still asked which days. The clock is pinned
(Friday 18 December 2026, London), so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.away_worded import away_words
from bot.storage.asks import unanswered_since
from bot.storage.reminders import away_booked
from tests.support.text import flat
from tests.support.trial_day import LONDON

MANAGER = "U0MGRS001"
FRIDAY = datetime(2026, 12, 18, 15, 0, tzinfo=LONDON)
EVE = date(2026, 12, 24)


def said(engine: Engine, text: str) -> str:
    with time_machine.travel(FRIDAY, tick=False):
        replies = engine.message(MANAGER, text, surface="terminal")
    return flat("\n".join(f"{reply.to_user or ''} {reply.text}" for reply in replies), drop="`*")


@pytest.mark.parametrize("typed", ["im off christmas eve", "im off on christmas eve", "I'm off Christmas Eve",
                                   "im on leave christmas eve", "im off xmas eve", "im off on 24/12", "im off 24/12",
                                   "away christmas eve", "off christmas eve only"])
def test_one_day_named_in_words_is_booked_as_that_day_alone(engine: Engine, services: Services, typed: str) -> None:
    reply = said(engine, typed)
    assert reply.startswith("Booked: your reminders pause on Thursday 24 December 2026, your one day away, and start "
                            "again on Tuesday 29 December 2026."), reply
    assert away_booked(services.storage, MANAGER, FRIDAY.date()) == (EVE, EVE, None)
    assert unanswered_since(services.storage, datetime(2026, 1, 1, tzinfo=LONDON)) == []  # none for the QA leads


@pytest.mark.parametrize(("typed", "day"), [("im off boxing day", date(2026, 12, 26)),
                                            ("im off new years eve", date(2026, 12, 31)),
                                            ("away new year's eve", date(2026, 12, 31)),
                                            ("im off christmas day", date(2026, 12, 25))])
def test_other_days_named_are_booked_as_themselves(engine: Engine, services: Services, typed: str, day: date) -> None:
    reply = said(engine, typed)
    assert reply.startswith(f"Booked: your reminders pause on {day:%A} {day.day} December 2026, your one day away")
    assert away_booked(services.storage, MANAGER, FRIDAY.date()) == (day, day, None)


def test_the_cover_of_one_named_day_is_told_that_day(engine: Engine, services: Services) -> None:
    reply = said(engine, "im off christmas eve, tm north covering")
    assert away_booked(services.storage, MANAGER, FRIDAY.date()) == (EVE, EVE, "U0MGRN001")
    assert ("U0MGRN001 Team manager (South) is away on Thursday 24 December 2026 and has named you as their cover: "
            "audits waiting for their moderation come to you in your reminders on that day") in reply


@pytest.mark.parametrize("typed", ["im off christmas", "im off over christmas", "im off xmas"])
def test_a_season_alone_is_still_asked_which_days(engine: Engine, services: Services, typed: str) -> None:
    assert said(engine, typed).startswith("Which days are you off?")
    assert away_booked(services.storage, MANAGER, FRIDAY.date()) is None


NAMED = {"christmas eve": (12, 24), "xmas eve": (12, 24), "christmas day": (12, 25), "xmas day": (12, 25),
         "boxing day": (12, 26), "new year's eve": (12, 31), "new years eve": (12, 31)}


@given(name=st.sampled_from(sorted(NAMED)), lead=st.sampled_from(["im off ", "i'm off on ", "im on leave ", "off ",
                                                                  "I'm off ", "im away on "]),
       upper=st.booleans(), only=st.booleans(), today=st.dates(date(2026, 1, 2), date(2027, 12, 20)))
def test_a_named_day_is_the_next_such_day_first_and_last(name: str, lead: str, upper: bool, only: bool,
                                                         today: date) -> None:
    month, day = NAMED[name]
    due = date(today.year, month, day)
    due = due if due >= today else date(today.year + 1, month, day)
    typed = f"{lead}{name.title() if upper else name}{' only' if only else ''}"
    assert away_words(typed, today) == f"from {due.isoformat()} until {due.isoformat()}"


@given(st.dates(date(2026, 1, 2), date(2027, 12, 20)))
def test_a_season_alone_names_no_day(today: date) -> None:
    assert away_words("im off christmas", today) is None and away_words("im off over xmas", today) is None
