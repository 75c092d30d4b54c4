"""Trial 44 (F1): "kid went awol again from resi what do i do" got "Did you mean…" with short breaks and grading
around the missing entry and no steer to act now. A child missing now gets the steer first, what to do (report to
the police under the missing plan, tell the manager or the emergency duty team) and the missing entry."""

from __future__ import annotations

import pytest
import time_machine

from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
STEER = "talk to your manager or the duty team straight away"
MISSING_QUESTION = "What should happen when a child goes missing from home or care?"


@pytest.mark.parametrize("question", ["kid went awol again from resi what do i do",
                                      "hasnt come back to placement since last night"])
def test_a_child_missing_now_gets_the_steer_and_the_missing_entry(engine: Engine, question: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        first, *rest = engine.message(PRACTITIONER, question)
    assert STEER in first.text
    assert "report them missing to the police as their missing plan" in first.text
    assert "emergency duty team" in first.text
    assert rest[0].title == MISSING_QUESTION
    assert "short breaks" not in all_text(rest)


def test_a_question_on_missing_in_general_gets_no_steer(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        for question in ("what is a return home interview", "what should happen when a child goes missing"):
            assert "duty team" not in all_text(engine.message(PRACTITIONER, question))
