"""`137 done`, `137 is done`, `#137 done`, `137 complete(d)`: the action's number first marks it done as `done 137`
does (trial 22: `137 done` went to the knowledge base and onto the QA leads' list). At an audit question whose answer
is a number or text, `2 done` may be the answer, so the question reads it there."""

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
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
AUDITOR, MANAGER, WORKER, COLLEAGUE = "U0MGRS001", "U0MGRN001", "U0PRAN001", "U0PRAN002"
FORMS = ("{n} done", "{n} is done", "#{n} done", "{n} complete", "{n} completed", "#{n} is completed",
         "{n} done.", "{n} Done!", "{n} now done", "{n} finished", "{n} done thanks", "{n} done - plan shared")
# trial 29: done in a worker's own words (test_action_done_loosely), with a note without a dash, and bare
NOTED = ("done {n} chrono updated", "done {n} chrono updated last wk", "Done action {n} plan sent to school",
         "ive done {n} - plan shared", "I've finished action {n}, plan shared")
BARE = ("ive done {n}", "I've done {n}", "i have done action {n}", "finished {n}", "i’ve just completed #{n}",
        "i have done {n}.")


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


@pytest.mark.parametrize("form", FORMS + NOTED + BARE)
def test_the_number_first_marks_the_owners_action_done(engine: Engine, services: Services, action_id: int,
                                                       form: str) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(WORKER, form.format(n=action_id), surface="terminal")
    said = "\n".join(reply.text for reply in replies)
    assert f"Action {action_id} (audit #1, CR-123456) marked done: _Share the plan with the school_." in said, said
    assert done_at(services, action_id) is not None
    assert asked_the_knowledge_base(services) == 0


def test_the_number_first_for_a_workers_action_asks_their_manager_first(engine: Engine, services: Services,
                                                                        action_id: int) -> None:
    with time_machine.travel(NOW, tick=False):
        [asked] = engine.message(MANAGER, f"{action_id} done", surface="terminal")
        assert asked.kind == "question" and asked.text.startswith(f"Mark action #{action_id} done for Social worker")
        engine.message(MANAGER, "yes", surface="terminal")
    assert done_at(services, action_id) is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=st.sampled_from(FORMS + NOTED + BARE), number=st.integers(min_value=0, max_value=10**12),
       user=st.sampled_from([WORKER, COLLEAGUE]))
def test_every_number_first_form_marks_that_action_or_says_why_not_and_never_asks_the_knowledge_base(
        engine: Engine, services: Services, action_id: int, form: str, number: int, user: str) -> None:
    services.storage.db.execute("UPDATE actions SET done_at = NULL, done_by = NULL WHERE id = ?", [action_id])
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(user, form.format(n=number), surface="terminal")
    said = "\n".join(reply.text for reply in replies)
    if number == action_id and user == WORKER:
        assert "marked done: _Share" in said and done_at(services, action_id) is not None
    elif number == action_id:
        assert replies[0].kind == "error"
        assert said == "I can't find that action; type `/audit actions` to see your open ones."
    else:
        assert said == "I can't find that action; type `/audit actions` to see your open ones."
    if number != action_id or user != WORKER:
        assert done_at(services, action_id) is None
    assert asked_the_knowledge_base(services) == 0


def test_at_a_number_question_the_count_is_the_answer_and_at_a_yes_no_question_the_action_is_marked(
        engine: Engine, services: Services, action_id: int) -> None:
    """Mid-audit: `12 done` at "How many contacts did you sample?" may be its answer; at a yes/no question it can be
    no answer, so it is the action's, as `done 12` is everywhere, and the question is shown again."""
    with time_machine.travel(NOW, tick=False):
        engine.message(WORKER, "start audit front door", surface="terminal")
        engine.message(WORKER, "CR-555123", surface="terminal")
        engine.message(WORKER, "social worker n2", surface="terminal")
        marked = "\n".join(r.text for r in engine.message(WORKER, f"{action_id} done", surface="terminal"))
        assert "marked done: _Share" in marked and done_at(services, action_id) is not None
        assert "Back to audit #2, question 1:" in marked
        engine.message(WORKER, f"reopen action {action_id}", surface="terminal")
        engine.message(WORKER, "no", surface="terminal")  # no immediate concern: "How many contacts did you sample?"
        said, counted = engine.message(WORKER, f"{action_id} done", surface="terminal")
    assert said.text == f"Got it: **{action_id}**."  # a number read from words is said back (trial 26)
    assert "How many sampled contacts had no decision within one working day?" in counted.text
    assert audit_store.answers_of(services.storage, 2)["contacts-sampled"].value == str(action_id)
    assert done_at(services, action_id) is None
    assert asked_the_knowledge_base(services) == 0
