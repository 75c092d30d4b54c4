"""A whole command typed mid-audit and refused is followed by the step, as one answered is (trial 17, F6).

A manager typed `away …` at "Question 13" of audit #2; the away command refused it, and nothing followed, where every
other interruption ends with "Back to audit #2, question 13:" and the question. The step's own refusal (an answer it
cannot read) still adds nothing: its question is the one being answered."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.support.text import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
TO_SEEN_GRADE = ["start audit voice of the child", "CR-40211", "1", "no", "yesterday", "yes", "yes", "yes"]


@pytest.mark.parametrize(("typed", "refusal"), [
    ("away until 31/02", "'31/02' is not a real date"),
    ("away until yesterday", "has passed. Give the last day you are away, today or later."),
])
def test_a_refused_away_is_followed_by_the_question_again(engine: Engine, services: Services, typed: str,
                                                          refusal: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_SEEN_GRADE, typed])
        said = flat(out[out.index("(Section 1 of 2 · Question 6 of 13)"):])
        _, graded = drive(engine, ["2"])
    assert refusal in said
    back = said.index("Back to audit #1, question 6:")
    assert said.index(refusal) < back
    assert "How would you grade how well the child is seen and heard?" in said[back:] and "2) Good" in said[back:]
    assert "You picked 2: Good" in flat(graded)  # the number picks the question's option, the latest on screen
    assert store.answers_of(services.storage, 1)["seeing-quality"].value == "good"


def test_an_answer_the_step_refuses_is_not_followed_by_the_question(engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_SEEN_GRADE, "fantastic"])
    assert "Please give a grade" in flat(out) and "Back to audit" not in out
