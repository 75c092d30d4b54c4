"""Fix 34 (HIGH): a manager who booked leave in words and then typed that it had changed ("my leave has changed its
22nd dec not 21st", "change my leave to 22 dec - 4 jan", "back on the 3rd not the 2nd", "cancel my leave") got the HR
leave policy's reply or "I don't know that yet", and the booking stayed as it was. A change said in words moves the
end it names (bot.reminders.away_change), confirmed in one line; with no booking the reply says so and how to book."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.away_change import read_change
from bot.storage.reminders import away_period, set_away
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)
YEAR_END = datetime(2026, 12, 28, 10, 0, tzinfo=LONDON)  # a Monday, the booking runs over New Year
MANAGER = "U0MGRS001"
NORTH = "U0MGRN001"
WORKER = "U0PRAS001"


def _said(engine: Engine, text: str, user: str = MANAGER) -> str:
    return flat("\n".join(reply.text for reply in engine.message(user, text, surface="terminal")))


def _booked_in_words(engine: Engine) -> None:
    assert "Booked" in _said(engine, "away 21 dec to 2 jan")


@pytest.mark.parametrize(("typed", "first", "last", "said"), [
    ("my leave has changed its 22nd dec not 21st", date(2026, 12, 22), date(2027, 1, 2),
     "Your away dates are now from Tuesday 22 December 2026 to Saturday 2 January 2027"),
    ("change my leave to 22 dec - 4 jan", date(2026, 12, 22), date(2027, 1, 4),
     "Your away dates are now from Tuesday 22 December 2026 to Monday 4 January 2027"),
    ("back on the 5th not the 4th", date(2026, 12, 21), date(2027, 1, 4),
     "to Monday 4 January 2027 (was from Monday 21 December 2026 to Saturday 2 January 2027)"),
    ("sorry my leave now ends on 8 jan", date(2026, 12, 21), date(2027, 1, 8), "start again on Monday 11 January 2027"),
    ("my a/l starts on the 23rd instead", date(2026, 12, 23), date(2027, 1, 2), "from Wednesday 23 December 2026"),
    ("I'm back on the 3rd now", date(2026, 12, 21), date(2027, 1, 2), "Your away dates stay"),
    ("can you move my leave to 23/12, back on 6/1", date(2026, 12, 23), date(2027, 1, 5), "to Tuesday 5 January"),
    ("leave changed: 22 dec to 2 jan", date(2026, 12, 22), date(2027, 1, 2), "from Tuesday 22 December 2026"),
    ("i'm now off from 21st dec, back on 6 jan", date(2026, 12, 21), date(2027, 1, 5), "to Tuesday 5 January 2027"),
    ("my last day is now the 30th", date(2026, 12, 21), date(2026, 12, 30), "to Wednesday 30 December 2026"),
    ("I'm on leave from 22nd not 21st", date(2026, 12, 22), date(2027, 1, 2), "from Tuesday 22 December 2026"),
])
def test_a_change_in_words_moves_the_booking_and_says_the_new_dates(engine: Engine, services: Services, typed: str,
                                                                    first: date, last: date, said: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _booked_in_words(engine)
        reply = _said(engine, typed)
    assert said in reply
    assert "reminders pause then" in reply or "nothing changed" in reply
    assert away_period(services.storage, MANAGER) == (first, last, None)


def test_the_change_is_kept_in_the_trail(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _booked_in_words(engine)
        _said(engine, "my leave has changed its 22nd dec not 21st")
    changed = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'away.changed'").fetchall()
    assert len(changed) == 1 and json.loads(changed[0][0])["starts"] == "2026-12-22"


def test_across_the_year_end_a_day_without_its_month_is_the_one_near_the_day_it_replaces(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(YEAR_END, tick=False):
        assert "Booked" in _said(engine, "away 30/12 to 2/1")
        moved = _said(engine, "my leave ends on the 31st not the 2nd")
        assert away_period(services.storage, MANAGER) == (date(2026, 12, 30), date(2026, 12, 31), None)
        assert "to Thursday 31 December 2026" in moved
        later = _said(engine, "my leave has changed, it's the 4th not the 31st")
        assert away_period(services.storage, MANAGER) == (date(2026, 12, 30), date(2027, 1, 4), None)
        assert "to Monday 4 January 2027" in later


def test_moving_the_first_day_to_today_pauses_reminders_now(engine: Engine, services: Services) -> None:
    with time_machine.travel(YEAR_END, tick=False):
        _said(engine, "away 30/12 to 2/1")
        said = _said(engine, "my leave starts today")
    assert "your reminders are paused until then" in said
    assert away_period(services.storage, MANAGER) == (None, date(2027, 1, 2), None)


def test_a_cover_stays_and_is_told_the_new_days(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _said(engine, "away 21 dec to 2 jan cover tm north")
        replies = engine.message(MANAGER, "change my leave to 22 dec - 4 jan", surface="terminal")
    assert away_period(services.storage, MANAGER) == (date(2026, 12, 22), date(2027, 1, 4), NORTH)
    told = [reply for reply in replies if reply.to_user == NORTH]
    assert told and "from Tuesday 22 December 2026 to Monday 4 January 2027" in flat(told[0].text)


@pytest.mark.parametrize("typed", ["my leave has changed its 22nd dec not 21st", "change my leave to 22 dec - 4 jan",
                                   "cancel my leave", "my leave has changed"])
def test_with_nothing_booked_the_reply_says_so_and_how_to_book(engine: Engine, services: Services,
                                                               typed: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        said = _said(engine, typed, WORKER)
    assert "You have no time away booked" in said and "away 21/12 to 2/1" in said
    assert away_period(services.storage, WORKER) is None


def test_cancel_my_leave_cancels_the_booking(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _booked_in_words(engine)
        said = _said(engine, "cancel my leave please")
    assert "Cancelled: your time away from Monday 21 December 2026" in said
    assert away_period(services.storage, MANAGER) is None


@pytest.mark.parametrize(("typed", "why"), [
    ("my leave has changed", "Say which day changes"),
    ("my leave is 22nd not 30th", "Neither day is '30th'"),
    ("my leave now ends on the 19th", "before its first day"),
    ("change my leave to blue - green", "Nothing was changed"),
])
def test_a_change_that_cannot_be_made_leaves_the_booking_and_says_why(engine: Engine, services: Services, typed: str,
                                                                      why: str) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _booked_in_words(engine)
        said = _said(engine, typed)
    assert why in said
    assert away_period(services.storage, MANAGER) == (date(2026, 12, 21), date(2027, 1, 2), None)


@pytest.mark.parametrize("typed", ["the leave policy says 25 days", "im off now", "my leave", "change my password",
                                   "leave it", "my last day is friday",
                                   "how do i change my leave dates?", "im on leave from 21/12 to 4/1"])
def test_other_text_is_not_a_change(typed: str) -> None:
    assert read_change(typed) is None


HEADS = ["my leave has changed", "my leave has changed its", "change my leave to", "my leave is now", "my a/l",
         "sorry my holiday has moved to", "I'm back", "im back on", "my leave now starts", "my leave ends",
         "can you move my time off to", "cancel my leave", "my leave is cancelled", "actually my leave",
         "leave changed:", "i'm now off from", "my last day is now", "I'm on leave from"]
DAYS = ["22nd dec", "21st", "the 3rd", "2nd", "4 jan", "22/12", "31/12", "1/1", "next fri", "tomorrow", "30th feb",
        "99/99", "blue", "", "29/2", "mon 4th", "monday", "today", "3/1/2027", "22 dec - 4 jan"]
JOINS = ["", " not ", " instead of ", " - ", " to ", ", back on ", " now", " not the "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.sampled_from(HEADS), new=st.sampled_from(DAYS), join=st.sampled_from(JOINS),
       old=st.sampled_from(DAYS), today=st.dates(min_value=date(2026, 12, 1), max_value=date(2027, 1, 10)),
       length=st.integers(min_value=0, max_value=20), offset=st.integers(min_value=0, max_value=10))
def test_any_typed_change_changes_the_booking_with_a_confirmation_or_leaves_it_with_a_message(
        engine: Engine, services: Services, head: str, new: str, join: str, old: str, today: date, length: int,
        offset: int) -> None:
    noon = datetime(today.year, today.month, today.day, 12, 0, tzinfo=LONDON)
    typed = f"{head} {new}{join}{old}".strip()
    with time_machine.travel(noon, tick=False):
        first = date.fromordinal(today.toordinal() + offset)
        set_away(services.storage, MANAGER, date.fromordinal(first.toordinal() + length), None, noon,
                 first if first > today else None)
        before = away_period(services.storage, MANAGER)
        replies = engine.message(MANAGER, typed, surface="terminal")
        after = away_period(services.storage, MANAGER)
    said = flat("\n".join(reply.text for reply in replies))
    assert said.strip(), typed  # never silence
    assert "something went wrong" not in said, typed  # never a traceback
    if after != before:
        assert any(word in said for word in ("Your away dates are now", "Cancelled", "Welcome back")), typed
    else:
        assert "Your away dates are now" not in said, typed
