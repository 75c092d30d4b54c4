"""Trial 36 (M6) and trial 38 (LOW): Christmas leave said in words was not booked. "im on leave over xmas from 21st
dec back on 4th jan, tm north covering" got the HR leave policy, "im off from 21/12 to 4/1 over xmas, cover tm north"
"could not read '4/1 over xmas'", and "im on leave next week, tm south covering, <more>" was taken for a question.
What the leave is for ("over xmas") is read past, and a statement with more after it is booked, the rest neither kept
nor sent. The clock is pinned, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.asks import unanswered_since
from bot.storage.reminders import away_booked
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SUNDAY = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)
MANAGER = "U0MGRS001"
NORTH = "U0MGRN001"


def _said(engine: Engine, text: str) -> str:
    with time_machine.travel(SUNDAY, tick=False):
        return flat("\n".join(reply.text for reply in engine.message(MANAGER, text, surface="terminal")))


@pytest.mark.parametrize("typed", ["im on leave over xmas from 21st dec back on 4th jan, tm north covering",
                                   "im off from 21/12 to 4/1 over xmas, cover tm north"])
def test_christmas_leave_in_words_is_booked(engine: Engine, services: Services, typed: str) -> None:
    said = _said(engine, typed)
    assert "Booked: your reminders pause from Monday 21 December 2026" in said, said
    assert "HR leave policy" not in said and "could not read" not in said
    booked = away_booked(services.storage, MANAGER, date(2026, 12, 6))
    assert booked is not None and booked[0] == date(2026, 12, 21) and booked[2] == NORTH


def test_a_leave_statement_with_more_after_it_is_booked_and_the_rest_not_kept(engine: Engine,
                                                                              services: Services) -> None:
    said = _said(engine, "im on leave next week, tm north covering, the core group is on the 15th so can someone go")
    assert "Booked: your reminders pause from Monday 7 December 2026 to Friday 11 December 2026" in said, said
    assert "the rest was not kept or sent to anyone" in said
    assert "core group" not in said and "haven't stored or answered" not in said
    assert away_booked(services.storage, MANAGER, date(2026, 12, 6)) == (date(2026, 12, 7), date(2026, 12, 11), NORTH)
    assert unanswered_since(services.storage, datetime(2026, 1, 1, tzinfo=LONDON)) == []
