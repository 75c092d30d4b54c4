"""Trial 26, MEDIUM 5: an earlier answer changed mid-audit in the auditor's own words goes to that question, then
back to where it was typed.

At a grade question, `change q3` and `actualy i need to change my answer to q3, …` got "Please give a grade", with no
word of `back` or of `change 3` at the review.
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

MONDAY = datetime(2026, 12, 7, 10, 5, tzinfo=ZoneInfo("Europe/London"))
TO_GRADE = ["start audit child protection plan", "CR-448812", "Social worker N1", "no", "yes", "yes", "yes", "yes"]
THIRD = "Did the strategy discussion involve social care with a manager"
FOURTH = "Was the child seen and spoken to, alone where appropriate"
SIXTH = "How would you grade the quality of the strategy discussion and section 47 enquiry?"


def _flat(out: str) -> str:
    return " ".join(out.split())


@pytest.mark.parametrize("typed", ["change my answer to q3", "change q3", "Change question 3", "change 3",
                                   "actualy i need to change my answer to q3, education wasnt there",
                                   "can i change my answer to question 3?", "go back to q3",
                                   "actually q3 should be no", "q3 should have been no", "question 3 is wrong",
                                   "sorry, answer 3 was meant to be no"])
def test_changing_an_earlier_answer_at_a_grade_goes_to_it_and_back_to_the_grade(engine: Engine, services: Services,
                                                                               typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_GRADE, typed, "no"])
    after = _flat(out)[_flat(out).index("Question 6 of 19"):]
    assert "Please give a grade" not in after
    assert "Changing your answer to question 3. Once it is answered, I'll come back to question 6." in after
    assert after.index(THIRD) < after.rindex(SIXTH)
    assert FOURTH not in after  # questions 4 and 5 are not asked again
    assert store.answers_of(services.storage, 1)["strategy-partners"].value == "no"
    assert store.get_audit(services.storage, 1).step == "question:enquiry-quality"


def test_a_change_typed_at_the_grades_note_comes_back_to_the_note(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_GRADE, "good", "change q3", "no", "Partners all attended and shared."])
    after = _flat(out)[_flat(out).index("Changing your answer to question 3"):]
    assert after.index(THIRD) < after.index("Why this grade?")
    answers = store.answers_of(services.storage, 1)
    assert answers["strategy-partners"].value == "no"
    assert (answers["enquiry-quality"].value, answers["enquiry-quality"].evidence) == (
        "good", "Partners all attended and shared.")


@pytest.mark.parametrize(("typed", "said"), [
    ("change q9", "Question 9 comes later: answer question 6 first."),
    ("change my answer to q6", "Question 6 is the one waiting now: answer it here"),
    ("change q40", "There is no question 40 in this audit"),
])
def test_a_change_to_a_question_not_answered_yet_says_why_and_stores_nothing(engine: Engine, services: Services,
                                                                            typed: str, said: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_GRADE, typed])
    assert said in _flat(out)
    assert "Please give a grade" not in _flat(out)
    assert store.get_audit(services.storage, 1).step == "question:enquiry-quality"


def test_an_answer_mentioning_a_change_is_still_an_answer(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, [*TO_GRADE, "good", "Plan was changed 3 times after the conference, each time with partners."])
    assert store.answers_of(services.storage, 1)["enquiry-quality"].evidence.startswith("Plan was changed 3 times")
