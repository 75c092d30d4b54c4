"""`change 5` typed at the overall grade, just after the review listed the numbered answers (trial 17: it was told
"Please choose a grade…" and had to type `back` first): it jumps to that question, and once it is answered the audit
comes back to the overall grade, its suggestion worked out again."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.text import flat

TO_GRADE = TO_ACTIONS[:16]  # the early help spot check, reviewed: at the overall grade


def values(services: Services) -> dict[str, str]:
    return {question: answer.value for question, answer in store.answers_of(services.storage, 1).items()}


def test_change_at_the_overall_grade_jumps_to_the_question_and_comes_back(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 9, 13, 10, tzinfo=UTC), tick=False):
        drive(engine, TO_GRADE)
        before = values(services)
        _, jumped = drive(engine, ["change 2"])
        _, back = drive(engine, ["no"])
        _, graded = drive(engine, ["good"])
    assert "Please choose a grade" not in flat(jumped) and "Question 2 of 10" in flat(jumped)
    after = values(services)
    assert {question for question in before if before[question] != after[question]} == {
        question for question in before if before[question] == "yes" and after[question] == "no"} != set()
    returned = back.split("Question 2 of 10", 1)[1]
    assert "Overall grade" in returned and "Review: audit #1" not in returned
    assert store.get_audit(services.storage, 1).overall_grade == "good"
    assert "Strengths" in graded
