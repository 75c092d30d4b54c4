"""Cover while someone is away (trial 22): two managers were booked as each other's cover over the same days, so both
sets of moderation requests would reach nobody; the person named was never told; and `/audit away` and Home said
nothing of the cover. Now such a cover is refused, the cover is told when named and when no longer needed, and the
cover sees whom they cover."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from bot.storage.reminders import away_period

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 10, 0, tzinfo=LONDON)
NORTH, SOUTH, QA = "U0MGRN001", "U0MGRS001", "U0QALEAD1"
COVER_NORTH = "away from 21/12 until 4/1 cover team manager south"


def say(engine: Engine, user: str, text: str) -> list:
    with time_machine.travel(SATURDAY, tick=False):
        return engine.command(user, text, surface="terminal")


def test_the_cover_is_told_when_named_and_sees_whom_they_cover(engine: Engine, services: Services) -> None:
    [booked, told] = say(engine, NORTH, COVER_NORTH)
    assert "I've told them." in booked.text
    assert told.to_user == SOUTH and told.text.startswith(
        "Team manager (North) is away from Monday 21 December 2026 until Monday 4 January 2027 and has named you as "
        "their cover")
    [status] = say(engine, SOUTH, "away")
    assert status.text.endswith("You cover Team manager (North)'s moderation requests from Monday 21 December 2026 "
                                "until Monday 4 January 2027.")
    with time_machine.travel(SATURDAY, tick=False):
        [home] = [s for s in home_sections(engine, services, SOUTH) if s.title == "Away and cover"]
    assert home.text == ("You cover Team manager (North)'s moderation requests from Monday 21 December 2026 until "
                         "Monday 4 January 2027.")


def test_a_cover_away_over_the_same_days_is_refused_and_nothing_changes(engine: Engine, services: Services) -> None:
    say(engine, NORTH, COVER_NORTH)
    [refused] = say(engine, SOUTH, "away from 28/12 until 31/12 cover team manager north")
    assert refused.kind == "error" and refused.text == (
        "Team manager (North) is away themself from Monday 21 December 2026 until Monday 4 January 2027, so on those "
        "days your moderation requests would reach nobody. Pick someone who is in, or leave out `cover`. Nothing was "
        "changed.")
    assert away_period(services.storage, SOUTH) is None


def test_a_cover_away_on_other_days_is_accepted(engine: Engine, services: Services) -> None:
    say(engine, NORTH, COVER_NORTH)
    [booked, told] = say(engine, SOUTH, "away from 7/1 until 8/1 cover team manager north")
    assert booked.kind != "error" and told.to_user == NORTH
    assert away_period(services.storage, SOUTH) is not None


def test_booking_leave_while_covering_says_whose_requests_would_reach_nobody(engine: Engine) -> None:
    say(engine, NORTH, COVER_NORTH)
    [booked, told] = say(engine, SOUTH, "away from 28/12 until 31/12 cover qa lead (practice)")
    assert told.to_user == QA
    assert ("You are the cover for Team manager (North) over some of those days, so their moderation requests would "
            "reach nobody then: ask them to name another cover.") in booked.text


def test_a_cover_replaced_or_no_longer_needed_is_told(engine: Engine) -> None:
    say(engine, NORTH, COVER_NORTH)
    [_, named, released] = say(engine, NORTH, "away from 21/12 until 4/1 cover qa lead (practice)")
    assert named.to_user == QA and released.to_user == SOUTH
    assert released.text == "Team manager (North) no longer needs you to cover their moderation requests."
    [cancelled, told] = say(engine, NORTH, "away off")
    assert cancelled.text.startswith("Cancelled: your time away from Monday 21 December 2026")
    assert told.to_user == QA and "no longer needs you" in told.text
    [status] = say(engine, QA, "away")
    assert "You cover" not in status.text


def test_a_range_typed_with_a_dash_books_the_days_and_says_when_reminders_start_again(engine: Engine,
                                                                                      services: Services) -> None:
    """Trial 22: `/audit away 21/12 - 4/1` got the usage only; and "until you are back after Monday 4 January" left
    it unclear whether the 4th was the last day off or the first day back."""
    for typed in ("away 21/12 - 4/1", "away 21/12–4/1"):
        [booked] = say(engine, SOUTH, typed)
        assert booked.text.startswith("Booked: your reminders pause from Monday 21 December 2026 to Monday 4 January "
                                      "2027, your last day away, and start again on Tuesday 5 January 2027.")
    assert away_period(services.storage, SOUTH) is not None
    with time_machine.travel(SATURDAY, tick=False):
        [typed_bare] = engine.message(SOUTH, "away 21/12 - 4/1")
    assert typed_bare.text.startswith("Booked:")
