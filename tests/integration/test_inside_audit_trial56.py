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


@pytest.mark.parametrize("typed", ["typed", "confirm"])
def test_the_suggested_grade_typed_says_no_reason_is_needed_and_the_strengths_come_next(
        engine: Engine, services: Services, typed: str) -> None:
    """F8: `ri` (suggested) went straight to Strengths, and the reason typed next was stored as the strengths."""
    from bot.audits.core import grade_label
    from tests.e2e.test_typed_answers_on_screen import _to_overall_grade

    with time_machine.travel(WORKING_MORNING, tick=False):
        _to_overall_grade(engine)
        [row] = services.storage.db.query("SELECT suggested_grade FROM audits")
        suggested = row["suggested_grade"]
        replies = engine.message("U0MGRN001", suggested.replace("_", " ") if typed == "typed" else "confirm")
    said = _flat(" ".join(reply.text for reply in replies))
    assert f"Got it: {grade_label(suggested)} (the suggested grade, so no reason is needed). Now the strengths:" in said
    assert "Strengths: what is working well for the child on this case?" in said
