"""`done 29 chrono updated`, `ive done 29`, `i have done action 29`, `finished 29`: the loose ways a worker says an
action is done mark it done, as `done 29 - chrono updated` does (trial 29: each went on the QA leads' list). Where the
audit waits for free text or a number, such a line may be the answer ("done 3 home visits"), so the question reads
it there. Every form for any number and person: the property in test_action_number_first_done."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as audit_store
from tests.integration.test_action_number_first_done import BARE, NOTED, action_id, done_at
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS
from tests.integration.test_asides_mid_audit import STRENGTHS_AT
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=LONDON)
AUDITOR, MANAGER, WORKER, COLLEAGUE = "U0MGRS001", "U0MGRN001", "U0PRAN001", "U0PRAN002"
KEPT = "Your note is kept with it"
__all__ = ["action_id"]  # the North worker's open action (a fixture), set by the South manager


@pytest.mark.parametrize("form", NOTED + BARE)
def test_a_loose_done_marks_the_action_and_its_note_is_treated_as_after_a_dash(engine: Engine, services: Services,
                                                                               action_id: int, form: str) -> None:
    """Each form marks the action (also among the forms of test_action_number_first_done); words after the number
    are kept as its note, as after `done 29 - …` (trial 34)."""
    with time_machine.travel(NOW, tick=False):
        [marked, _auditor_told] = engine.message(WORKER, form.format(n=action_id), surface="terminal")
    assert marked.text.startswith(f"Action {action_id} (audit #1, CR-123456) marked done: _Share the plan with the "
                                  "school_.")
    stored = action_store.get_action(services.storage, action_id)
    assert (KEPT in marked.text, stored is not None and stored.done_note is not None) == (form in NOTED,) * 2
    assert done_at(services, action_id) is not None and asked_the_knowledge_base(services) == 0


def test_where_the_audit_waits_for_free_text_a_loose_done_is_that_text(engine: Engine, services: Services) -> None:
    """At the strengths, `done 1 home visits with the child seen alone` is the strengths, not action 1 marked."""
    with time_machine.travel(DRAFTED, tick=False):
        own = insert_audit(services.storage, "CR-123456", DRAFTED, auditor=WORKER)
        action = action_store.add_action(services.storage, own, "Chase the school", MANAGER, "2026-12-20", WORKER,
                                         DRAFTED)
        for line in TO_ACTIONS[:STRENGTHS_AT]:
            engine.message(MANAGER, line)
        engine.message(MANAGER, f"done {action} home visits with the child seen alone")
    draft = audit_store.get_audit(services.storage, own + 1)
    assert draft is not None and draft.strengths == f"done {action} home visits with the child seen alone"
    assert done_at(services, action) is None
    assert asked_the_knowledge_base(services) == 0
