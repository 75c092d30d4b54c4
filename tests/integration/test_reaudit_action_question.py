"""Trial 50 (finding 21): a re-audit answered Q3 (chronology up to date) Yes while action 1 "update the chronology"
from the first audit was still open, and nothing connected them. An action typed `Q2: …` at the actions step now
remembers its question; a later audit of the case that answers it well asks, once, right after the answer, whether
the action is done. Actions that name no question (and every older one) are never asked about."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import COLLEAGUE, TO_ACTIONS, WORKER
from tests.integration.test_earlier_actions import AUDITOR, FIRST, LATER

LINKED = ["Q2: Share the plan with the school.", WORKER, "30/12/2026",
          "Book a review with the health visitor.", COLLEAGUE, "30/12/2026"]
# The same case again, its first two questions: the last audit's worker is offered first, so `1` picks them.
TO_Q2 = ["start audit early-help-spot", "CR-555555", "1", "no", "yes"]
ASKED = "Q2 is now Yes. Action 1 (Share the plan with the school.) is still open: is it done?"


def first_audit(engine: Engine, actions: list[str]) -> None:
    with time_machine.travel(FIRST, tick=False):
        drive(engine, [*TO_ACTIONS, *actions, "no more actions", "submit"], user=AUDITOR)


def reaudit(engine: Engine, then: list[str]) -> str:
    with time_machine.travel(LATER, tick=False):
        _, out = drive(engine, [*TO_Q2, *then], user=AUDITOR)
    return " ".join(out.replace("`", "").split())


def test_an_action_typed_with_its_question_remembers_it_without_the_prefix(engine: Engine,
                                                                           services: Services) -> None:
    first_audit(engine, LINKED)
    first, second = action_store.actions_of_audit(services.storage, 1)
    assert first.description == "Share the plan with the school."
    assert first.question_id is not None and second.question_id is None


def test_the_actions_step_says_how_to_name_a_flagged_question(engine: Engine) -> None:
    with time_machine.travel(FIRST, tick=False):
        _, out = drive(engine, TO_ACTIONS, user=AUDITOR)
    assert ("To tie an action to a flagged question, start it with the question's number (like Q4: …): the case's "
            "next audit asks whether it is done once that question is answered well.") in " ".join(
        out.replace("`", "").split())  # Q4 was answered No: the first flagged


def test_the_reaudit_asks_after_the_answer_and_yes_marks_the_action_done(engine: Engine, services: Services) -> None:
    first_audit(engine, LINKED)
    out = reaudit(engine, ["yes"])
    assert ASKED in out and "7) Yes, mark it done 8) Not yet" in out  # after Q3's own options
    assert out.count("is still open: is it done?") == 1  # action 2 names no question: never asked
    after = out.split(ASKED)[1]
    assert "marked done for Social worker N1" in after and "Back to audit #2, question 3" in after
    assert "Share the plan with the school." in after and "school.." not in after  # one full stop, not two
    assert action_store.get_action(services.storage, 1).done_at is not None  # type: ignore[union-attr]


def test_not_yet_leaves_it_open_and_the_audit_goes_on_without_asking_again(engine: Engine,
                                                                           services: Services) -> None:
    first_audit(engine, LINKED)
    out = reaudit(engine, ["not yet", "back", "yes"])
    assert out.count(ASKED) == 1
    assert "stays open" in out.split(ASKED)[1]
    assert action_store.get_action(services.storage, 1).done_at is None  # type: ignore[union-attr]


def test_actions_that_name_no_question_are_never_asked_about(engine: Engine, services: Services) -> None:
    first_audit(engine, ["Share the plan with the school.", WORKER, "30/12/2026"])
    out = reaudit(engine, [])
    assert "is still open: is it done?" not in out
    assert action_store.get_action(services.storage, 1).question_id is None  # type: ignore[union-attr]
