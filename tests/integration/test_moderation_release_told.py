"""A moderation let go of (`release`, `let go`, `stop moderating`, `send back`): the auditor, who most often never
tried to edit the audit meanwhile, was told it was "no longer read-only", as if they had asked (fix34a). They are told
in one short message that it was let go of with nothing in their grading changed, and that they can edit it again."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_moderated_inadequate_action import AUDITOR, QA, WEDNESDAY, flat
from tests.integration.test_wording import submitted_audit


@pytest.mark.parametrize("words", ["release", "let go", "stop moderating {id}"])
def test_the_auditor_is_told_it_was_released_with_no_change_to_their_grading(engine: Engine, services: Services,
                                                                              words: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        graded = store.get_audit(services.storage, audit_id).overall_grade
        _, out = drive(engine, [f"moderate {audit_id}", words.format(id=audit_id)], user=QA)
    [told] = (flat(m) for m in messages_to(out, AUDITOR))
    assert told.removesuffix(" Bye.") == (
                    f"QA lead (practice) has stopped moderating your audit #{audit_id} without a decision, with "
                    "nothing in your grading changed: it waits for moderation as before, and you can edit it again "
                    f"until then (/audit edit {audit_id} …).")
    assert "read-only" not in told and "editable" not in told
    assert store.get_audit(services.storage, audit_id).overall_grade == graded  # as said: the grading stands


def test_a_sent_back_audit_tells_its_auditor_the_note_and_that_they_can_edit_it(engine: Engine,
                                                                                services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", f"send back {audit_id} the planning grade needs its note"],
                       user=QA)
    [told] = (flat(m) for m in messages_to(out, AUDITOR))
    assert "“the planning grade needs its note”. Nothing in your grading changed yet: you can edit it again" in told
    assert "read-only" not in told
