"""`back` at the question `change N` jumped to goes back where `change` was typed (trial 18: `back` after `change 15`
at the review went to question 14, where `next` was refused for want of a grade, and the auditor answered 14 again).
Nothing is changed by going back; `back` at any other question still goes to the one before it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_change_at_overall_grade import TO_GRADE, values
from tests.integration.test_skip_where_nothing_is_asked import TO_REVIEW

ON_THE_DAY = datetime(2026, 12, 9, 13, 10, tzinfo=UTC)


@pytest.mark.parametrize(("to_there", "step"), [(TO_REVIEW, "review"), (TO_GRADE, "overall_grade")])
def test_back_at_the_question_jumped_to_returns_where_change_was_typed(engine: Engine, services: Services,
                                                                        to_there: list[str], step: str) -> None:
    with time_machine.travel(ON_THE_DAY, tick=False):
        drive(engine, to_there)
        before = values(services)
        drive(engine, ["change 4"])
        assert store.get_audit(services.storage, 1).step.startswith("question")
        _, out = drive(engine, ["back"])
    audit = store.get_audit(services.storage, 1)
    assert audit.step == step and values(services) == before
    assert "Question 3 of 10" not in out


def test_back_at_another_question_still_goes_to_the_one_before(engine: Engine, services: Services) -> None:
    with time_machine.travel(ON_THE_DAY, tick=False):
        drive(engine, TO_REVIEW)
        drive(engine, ["change 4", "back", "back"])  # to the review, then from the review to the last question
        last = store.get_audit(services.storage, 1).step
        drive(engine, ["back"])
        before_last = store.get_audit(services.storage, 1).step
    assert last.startswith("question") and before_last.startswith("question") and before_last != last
