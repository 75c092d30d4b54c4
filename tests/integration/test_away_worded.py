"""Trial 28 (MEDIUM): time away said in words was not booked. "im on leave all next week, tm north covering" got the
HR leave policy's out-of-scope reply with nothing paused, and "away next week cover tm north" got knowledge-base
suggestions. A first-person statement of leave with its days is `/audit away` with those days (bot.reminders.
away_worded): "next week" is Monday to Friday of next week, said back in the reply."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.away_worded import away_words, week_days
from bot.reminders.feature import read_away
from bot.storage.reminders import away_booked
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)
MANAGER = "U0MGRS001"
NORTH = "U0MGRN001"


def _said(engine: Engine, text: str) -> str:
    return flat("\n".join(reply.text for reply in engine.message(MANAGER, text, surface="terminal")))


@pytest.mark.parametrize("typed", ["im on leave all next week, tm north covering", "away next week cover tm north",
                                   "I'm on annual leave next week - TM North covering",
                                   "i will be off the whole of next week and tm north is covering"])
def test_next_week_with_a_cover_is_booked_and_said_back(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        said = _said(engine, typed)
    assert "Booked: your reminders pause from Monday 7 December 2026 to Friday 11 December 2026" in said
    assert "start again on Monday 14 December 2026" in said
    assert "Moderation requests go to" in said
    assert away_booked(services.storage, MANAGER, date(2026, 12, 5)) == (date(2026, 12, 7), date(2026, 12, 11),
                                                                         NORTH)


def test_days_the_away_command_reads_with_a_cover_in_words(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        said = _said(engine, "I'm off from 21/12 to 24/12, tm north covering")
    assert "pause from Monday 21 December 2026 to Thursday 24 December 2026" in said
    assert away_booked(services.storage, MANAGER, date(2026, 12, 5)) == (date(2026, 12, 21), date(2026, 12, 24),
                                                                         NORTH)


@pytest.mark.parametrize("typed", ["im on leave", "how do i pause reminders while im on leave?", "im off to a meeting",
                                   "im off 2 meetings today"])
def test_leave_without_days_or_asked_is_not_booked(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        said = _said(engine, typed)
    assert "Booked" not in said and "Got it" not in said
    assert away_booked(services.storage, MANAGER, date(2026, 12, 5)) is None


@settings(max_examples=200, deadline=None)
@given(today=st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)),
       leave=st.sampled_from(["im on leave", "I'm off", "away", "on annual leave", "I will be away", "off", "off sick",
                              "on sick leave"]),
       span=st.sampled_from(["next week", "all next week", "the whole of next week", "all of next week"]),
       cover=st.sampled_from(["", " cover tm north", ", tm north covering", " and tm north is covering",
                              " covered by tm north"]))
def test_next_week_is_always_next_mondays_working_week(today: date, leave: str, span: str, cover: str) -> None:
    words = away_words(f"{leave} {span}{cover}", today)
    assert words is not None
    parsed = read_away(words, today, lambda typed: NORTH if typed == "tm north" else None)
    assert parsed is not None
    first, last, covered = parsed
    assert first is not None and first > today and first - today <= timedelta(days=7)
    assert (first.weekday(), last.weekday(), (last - first).days) == (0, 4, 4)
    assert (first, last) == week_days("next", today)
    assert covered == (NORTH if cover else None)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=60))
def test_reading_any_text_never_fails(text: str) -> None:
    words = away_words(text, date(2026, 12, 5))
    assert words is None or words.strip()
    assert away_words(f"how do i book {text} next week?", date(2026, 12, 5)) is None
