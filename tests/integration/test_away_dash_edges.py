"""fix80a: three edges of a note after a spaced dash in `away` (fix79a booked `away until 4/1 - mum said`):
`away until 4/1 - cover nobody here` said "I could not read '4/1 -' as a date"; `away off - back early` got a
knowledge-base answer; and a manager's `away until 4/1 for S1 - mum said` still said "could not read". Now the first
books until 4 January with no cover, saying the words after `cover` name nobody known; the second ends the pause as
`away off` does, saying the words were not kept; the third reads the days back with Yes / No, the note said to be
kept nowhere. Through the terminal chat on a pinned clock (Monday 7 December 2026, London)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.reminders.feature import COVER_UNKNOWN, FOR_NOTE, NOTE_NOT_KEPT, OFF_NOTE, read_days
from bot.storage.reminders import away_period, set_away
from tests.support.examples import examples
from tests.support.text import flat
from tests.support.trial_day import LONDON

WORKER, MANAGER, S1, SOUTH_TM = "U0PRAN001", "U0MGRN001", "U0PRAS001", "U0MGRS001"
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
TODAY = MONDAY.date()
JAN_4 = date(2027, 1, 4)


def _typed(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat("\n".join(reply.text for reply in replies), drop="`*")


@pytest.mark.parametrize("line", ["away until 4/1 - cover nobody here", "away until 4 jan – cover none of them",
                                  "/audit away until 04/01/2027 - cover whoever is in"])
def test_a_cover_after_a_dash_naming_nobody_books_the_days_without_a_cover(engine: Engine, services: Services,
                                                                          line: str) -> None:
    reply = _typed(engine, MANAGER, line)
    assert "could not read" not in reply and flat(COVER_UNKNOWN, drop="`*") in reply, reply
    assert away_period(services.storage, MANAGER) == (None, JAN_4, None)


def test_a_cover_after_a_dash_naming_someone_is_the_cover(engine: Engine, services: Services) -> None:
    reply = _typed(engine, MANAGER, "away until 4/1 - cover Team manager (South)")
    assert "could not read" not in reply and "name nobody" not in reply, reply
    assert away_period(services.storage, MANAGER) == (None, JAN_4, SOUTH_TM)


def test_an_unknown_cover_without_a_dash_is_still_refused(engine: Engine, services: Services) -> None:
    assert "After cover, name one person" in _typed(engine, MANAGER, "away until 4/1 cover nobody here")
    assert away_period(services.storage, MANAGER) is None


@pytest.mark.parametrize("line", ["away off - back early", "away back – came in today", "/audit away off -- sorry"])
def test_away_off_with_a_note_ends_the_pause_and_says_the_note_was_not_kept(engine: Engine, services: Services,
                                                                           line: str) -> None:
    set_away(services.storage, WORKER, JAN_4, None, datetime(2026, 12, 4, 9, tzinfo=LONDON))
    reply = _typed(engine, WORKER, line)
    assert "reminders are on again" in reply and flat(OFF_NOTE) in reply, reply
    assert away_period(services.storage, WORKER) is None


@pytest.mark.parametrize("line", ["away until 4/1 for S1 - mum said", "away until 4/1 - mum said for S1",
                                  "/audit away from 14/12 until 4/1 for Social worker S1 -- hospital"])
def test_a_managers_booking_for_a_worker_with_a_note_reads_the_days_back(engine: Engine, services: Services,
                                                                        line: str) -> None:
    reply = _typed(engine, SOUTH_TM, line)
    assert "could not read" not in reply and flat(FOR_NOTE) in reply, reply
    assert "Set Social worker S1 away" in reply and "Monday 4 January 2027" in reply, reply
    reply = _typed(engine, SOUTH_TM, "yes")
    assert "Done: Social worker S1 is away" in reply, reply
    assert away_period(services.storage, S1)[1] == JAN_4  # type: ignore[index]
    stored = services.storage.db.execute("SELECT detail FROM trail WHERE action LIKE 'away.%'").fetchall()
    assert stored and all("mum" not in row[0] and "hospital" not in row[0] for row in stored)


def test_own_booking_note_wording_is_unchanged(engine: Engine) -> None:
    assert flat(NOTE_NOT_KEPT) in _typed(engine, WORKER, "away until 4/1 - mum said")


COVER_WORDS = st.lists(st.sampled_from(["nobody", "here", "none", "whoever", "is", "in", "team", "tbc", "sorry",
                                        "the", "duty", "desk", "cover", "until", "4/1", "-", "back", "off"]),
                       min_size=0, max_size=5).map(" ".join)


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(dash=st.sampled_from([" - ", " – ", " — ", " -- "]), words=COVER_WORDS)
def test_read_days_never_crashes_and_never_books_a_cover_the_words_do_not_name(services: Services, dash: str,
                                                                             words: str) -> None:
    """read_days reads a dashed cover as the cover: a result is the days typed, and a cover only a person's id."""
    try:
        read = read_days(f"until 4/1{dash}cover {words}", TODAY, services.directory.named)
    except Exception as error:  # a UserError is a refusal said to the user; anything else is a crash
        assert type(error).__name__ == "UserError", error
        return
    assert read is not None and read[:2] == (None, JAN_4)
    assert read[2] is None or services.directory.person(read[2]) is not None
