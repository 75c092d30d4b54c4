"""fix74a A3: a leave sentence typed as an audit's words (an evidence note, the strengths) was taken as the auditor's
own time away: "off from 1/12 to 4/12 so the visit was late" at a note was refused as unreadable leave and the note
lost, and one's own leave to come was booked instead of kept. Now a step that wants words keeps the line as its
answer, books nothing, and, when the line is one's own leave to come, asks "Did you mean to book leave?" with the
command; at a step of choices one's own leave is still booked (trial 60 F11). The service, on a pinned clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.reminders import away_period
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import TO_ACTIONS

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 11, 0, tzinfo=LONDON)
MANAGER = "U0MGRN001"
AT_NOTE, AT_STRENGTHS = 10, 18  # TO_ACTIONS[:10] waits for an evidence note, [:18] for the strengths
OWN_LEAVE = "im on leave over xmas from 21st dec back on 4th jan, tm south covering"


def _flat(text: str) -> str:
    return " ".join(text.replace("*", "").replace("`", "").split())


def _kept(services: Services) -> str:
    """Everything the database holds, as text: the line is kept in the draft somewhere."""
    return "\n".join(services.storage.db.conn.iterdump())


def _typed_at(engine: Engine, steps: int, line: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, TO_ACTIONS[:steps], user=MANAGER)
        return _flat(drive(engine, [line], user=MANAGER)[1])


@pytest.mark.parametrize("line", ["I was off sick last week so the visit was late",
                                  "mum said she is away over christmas",
                                  "off from 1/12 to 4/12 so the visit was late",
                                  "off until friday as mum is in hospital"])
@pytest.mark.parametrize("steps", [AT_NOTE, AT_STRENGTHS], ids=["evidence note", "strengths"])
def test_a_leave_sentence_at_a_step_that_wants_words_is_kept_and_books_nothing(engine: Engine, services: Services,
                                                                              steps: int, line: str) -> None:
    said = _typed_at(engine, steps, line)
    assert f"“{line}”" in said
    assert "could not read" not in said and "Booked" not in said and "Did you mean to book leave" not in said
    assert away_period(services.storage, MANAGER) is None
    assert line in _kept(services)


def test_own_leave_to_come_at_a_note_is_kept_and_booking_only_offered(engine: Engine, services: Services) -> None:
    said = _typed_at(engine, AT_NOTE, OWN_LEAVE)
    assert "Got it: Good, with your note: “im on leave over xmas" in said
    assert "I kept that as your evidence note and booked no time away. Did you mean to book leave? Type away from " \
           "21st dec back on 4th jan cover tm south." in said
    assert away_period(services.storage, MANAGER) is None


def test_own_leave_to_come_at_a_choice_question_is_still_booked(engine: Engine, services: Services) -> None:
    said = _typed_at(engine, AT_NOTE + 1, OWN_LEAVE)
    assert "Booked: your reminders pause from Monday 21 December 2026 to Sunday 3 January 2027" in said
    assert away_period(services.storage, MANAGER) is not None


# -- `away until <date> - <words>` at a note (fix77c) --------------------------------------------------------------

@pytest.mark.parametrize("line", ["away until 4/1 - mum said", "away until friday - mum said she is in hospital",
                                  "away until 4/1 – the child was not seen"])
@pytest.mark.parametrize("steps", [AT_NOTE, AT_STRENGTHS], ids=["evidence note", "strengths"])
def test_away_until_a_date_then_a_dash_and_words_at_a_step_that_wants_words_is_the_note(
        engine: Engine, services: Services, steps: int, line: str) -> None:
    said = _typed_at(engine, steps, line)
    assert f"“{line}”" in said
    assert "Booked" not in said and "paused" not in said.lower()
    assert away_period(services.storage, MANAGER) is None
    assert line in _kept(services)


def test_away_until_a_date_alone_at_a_note_still_books(engine: Engine, services: Services) -> None:
    said = _typed_at(engine, AT_NOTE, "away until 4/1")
    assert "Back to audit #1" in said
    assert away_period(services.storage, MANAGER) is not None
