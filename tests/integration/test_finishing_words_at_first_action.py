"""Finishing words typed where the first action an Inadequate grade needs is asked: `next`, `done`, `that's all`,
`no more`, `finished` at "what must happen for the child?" (a grade change's or a moderator's Inadequate) became the
action's text ("Who owns this action? next"), kept on an Inadequate audit that could not lose it. The draft's actions
step reads them as the end of the actions (bot.audits.action_fields.finishes); here there is no end before the first
action, so they are refused with what an Inadequate grade needs and how to leave, and nothing is stored. So are a reply
or a command's word typed there (`send`, `yes`, `submit`, `I disagree`, `agreed`), which became the action too, and
small talk (`perfect thanks`, `good morning`), refused as at the draft's actions step. The
moderation's decision typed with thanks (`disagree, thanks`) is the decision, as `disagree` alone is: at a grade
change, where the auditor holds no moderation, it is told nothing was decided and the question follows; at a
moderator's Inadequate it is a change of mind."""

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
    texts,
)

FINISHING = ["next", "done", "Done.", "that's all", "that\u2019s all", "no more", "No more actions", "finished",
             "nothing else", "none", "all done"]
REPLIES = ["send", "yes", "Yes.", "ok", "submit", "Submit it now please", "yes, send the alert", "I disagree",
           "I agree", "agreed", "I disagree with the grade", "accept it", "Confirm!",
           "I don\u2019t agree"]
NEEDS_ONE = ("An audit graded Inadequate needs at least one action: what must happen for the child, who will do it "
             "and by when. Type the action now, or ")
NOT_AN_ACTION = "That reads as a reply, not an action, so I haven't stored it. "
# Small talk, refused as the actions step refuses it (bot.audits.small_talk); `ok thanks` is a reply, above.
SMALL_TALK = ["perfect thanks", "Thank you very much!", "good morning", "cheers all", "Action: thanks"]
# What is typed, and what the refusal says before NEEDS_ONE.
NO_ACTION = ([(typed, "") for typed in FINISHING] + [(typed, NOT_AN_ACTION) for typed in REPLIES]
             + [(typed, "That isn't an action, so nothing was saved. ") for typed in SMALL_TALK])


@pytest.mark.parametrize(("typed", "first"), NO_ACTION)
def test_finishing_words_or_a_reply_at_a_grade_changes_first_action_store_nothing(engine: Engine, services: Services,
                                                                                  typed: str, first: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        asked = grade_change_asked(engine, services)
        [told] = engine.message(AUDITOR, typed)
        assert told.kind == "error" and flat(told.text) == f"{first}{NEEDS_ONE}cancel to leave the grade as it is."
        assert awaiting(services) == "regrade_action"
        assert "description" not in store.conversation(services.storage, AUDITOR)
        drive(engine, [ACTION, "the worker", "in 4 weeks", "send"])
    assert [a.description for a in open_actions(services, asked)] == [ACTION]
    assert store.get_audit(services.storage, asked).overall_grade == "inadequate"


@pytest.mark.parametrize(("typed", "first"), NO_ACTION)
def test_finishing_words_or_a_reply_at_a_moderators_first_action_save_nothing(engine: Engine, services: Services,
                                                                              typed: str, first: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", "The plan is not linked to the child's needs."],
              user=QA)
        assert awaiting(services, QA) == "moderation_action"
        [told] = engine.message(QA, typed)
        assert told.kind == "error" and flat(told.text) == f"{first}{NEEDS_ONE}disagree to choose another grade."
        assert awaiting(services, QA) == "moderation_action"
        drive(engine, [ACTION, "1", "in 4 weeks", "send"], user=QA)
    assert [a.description for a in open_actions(services, audit_id)] == [ACTION]
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


NOTHING_HELD = "You are not moderating an audit now, so nothing was decided"
BACK_TO_IT = "Back to your grade change of audit #1: Audit #1 has no open action"
# `No, disagree` too: a change of mind with a hedge before it is the decision, as `actually agree` is (trial 27)
DECISIONS = ["disagree", "Disagree, thanks", "agree please", "disagree \u2013 cheers!", "Agree. Thank you",
             "No, disagree"]
REASON = "The plan is not linked to the child's needs."


def test_the_decision_typed_with_thanks_at_a_grade_change_is_told_nothing_is_held(engine: Engine,
                                                                                   services: Services) -> None:
    """The auditor (a team manager, so a moderator) holds no moderation: `disagree, thanks` is neither decided nor the
    action, and the grade change's question follows; then the change goes through in the terminal chat."""
    with time_machine.travel(THURSDAY, tick=False):
        asked = grade_change_asked(engine, services)
        for typed in DECISIONS:
            replies = engine.message(AUDITOR, typed)
            assert texts(replies).startswith(NOTHING_HELD), typed
            assert BACK_TO_IT in texts(replies) and "Who owns this action?" not in texts(replies), typed
            assert awaiting(services) == "regrade_action", typed
            assert "description" not in store.conversation(services.storage, AUDITOR), typed
        _, out = drive(engine, ["Disagree, thanks", ACTION, "the worker", "in 4 weeks", "send"])
    assert NOTHING_HELD in flat(out) and "Who owns this action? Disagree" not in flat(out)
    assert [a.description for a in open_actions(services, asked)] == [ACTION]


def test_disagree_with_thanks_at_a_moderators_first_action_is_a_change_of_mind(engine: Engine,
                                                                                services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON], user=QA)
        assert awaiting(services, QA) == "moderation_action"
        replies = engine.message(QA, "Disagree, thanks")
        assert awaiting(services, QA) == "moderation_grade" and "Who owns this action?" not in texts(replies)
        drive(engine, ["back", "disagree", "3", REASON], user=QA)
        assert awaiting(services, QA) == "moderation_action"
        replies = engine.message(QA, "No, disagree")  # hedged, still the decision (trial 27), never the action
        assert awaiting(services, QA) == "moderation_grade" and "Who owns this action?" not in texts(replies)
        drive(engine, ["ri", REASON, "skip"], user=QA)
    assert store.get_audit(services.storage, audit_id).moderated_grade == "requires_improvement"
    assert open_actions(services, audit_id) == []
