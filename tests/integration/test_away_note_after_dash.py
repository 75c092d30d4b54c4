"""fix79a: outside an audit, `away until 4/1 - mum said` answered "I could not read '4/1 - mum said' as a date". The
words after a spaced dash that are neither a cover nor a day are a note: the days before it are booked, and the reply
says the note was not kept or sent (a time away keeps only its days and cover; free text is never stored). A range
(`away 21/12 - 4/1`) and a cover after the dash stay as they were. The clock is pinned (Monday 7 December 2026,
London), so these pass under AUDITBOT_TEST_NOW."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.feature import NOTE_NOT_KEPT
from bot.storage.reminders import away_period
from tests.support.examples import examples
from tests.support.text import flat
from tests.support.trial_day import LONDON

WORKER, MANAGER = "U0PRAN001", "U0MGRN001"
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
TODAY = MONDAY.date()
NOT_KEPT = flat(NOTE_NOT_KEPT)


def _typed(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat("\n".join(reply.text for reply in replies), drop="`*")


@pytest.mark.parametrize("line", ["away until 4/1 - mum said", "away until 4 jan – back for the new year",
                                  "/audit away until 04/01/2027 -- sorry, school holidays"])
def test_the_days_before_the_dash_are_booked_and_the_note_said_not_kept(engine: Engine, services: Services,
                                                                        line: str) -> None:
    reply = _typed(engine, WORKER, line)
    assert "could not read" not in reply and NOT_KEPT in reply, reply
    assert away_period(services.storage, WORKER) == (None, date(2027, 1, 4), None)
    stored = services.storage.db.execute("SELECT detail FROM trail WHERE action = 'away.set'").fetchall()
    assert stored and all("mum" not in row[0] and "school" not in row[0] for row in stored)


def test_a_cover_before_the_note_is_kept(engine: Engine, services: Services) -> None:
    reply = _typed(engine, MANAGER, "away from 14/12 until 18/12 cover Team manager (South) - training course")
    assert NOT_KEPT in reply, reply
    assert away_period(services.storage, MANAGER) == (date(2026, 12, 14), date(2026, 12, 18), "U0MGRS001")


def test_a_range_with_a_dash_is_still_a_range(engine: Engine, services: Services) -> None:
    reply = _typed(engine, WORKER, "away 21/12 - 4/1")
    assert NOT_KEPT not in reply, reply
    assert away_period(services.storage, WORKER) == (date(2026, 12, 21), date(2027, 1, 4), None)


def test_a_dash_and_a_day_that_does_not_read_still_says_so(engine: Engine, services: Services) -> None:
    assert "could not read" in _typed(engine, WORKER, "away until 4/1 - 5/1")
    assert "6 October passed 8 weeks ago" in _typed(engine, WORKER, "away until 6/10 - mum said")
    assert away_period(services.storage, WORKER) is None


NOTE_WORDS = st.lists(st.sampled_from(["mum", "said", "training", "course", "sorry", "xmas", "holiday", "see", "you",
                                       "then", "back", "soon", "hospital", "appointment", "school", "the", "on",
                                       "off", "until", "monday", "leave"]), min_size=1, max_size=5).map(" ".join)
# a day and month without a year is refused once it is some weeks gone ("6 October passed 8 weeks ago"), so those are
# drawn within 8 months; a date with its year anywhere up to the year ahead `away` takes
DAY_WORDS = st.one_of(st.tuples(st.integers(0, 240), st.sampled_from(["{d.day}/{d.month}", "{d.day} {d:%B}",
                                                                       "{d.day} {d:%b}"])),
                      st.tuples(st.integers(0, 360), st.sampled_from(["{d.day}/{d.month}/{d.year}", "{d:%Y-%m-%d}"])))


@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(day=DAY_WORDS, dash=st.sampled_from([" - ", " – ", " — ", " -- "]), note=NOTE_WORDS)
def test_any_away_until_a_date_and_a_note_books_that_date(engine: Engine, services: Services, day: tuple[int, str],
                                                         dash: str, note: str) -> None:
    until = TODAY + timedelta(days=day[0])
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.command(WORKER, f"away until {day[1].format(d=until)}{dash}{note}", surface="terminal")
    assert [r.kind for r in replies if r.kind == "error"] == [], replies
    assert away_period(services.storage, WORKER) == (None, until, None)
    assert NOT_KEPT in flat("\n".join(r.text for r in replies))
