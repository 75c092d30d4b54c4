"""Trial 60 (F13): leave said with a season and no days, "im off over christmas", was answered outright with the
statutory-timescales entry, and "off between christmas and new year" with a "Did you mean" leading with it. Now the
bot asks which days, with the exact `away` line to type, and books nothing. The clock is pinned (Friday 18 December
2026, London; then 28 December), so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.away_season import names_only_a_season
from bot.storage.asks import unanswered_since
from bot.storage.reminders import away_period
from tests.support.text import flat
from tests.support.trial_day import LONDON

MANAGER = "U0MGRS001"
FRIDAY = datetime(2026, 12, 18, 15, 0, tzinfo=LONDON)
BETWEEN = datetime(2026, 12, 29, 10, 0, tzinfo=LONDON)
TIMESCALES = "How do we count working days for statutory timescales?"


def said(engine: Engine, text: str, when: datetime = FRIDAY) -> str:
    with time_machine.travel(when, tick=False):
        replies = engine.message(MANAGER, text, surface="terminal")
    return flat("\n".join(f"{reply.title or ''} {reply.text}" for reply in replies), drop="`*")


@pytest.mark.parametrize("typed", ["im off over christmas", "off between christmas and new year",
                                   "i'm on leave over xmas", "im off over christmas and new year",
                                   "im off christmas week", "im off over christmas?", "off over the festive period"])
def test_leave_over_christmas_asks_which_days_with_the_away_line(engine: Engine, services: Services,
                                                                 typed: str) -> None:
    reply = said(engine, typed)
    assert ("Which days are you off? Type your first and last day away, like away from 24/12 until 1/1 (or im off "
            "24th dec to 1st jan): your reminders then pause and start again on Monday 4 January 2027. Nothing is "
            "booked yet.") in reply, reply
    assert TIMESCALES not in reply and "Did you mean" not in reply
    assert away_period(services.storage, MANAGER) is None
    assert unanswered_since(services.storage, datetime(2026, 1, 1, tzinfo=LONDON)) == []


def test_the_cover_said_with_it_is_kept_in_the_line_to_type(engine: Engine) -> None:
    assert "like away from 24/12 until 1/1 cover tm north (" in said(engine, "im on leave over xmas, tm north covering")


def test_once_christmas_eve_has_come_the_line_starts_today(engine: Engine) -> None:
    assert "like away until 1/1 (" in said(engine, "im off over christmas", BETWEEN)


def test_the_line_it_gives_books_the_days(engine: Engine, services: Services) -> None:
    said(engine, "im off over christmas")
    reply = said(engine, "away from 24/12 until 1/1")
    assert "Booked" in reply and "start again on Monday 4 January 2027" in reply, reply
    assert away_period(services.storage, MANAGER) == (date(2026, 12, 24), date(2027, 1, 1), None)


def test_leave_with_its_days_is_still_booked_at_once(engine: Engine, services: Services) -> None:
    reply = said(engine, "im on leave over xmas from 21st dec back on 4th jan")
    assert "Booked: your reminders pause from Monday 21 December 2026" in reply, reply


def test_a_question_about_booking_leave_is_not_asked_which_days(engine: Engine) -> None:
    assert "Which days are you off?" not in said(engine, "how do i book leave over christmas?")


@given(season=st.sampled_from(["christmas", "xmas", "new year", "christmas and new year", "xmas to new year"]),
       lead=st.sampled_from(["", "over ", "during ", "for ", "between "]), end=st.sampled_from(["", ".", "!", " "]))
def test_a_season_alone_is_read_as_one(season: str, lead: str, end: str) -> None:
    assert names_only_a_season(f"{lead}{season}{end}")


@pytest.mark.parametrize("rest", ["over christmas, ring me on 07700 900123", "to a meeting", "christmas eve",
                                  "over christmas from 21/12", "sick"])
def test_anything_more_than_a_season_is_not(rest: str) -> None:
    assert not names_only_a_season(rest)
