"""`done 29 chrono updated`, `ive done 29`, `i have done action 29`, `finished 29`: the loose ways a worker says an
action is done mark it done, as `done 29 - chrono updated` does (trial 29: each went on the QA leads' list). Where the
audit waits for free text or a number, such a line may be the answer ("done 3 home visits"), so the question reads
it there."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as audit_store
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS
from tests.integration.test_asides_mid_audit import STRENGTHS_AT
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 5, 10, 0, tzinfo=LONDON)
AUDITOR, MANAGER, WORKER, COLLEAGUE = "U0MGRS001", "U0MGRN001", "U0PRAN001", "U0PRAN002"
NOTED = ("done {n} chrono updated", "done {n} chrono updated last wk", "Done action {n} plan sent to school",
         "ive done {n} - plan shared", "I've finished action {n}, plan shared")
BARE = ("ive done {n}", "I've done {n}", "i have done action {n}", "finished {n}", "i’ve just completed #{n}",
        "i have done {n}.")
KEPT_NOT = "What you wrote after the action's number is not kept"


@pytest.fixture
def action_id(services: Services) -> int:
    """The North worker's open action, set by the South manager in an audit of their case."""
    audit_id = insert_audit(services.storage, "CR-123456", NOW, auditor=AUDITOR)
    return action_store.add_action(services.storage, audit_id, "Share the plan with the school", WORKER,
                                   "2026-12-08", AUDITOR, NOW)


def done_at(services: Services, action_id: int) -> str | None:
    found = action_store.get_action(services.storage, action_id)
    assert found is not None
    return found.done_at


@pytest.mark.parametrize("form", NOTED + BARE)
def test_a_loose_done_marks_the_owners_action_done(engine: Engine, services: Services, action_id: int,
                                                   form: str) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(WORKER, form.format(n=action_id), surface="terminal")
    said = "\n".join(reply.text for reply in replies)
    assert "Done: _Share the plan with the school_ is marked complete. Thank you." in said, said
    assert (KEPT_NOT in said) == (form in NOTED)  # the note is treated as `done N - note` treats it
    assert done_at(services, action_id) is not None
    assert asked_the_knowledge_base(services) == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=st.sampled_from(NOTED + BARE), number=st.integers(min_value=0, max_value=10**12),
       user=st.sampled_from([WORKER, COLLEAGUE]))
def test_every_loose_form_marks_that_action_or_says_why_not_and_never_asks_the_knowledge_base(
        engine: Engine, services: Services, action_id: int, form: str, number: int, user: str) -> None:
    services.storage.db.execute("UPDATE actions SET done_at = NULL, done_by = NULL WHERE id = ?", [action_id])
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(user, form.format(n=number), surface="terminal")
    said = "\n".join(reply.text for reply in replies)
    if number == action_id and user == WORKER:
        assert "is marked complete" in said and done_at(services, action_id) is not None
    else:
        assert done_at(services, action_id) is None
        assert ("Only the owner of this action (or their manager) can mark it done." in said if number == action_id
                else "I can't find that action; type `/audit actions` to see your open ones." in said), said
    assert asked_the_knowledge_base(services) == 0


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
