"""Small talk typed where the first action an Inadequate grade needs is asked (a grade change's or a moderator's
Inadequate): `perfect thanks` became the action ("Who owns this action? perfect thanks"), kept on an Inadequate audit
that could not lose it, while the draft's actions step refused it (bot.audits.small_talk). Now it is refused there too,
with what an Inadequate grade needs and how to leave (typed in a conversation:
tests.integration.test_finishing_words_at_first_action); a short real action (`visit weekly`) is still taken."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.audits import moderation_action, regrade_action
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import audit_with_no_open_action
from tests.integration.test_owner_typed_as_action import (
    QA,
    THURSDAY,
    grade_change_asked,
    open_actions,
)
from tests.integration.test_small_talk_notes import CHAT as SHIPPED_CHAT

SHORT = ["visit weekly", "ring the IRO"]


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
