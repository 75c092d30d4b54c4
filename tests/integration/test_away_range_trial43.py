"""Trial 43 (17): `im on annual leave from the 21st to 4th jan, can you stop nagging me` was told "I could not read
that as a date" (bot.reminders.away_range). Days of the month in a range are read, the month taken from the other end,
the year as the next such date. The clock is pinned, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.reminders.away_range import dated
from bot.storage.reminders import away_booked
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SUNDAY = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)
WORKER = "U0PRAS001"


@pytest.mark.parametrize("typed", ["im on annual leave from the 21st to 4th jan, can you stop nagging me",
                                   "im on leave 21st dec - 4th jan", "im off between the 21st and the 4th",
                                   "away from the 21st to the 4th of january"])
def test_leave_said_with_days_of_the_month_is_booked(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(SUNDAY, tick=False):
        said = flat("\n".join(r.text for r in engine.message(WORKER, typed, surface="terminal")))
    assert "Booked: your reminders pause from Monday 21 December 2026" in said, said
    assert "could not read" not in said
    booked = away_booked(services.storage, WORKER, date(2026, 12, 6))
    assert booked is not None and booked[0] == date(2026, 12, 21) and booked[1] == date(2027, 1, 4)


@pytest.mark.parametrize(("typed", "read"), [
    ("from the 21st to 4th jan", "from 2026-12-21 until 2027-01-04"),
    ("from 30th dec to the 2nd", "from 2026-12-30 until 2027-01-02"),
    ("between the 8th and the 12th", "from 2026-12-08 until 2026-12-12"),
    ("from the 2nd to 4th jan", "from 2027-01-02 until 2027-01-04"),
    ("3 - 4", "3 - 4"),  # two bare numbers are no range
])
def test_days_of_the_month_take_their_month_from_the_other_end(typed: str, read: str) -> None:
    assert dated(typed, SUNDAY.date()) == read


def test_a_day_the_month_does_not_have_is_asked_about() -> None:
    with pytest.raises(UserError, match="April has no 31st"):
        dated("from the 31st to 4th may", SUNDAY.date())


@settings(max_examples=300, deadline=None)
@given(first=st.integers(1, 28), last=st.integers(1, 28), days=st.integers(0, 3000))
def test_a_range_read_ends_on_or_after_it_starts_and_never_before_today(first: int, last: int, days: int) -> None:
    today = date(2026, 1, 1) + timedelta(days=days)
    read = dated(f"from the {first}th to the {last}th", today).split()
    start, end = date.fromisoformat(read[1]), date.fromisoformat(read[3])
    assert today <= start <= end and start.day == first and end.day == last and (end - start).days < 31


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_is_read_or_refused_with_words_never_a_crash(text: str) -> None:
    with contextlib.suppress(UserError):
        dated(text, SUNDAY.date())
