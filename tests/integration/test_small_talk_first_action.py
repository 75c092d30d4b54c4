"""Small talk typed where the first action an Inadequate grade needs is asked (a grade change's or a moderator's
Inadequate): `perfect thanks` became the action ("Who owns this action? perfect thanks"), kept on an Inadequate audit
that could not lose it, while the draft's actions step refused it (bot.audits.small_talk). Now it is refused there too,
with what an Inadequate grade needs and how to leave; a short real action (`visit weekly`) is still taken."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits import moderation_action, regrade_action
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_finishing_words_at_first_action import NEEDS_ONE
from tests.integration.test_moderated_inadequate_action import audit_with_no_open_action
from tests.integration.test_owner_typed_as_action import (
    AUDITOR,
    QA,
    THURSDAY,
    awaiting,
    flat,
    grade_change_asked,
    open_actions,
)
from tests.integration.test_small_talk_notes import CHAT as SHIPPED_CHAT

# `ok thanks` is refused already, as a reply (tests.integration.test_finishing_words_at_first_action).
CHAT = ["perfect thanks", "Thank you very much!", "good morning", "cheers all", "Action: thanks"]
SMALL_TALK = "That isn't an action, so nothing was saved. "
SHORT = ["visit weekly", "ring the IRO"]


@pytest.mark.parametrize("typed", CHAT)
def test_small_talk_at_a_grade_changes_first_action_is_not_the_action(engine: Engine, services: Services,
                                                                       typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        asked = grade_change_asked(engine, services)
        [told] = engine.message(AUDITOR, typed)
        assert told.kind == "error" and flat(told.text) == f"{SMALL_TALK}{NEEDS_ONE}cancel to leave the grade as it is."
        assert awaiting(services) == "regrade_action"
        assert "description" not in store.conversation(services.storage, AUDITOR)
    assert open_actions(services, asked) == []


@pytest.mark.parametrize("typed", CHAT)
def test_small_talk_at_a_moderators_first_action_is_not_the_action(engine: Engine, services: Services,
                                                                    typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", "The plan is not linked to the child's needs."],
              user=QA)
        [told] = engine.message(QA, typed)
        assert told.kind == "error" and flat(told.text) == f"{SMALL_TALK}{NEEDS_ONE}disagree to choose another grade."
        assert awaiting(services, QA) == "moderation_action"
    assert open_actions(services, audit_id) == []


@pytest.mark.parametrize("typed", SHORT)
def test_a_short_real_action_is_still_taken_at_both(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        asked = grade_change_asked(engine, services)
        drive(engine, [typed, "the worker", "in 4 weeks", "send"])
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", "The plan is not linked to the child's needs.",
                       typed, "1", "in 4 weeks", "send"], user=QA)
    assert [a.description for a in open_actions(services, asked)] == [typed]
    assert [a.description for a in open_actions(services, audit_id)] == [typed]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.sampled_from([regrade_action.FIRST_ACTION, moderation_action.FIRST_ACTION]),
       chat=st.sampled_from(SHIPPED_CHAT), label=st.sampled_from(["", "Action: ", "action - "]),
       friendly=st.sampled_from(["", " all", " so much", "!", " :)"]), shout=st.booleans())
def test_no_small_talk_is_ever_the_first_action(services: Services, first, chat: str, label: str, friendly: str,
                                                 shout: bool) -> None:
    """Every wording of the chat the knowledge base knows, with or without the action's label, is refused before
    anything is held, with what an Inadequate grade needs (or as a reply, `ok`, which it also is)."""
    typed = f"{label}{chat.upper() if shout else chat}{friendly}"
    with pytest.raises(UserError) as refused:
        first.description(services, None, {"audit_id": 1}, typed)  # type: ignore[arg-type]  # refused before turn
    assert str(refused.value).endswith(first.needs_one())
