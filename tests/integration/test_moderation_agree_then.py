"""`agree then` or `ok agree` at the grade a disagreeing moderator picks is agreeing (trial 39, MEDIUM 12c: the step
says "type `agree`", and `agree then` was not understood)."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import AUDITOR, QA, WEDNESDAY, flat
from tests.integration.test_moderation_reason_commands import reasons
from tests.integration.test_wording import submitted_audit

REASON = "The plan is specific and the child's views shape it."


@pytest.mark.parametrize("typed", ["agree then", "ok agree", "ok agree then", "Agree then.", "fine, agree then",
                                   "agree after all"])
def test_agree_then_at_the_grade_is_agreeing(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", typed, REASON], user=QA)
    assert "You agree with Good. Why?" in flat(out), out
    assert f"Moderation of audit #{audit_id} saved" in flat(out)
    assert reasons(services, audit_id) == [REASON]
