"""Finishing words typed where the first action an Inadequate grade needs is asked: `next`, `done`, `that's all`,
`no more`, `finished` at "what must happen for the child?" (a grade change's or a moderator's Inadequate) became the
action's text ("Who owns this action? next"), kept on an Inadequate audit that could not lose it. The draft's actions
step reads them as the end of the actions (bot.audits.action_fields.finishes); here there is no end before the first
action, so they are refused with what an Inadequate grade needs and how to leave, and nothing is stored."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import audit_with_no_open_action
from tests.integration.test_owner_typed_as_action import (
    ACTION,
    AUDITOR,
    QA,
    THURSDAY,
    awaiting,
    flat,
    grade_change_asked,
    open_actions,
)

FINISHING = ["next", "done", "Done.", "that's all", "that\u2019s all", "no more", "No more actions", "finished",
             "nothing else", "none", "all done"]
NEEDS_ONE = ("An audit graded Inadequate needs at least one action: what must happen for the child, who will do it "
             "and by when. Type the action now, or ")


@pytest.mark.parametrize("typed", FINISHING)
def test_finishing_words_at_a_grade_changes_first_action_store_nothing(engine: Engine, services: Services,
                                                                       typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        asked = grade_change_asked(engine, services)
        [told] = engine.message(AUDITOR, typed)
        assert told.kind == "error" and flat(told.text) == f"{NEEDS_ONE}cancel to leave the grade as it is."
        assert awaiting(services) == "regrade_action"
        assert "description" not in store.conversation(services.storage, AUDITOR)
        drive(engine, [ACTION, "the worker", "in 4 weeks", "send"])
    assert [a.description for a in open_actions(services, asked)] == [ACTION]
    assert store.get_audit(services.storage, asked).overall_grade == "inadequate"


@pytest.mark.parametrize("typed", FINISHING)
def test_finishing_words_at_a_moderators_first_action_save_nothing(engine: Engine, services: Services,
                                                                   typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", "The plan is not linked to the child's needs."],
              user=QA)
        assert awaiting(services, QA) == "moderation_action"
        [told] = engine.message(QA, typed)
        assert told.kind == "error" and flat(told.text) == f"{NEEDS_ONE}disagree to choose another grade."
        assert awaiting(services, QA) == "moderation_action"
        drive(engine, [ACTION, "1", "in 4 weeks", "send"], user=QA)
    assert [a.description for a in open_actions(services, audit_id)] == [ACTION]
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"
