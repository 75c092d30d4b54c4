""""before <date>" is due the day before (trial 17, F4).

`convene core group with health present before 25/12` became due 25/12. Done before the 25th, the last day it can be
done is the 24th, so that is its due date, said back as other dates are; "by 25/12" stays the 25th."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS, WORKER
from tests.support.text import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def dues(services: Services) -> list[tuple[str, str]]:
    return [(a.description, a.due_date) for a in action_store.actions_of_audit(services.storage, 1)]


def test_before_a_date_in_the_actions_text_is_due_the_day_before_and_said_so(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "convene core group with health present before 25/12", WORKER])
    said = flat(out)
    assert ("I've taken “before 25/12” as the action's due date, Thursday 24 December 2026 (in 22 days), and "
            "left it out of its "
            "text: “convene core group with health present”.") in said
    assert "Action 1 added: due Thursday 24 December 2026 (in 22 days)." in said and "When is it due?" not in said
    assert dues(services) == [("convene core group with health present", "2026-12-24")]


def test_by_a_date_stays_that_date(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "convene core group with health present by 24/12", WORKER])
    assert "I've taken “24/12” as the action's due date, Thursday 24 December 2026 (in 22 days)" in flat(out)
    assert dues(services) == [("convene core group with health present", "2026-12-24")]


@pytest.mark.parametrize(("typed", "due", "said"), [
    ("before 18/12", "2026-12-17", "Thursday 17 December 2026"),
    ("Before Friday", "2026-12-03", "Thursday 3 December 2026"),
    ("by 18/12", "2026-12-18", "Friday 18 December 2026"),
])
def test_before_a_date_typed_at_the_due_question_is_the_day_before(engine: Engine, services: Services, typed: str,
                                                                   due: str, said: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Meet the school", WORKER, typed])
    assert f"Action 1 added: due {said}" in flat(out)
    assert dues(services) == [("Meet the school", due)]


def test_before_today_is_refused_as_passed(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Meet the school", WORKER, "before today"])
    assert "The day before today has passed, so it can't be a due date." in flat(out)
    assert dues(services) == []


def test_changing_an_actions_due_date_to_before_a_date_is_the_day_before(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Meet the school", WORKER, "by 18/12", "action 1 due before 11/12"])
    assert "is now due Thursday 10 December 2026 (in 8 days)" in flat(out)
    assert dues(services) == [("Meet the school", "2026-12-10")]
