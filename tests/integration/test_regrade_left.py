"""A grade change waiting for its first action (`/audit edit 1 grade inadequate <why>` on an audit with no open
action) and replaced by another conversation: `resume`, `start audit`, a moderation's Disagree, a second grade change.
Nothing of it was stored, rightly, but the auditor was not told, and could believe the audit regraded. Now one
sentence, before the new conversation's question, says it was not made and how to make it; asides (`show 1`), its own
`cancel` and the change going through say nothing of the kind."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_owner_typed_as_action import (
    ACTION,
    AUDITOR,
    THURSDAY,
    awaiting,
    flat,
    grade_change_asked,
    open_actions,
    texts,
)
from tests.integration.test_wording import submitted_audit

SOUTH_MANAGER = "U0MGRS001"
NOT_MADE = ("Your grade change of audit #1 was not made: type /audit edit 1 grade inadequate <why> again to make "
            "it.")
OTHER_WHY = "the plan for the child has drifted for months"


@pytest.fixture
def asked(engine: Engine, services: Services) -> int:
    return grade_change_asked(engine, services)


def _draft(engine: Engine) -> None:
    """A draft of the auditor's own, waiting at its worker question."""
    drive(engine, ["/audit start early-help-spot", "CR-555111"])


def _with_no_open_action(engine: Engine, services: Services, auditor: str = AUDITOR) -> int:
    audit_id = submitted_audit(engine, services, auditor)
    for action in action_store.actions_of_audit(services.storage, audit_id):
        engine.command(auditor, f"edit {audit_id} remove action {action.id}")
        engine.action(auditor, "actions.remove_confirm", str(action.id))  # Yes to "Remove action N from audit #M?"
    return audit_id


def _resume_one(engine: Engine, services: Services) -> list[Reply]:
    _draft(engine)
    engine.command(AUDITOR, "edit 1 grade inadequate the family is still without a real plan")
    return engine.message(AUDITOR, "resume")


def _resume_two(engine: Engine, services: Services) -> list[Reply]:
    _draft(engine)
    _draft(engine)
    engine.command(AUDITOR, "edit 1 grade inadequate the family is still without a real plan")
    return engine.message(AUDITOR, "resume")


def _start_typed(engine: Engine, services: Services) -> list[Reply]:
    return engine.message(AUDITOR, "start audit")


def _start_command(engine: Engine, services: Services) -> list[Reply]:
    return engine.command(AUDITOR, "start")


def _start_pressed(engine: Engine, services: Services) -> list[Reply]:
    return engine.action(AUDITOR, "audit.start", "early-help-spot")


def _another_grade_change(engine: Engine, services: Services) -> list[Reply]:
    other = _with_no_open_action(engine, services)
    engine.command(AUDITOR, "edit 1 grade inadequate the family is still without a real plan")
    return engine.command(AUDITOR, f"edit {other} grade inadequate {OTHER_WHY}")


def _moderation(engine: Engine, services: Services, decide: str) -> list[Reply]:
    south = submitted_audit(engine, services, SOUTH_MANAGER)
    engine.command(AUDITOR, "edit 1 grade inadequate the family is still without a real plan")
    opened = engine.message(AUDITOR, f"moderate {south}")
    assert "You are moderating this audit" in texts(opened) and NOT_MADE not in texts(opened)
    assert awaiting(services) == "regrade_action"  # the decision's buttons are shown aside: nothing is replaced yet
    if decide == "pressed":
        return engine.action(AUDITOR, "audit.moderate_disagree", str(south))
    return engine.message(AUDITOR, "disagree")


REPLACED: dict[str, Callable[[Engine, Services], list[Reply]]] = {
    "resume, one draft": _resume_one,
    "resume, two drafts": _resume_two,
    "start audit typed": _start_typed,
    "/audit start": _start_command,
    "Start pressed": _start_pressed,
    "a second grade change": _another_grade_change,
    "moderation Disagree pressed": lambda engine, services: _moderation(engine, services, "pressed"),
    "moderation disagree typed": lambda engine, services: _moderation(engine, services, "typed"),
}


@pytest.mark.parametrize("how", list(REPLACED))
def test_a_grade_change_replaced_by_another_conversation_is_said_not_made(engine: Engine, services: Services,
                                                                         asked: int, how: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        replies = REPLACED[how](engine, services)
    mine = [reply for reply in replies if reply.is_for_requester]
    assert flat(mine[0].text) == NOT_MADE and mine[0].kind == "notice"  # first: the new question stays the last
    assert texts(replies).count("grade change of audit #1") == 1
    assert awaiting(services) != "regrade_action" or store.conversation(services.storage, AUDITOR)["audit_id"] != 1
    assert store.get_audit(services.storage, asked).overall_grade == "good" and open_actions(services, asked) == []


def test_the_draft_behind_a_replaced_grade_change_is_still_said_to_wait(engine: Engine, services: Services,
                                                                        asked: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        other = _with_no_open_action(engine, services)
        _draft(engine)
        draft = store.drafts_of(services.storage, AUDITOR)[0].id
        engine.command(AUDITOR, "edit 1 grade inadequate the family is still without a real plan")
        replaced = engine.command(AUDITOR, f"edit {other} grade inadequate {OTHER_WHY}")
        left = engine.message(AUDITOR, "cancel")
    assert flat(replaced[0].text) == NOT_MADE
    assert texts(left).endswith(f"Your audit #{draft} waits where you left it: type /audit resume {draft} to carry "
                                "on.")


@pytest.mark.parametrize("lines", [
    ["show 1", "list", "home", "actions"],  # asides: the question follows ("Back to your grade change …")
    ["cancel"], ["pause"],  # its own ways out, which say so
    [ACTION, "the worker", "in 4 weeks"],  # the change goes on to the check before the alert
    [ACTION, "the worker", "in 4 weeks", "send"],  # and is made
    [ACTION, "the worker", "in 4 weeks", "no"],  # or not, as the check says
])
def test_nothing_is_said_dropped_when_the_grade_change_is_not_replaced(engine: Engine, services: Services,
                                                                      asked: int, lines: list[str]) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, lines)
    assert "was not made" not in flat(out)
