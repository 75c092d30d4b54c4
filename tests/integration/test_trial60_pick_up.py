"""Trial 60 (F4): a new session picking up a draft named the audit, case and step only at a question.

At the urgent alert's confirmation, or at the overall grade, it said only "Picking up where you left off:". Now every
step a draft waits at is named: "Picking up audit #1 (CR-448812, Child in need (section 17)) at the overall grade:",
and the step itself is shown under it.
"""

from __future__ import annotations

import pytest

from bot.audits.flow import FLOW_STEPS
from bot.audits.step_words import STEP_NAMES
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_trial28_manager import FIRST_ACTION, TO_ACTIONS, TO_Q3, TO_REVIEW, _chat

AUDIT = "Picking up audit #1 (CR-448812, Child in need (section 17))"
STARTED = ["start audit child in need", "CR-448812"]
AT_GRADE = [*TO_REVIEW, "1"]
NEW_ACTION = [*TO_ACTIONS, "Book a core group meeting"]

WAITING = [
    pytest.param(STARTED, "at whose case it is", "Whose case is it?", id="worker"),
    pytest.param([*STARTED, "1", "yes"], "at the urgent alert's confirmation (Q1)", "Send it?", id="alert-at-question"),
    pytest.param([*TO_Q3, "no", "yes", "yes", "good"], "at Q6 (Why this grade?)", "what did you see on the file",
                 id="evidence"),
    pytest.param(TO_REVIEW, "at the review of the answers", "Continue to the overall grade", id="review"),
    pytest.param(AT_GRADE, "at the overall grade", "Confirm: Good", id="overall-grade"),
    pytest.param([*AT_GRADE, "inadequate"], "at the urgent alert's confirmation (the overall grade)",
                 "You chose Inadequate as the overall grade of audit #1", id="alert-at-grade"),
    pytest.param([*AT_GRADE, "requires improvement"], "at the reason for the overall grade", "Requires improvement",
                 id="grade-reason"),
    pytest.param(TO_ACTIONS[:-2], "at the strengths", "what is working well", id="strengths"),
    pytest.param(TO_ACTIONS[:-1], "at the areas for development", "what would make the biggest difference",
                 id="development"),
    pytest.param(TO_ACTIONS, "at the actions", "What needs to happen next", id="actions"),
    pytest.param(NEW_ACTION, "at an action's owner", "Who owns this action?", id="action-owner"),
    pytest.param([*NEW_ACTION, "1"], "at an action's due date", "When is it due?", id="action-due"),
    pytest.param([*TO_ACTIONS, FIRST_ACTION, "no more actions"], "at the last check before submitting",
                 "Ready to submit?", id="submit"),
    pytest.param([*TO_Q3, "cancel audit"], "at the question whether to cancel it (Q3)", "1) Yes, cancel",
                 id="cancel"),
]


@pytest.mark.parametrize(("lines", "where", "shown"), WAITING)
def test_a_new_session_names_the_audit_case_checklist_and_step(engine: Engine, services: Services,
                                                              lines: list[str], where: str, shown: str) -> None:
    _chat(engine, lines)
    out = _chat(engine, [])
    assert f"{AUDIT} {where}:" in out
    assert shown in out.split(f"{AUDIT} {where}:", 1)[1]  # the step itself, under the line that names it
    assert "Picking up where you left off" not in out


def test_every_step_of_the_flow_has_a_name() -> None:
    assert set(FLOW_STEPS) - {"question", "evidence"} == set(STEP_NAMES)


def test_starting_another_audit_names_where_the_draft_was_left(engine: Engine, services: Services) -> None:
    out = _chat(engine, [*AT_GRADE, "start audit child in need"])
    assert "Audit #1 (CR-448812) is saved as a draft at the overall grade: resume 1 to go back." in out
