"""What typed text does while an auditor adds the first action a new Inadequate grade needs (`/audit edit 1 grade
inadequate <why>` on an audit with no open action), as a moderator's decision does since trial 9, finding 4: every
command typed there was taken as the action's text (`show 1` became "Who owns this action? show 1") or refused as
"I don't know that person" or "I could not read 'show 1' as a date". Now a whole command runs at each question and
the question follows ("Back to your grade change of audit #1:"); `back` goes back a question, and `pause`, like
`cancel`, leaves the grade as it was, saying how to make the change later."""

from __future__ import annotations

import pytest
import time_machine

from bot.audits.conversation import REGRADING, STATES
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_owner_typed_as_action import (
    ACTION,
    AUDITOR,
    THURSDAY,
    WHY,
    awaiting,
    flat,
    grade_change_asked,
    open_actions,
    texts,
)

QUESTIONS = {"regrade_action": "what must happen for the child?", "regrade_action_owner": "Who owns this action?",
             "regrade_action_due": "When is it due?"}
TO_REACH = {"regrade_action": [], "regrade_action_owner": [ACTION], "regrade_action_due": [ACTION, "the worker"]}


@pytest.fixture
def asked(engine: Engine, services: Services) -> int:
    """The grade change of a submitted audit with no open action to Inadequate, at "what must happen?"."""
    return grade_change_asked(engine, services)


@pytest.mark.parametrize("at", list(QUESTIONS))
@pytest.mark.parametrize(("typed", "ran"), [
    ("show {audit}", "Overall grade: Good"),  # the audit re-read before writing its action
    ("list", "Audits you can read"),
    ("home", "Hello, Team manager (North)"),
    ("actions", "open actions"),
])
def test_a_command_at_each_question_runs_and_the_question_follows(engine: Engine, services: Services, asked: int,
                                                                  at: str, typed: str, ran: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        for line in TO_REACH[at]:
            engine.message(AUDITOR, line)
        assert awaiting(services) == at
        replies = engine.message(AUDITOR, typed.format(audit=asked))
    assert not [r for r in replies if r.kind == "error"]
    assert ran in texts(replies)
    last = next(r for r in reversed(replies) if r.is_for_requester)
    assert last.text.startswith(f"Back to your grade change of audit #{asked}:")
    assert QUESTIONS[at] in flat(last.text)
    assert awaiting(services) == at
    assert store.get_audit(services.storage, asked).overall_grade == "good" and open_actions(services, asked) == []


def test_the_change_typed_after_the_commands_is_made_in_the_terminal(engine: Engine, services: Services,
                                                                     asked: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, [f"show {asked}", ACTION, "list", "1", "home", "in 4 weeks", "send"])
    assert out.count(f"Back to your grade change of audit #{asked}:") == 3
    assert "Who owns this action? show" not in flat(out)
    assert (store.get_audit(services.storage, asked).overall_grade, [a.description for a in open_actions(
        services, asked)]) == ("inadequate", [ACTION])
    assert store.get_audit(services.storage, asked).grade_reason == WHY


@pytest.mark.parametrize("at", list(QUESTIONS))
def test_pause_leaves_the_grade_as_it_was_and_says_how_to_make_the_change_later(engine: Engine, services: Services,
                                                                                asked: int, at: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        for line in TO_REACH[at]:
            engine.message(AUDITOR, line)
        [left] = engine.message(AUDITOR, "pause")
    assert flat(left.text) == ("OK, nothing changed: audit #1 is still graded Good, no action was added and nobody "
                               "was told. A grade change can't be paused half-made: to make it later, type /audit "
                               "edit 1 grade inadequate <why> again.")
    assert store.conversation(services.storage, AUDITOR) == {}
    assert store.get_audit(services.storage, asked).overall_grade == "good" and open_actions(services, asked) == []


def test_back_at_the_first_question_is_told_there_is_none_before_it(engine: Engine, services: Services,
                                                                    asked: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        [told] = engine.message(AUDITOR, "back")
    assert told.kind == "error" and flat(told.text) == (
        "Nothing is changed yet, and this is the first question of the grade change: type the action (what needs to "
        "happen for the child), or cancel to leave the grade as it is.")
    assert awaiting(services) == "regrade_action"
    assert "description" not in store.conversation(services.storage, AUDITOR)


def test_every_state_of_a_grade_changes_action_runs_a_command_aside() -> None:
    """None of the states the action of a new Inadequate grade waits in can swallow `show 12` again."""
    asked_first = {state for state in STATES if state.value == "regrade_reason"}  # the reason, when typed without one
    assert {state for state in STATES if state.value in QUESTIONS} | asked_first == REGRADING
    assert [state for state in REGRADING if not STATES[state].commands] == []
