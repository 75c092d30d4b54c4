"""Trial 56, typed answers inside an audit (fix62a), through the terminal chat on a pinned working morning.

- F2: the flagged-grade hint said "or change the grade (change 6)", yet `change 6` at that note was refused ("the one
  waiting now") and `ri` was taken as a too-short note: both now change the grade and ask for its evidence again.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_grade_after_flagged_answers import TO_THE_GRADE

WORKING_MORNING = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday
NOTE = "Chronology missing and repeated neglect not linked, so the plan drifts between episodes."


def _flat(out: str) -> str:
    return " ".join(out.split()).replace("**", "")


def _grade(services: Services) -> tuple[str, str | None]:
    answer = store.answers_of(services.storage, 1)["understanding-quality"]
    return answer.value, answer.evidence


def test_the_flagged_grade_hint_names_what_works(engine: Engine) -> None:
    with time_machine.travel(WORKING_MORNING, tick=False):
        _, out = drive(engine, [*TO_THE_GRADE, "good"])
    assert ("Questions 2a and 3 were answered No, which the checklist flags: say in your note how the practice is "
            "still Good, or change the grade: type the new one here (such as requires improvement) or change 6."
            ) in _flat(out)


def test_change_n_at_the_flagged_grade_note_goes_back_to_the_grade(engine: Engine, services: Services) -> None:
    with time_machine.travel(WORKING_MORNING, tick=False):
        _, out = drive(engine, [*TO_THE_GRADE, "good", "change 6", "ri", NOTE])
    flat = _flat(out)
    assert "is the one waiting now" not in flat
    assert "Changing the grade for question 6: pick the new one, then say why." in flat
    assert _grade(services) == ("requires_improvement", NOTE)


@pytest.mark.parametrize("typed", ["ri", "requires improvement", "RI"])
def test_a_grade_typed_at_the_flagged_grade_note_is_the_new_grade(engine: Engine, services: Services,
                                                                  typed: str) -> None:
    with time_machine.travel(WORKING_MORNING, tick=False):
        _, out = drive(engine, [*TO_THE_GRADE, "good", typed])
        flat = _flat(out)
        assert "Changed to Requires improvement to be good (was Good)." in flat
        assert "Please say in a sentence why" not in flat
        drive(engine, [NOTE])
    assert _grade(services) == ("requires_improvement", NOTE)
