"""A question at a moderator's Inadequate action prompt is answered, never the action (trial 39, MEDIUM 10: `can i
skip the action? the baby was born in oct…` became the action, "Who owns this action? can i skip the action?…").
Nothing is saved, the action is asked again, and asking to skip says plainly an Inadequate needs one, and why."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import (
    ACTION,
    QA,
    REASON,
    WEDNESDAY,
    audit_with_no_open_action,
    flat,
)

ASKED_AGAIN = "Audit #1 will be Inadequate after your moderation, and it has no open action."
SKIP_ANSWER = ("No: an audit graded Inadequate needs at least one action, so it can't be skipped. Inadequate means the "
               "child's needs are not being met")


def _at_the_action(engine: Engine, services: Services, typed: str) -> tuple[int, str]:
    audit_id, _ = audit_with_no_open_action(engine, services)
    _, out = drive(engine, [f"moderate {audit_id}", "disagree", "3", REASON, typed], user=QA)
    return audit_id, flat(out).split("> Type the action (what needs to happen).", 1)[1]  # after the first prompt


@pytest.mark.parametrize("typed", ["can i skip the action? the baby was born in oct and is doing well",
                                   "can i skip the action?", "can i skip the action",
                                   "do i have to add an action? the family are engaging"])
def test_asking_to_skip_is_answered_plainly_and_nothing_is_saved(engine: Engine, services: Services,
                                                                 typed: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, said = _at_the_action(engine, services, typed)
        waiting = store.conversation(services.storage, QA)
    assert SKIP_ANSWER in said, said
    assert "Who owns this action?" not in said and ASKED_AGAIN in said
    assert "baby" not in said and "family are engaging" not in said  # never said back
    assert waiting["awaiting"] == "moderation_action" and "description" not in waiting


def test_another_question_goes_to_the_knowledge_base_and_the_action_is_asked_again(engine: Engine,
                                                                                  services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, said = _at_the_action(engine, services, "what is a strategy discussion? i want to get it right")
        waiting = store.conversation(services.storage, QA)
        _, done = drive(engine, [ACTION, "1", "in 4 weeks", "send"], user=QA)
    assert "Who owns this action?" not in said and ASKED_AGAIN in said
    assert "description" not in waiting
    assert f"Moderation of audit #{audit_id} saved with its action" in flat(done)


def test_an_action_is_still_taken(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, said = _at_the_action(engine, services, ACTION)
    assert "Who owns this action?" in said
