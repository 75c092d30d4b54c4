"""A moderator asking to add an action (`can i add an action to 27? the sw needs to see the children alone`) gets a
plain answer for that audit, never a "Did you mean…" or a place on the QA leads' unanswered list (trial 33, M4); what
followed the question is not stored or said back."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import AUDITOR, QA, WEDNESDAY, flat
from tests.integration.test_wording import submitted_audit

ONLY = ("A moderation sets an action with its decision only when you disagree with the grade (one is offered after "
        "your reason) or grade it Inadequate; an audit's other actions are its auditor's to add.")
AFTER = "the sw needs to see the children alone"


def _unanswered(services: Services) -> int:
    return int(services.storage.db.execute("SELECT count(*) FROM kb_asks").fetchone()[0])


def test_asked_while_moderating_it_says_how_to_send_it_back(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        before = _unanswered(services)
        _, out = drive(engine, [f"moderate {audit_id}", f"can i add an action to {audit_id}? {AFTER}"], user=QA)
    said = flat(out)
    assert ONLY in said and f"type send back {audit_id} <what needs doing> instead of deciding" in said
    assert "Nothing you typed after the question was saved." in said
    assert "Did you mean" not in said and AFTER not in said  # never said back
    assert _unanswered(services) == before


def test_asked_at_the_offered_action_it_says_to_type_it_there(engine: Engine, services: Services) -> None:
    """fix41d: after a disagreeing reason an action is offered; asked there, the question says to type it."""
    reason = "The visits were not frequent enough for the plan."
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        before = _unanswered(services)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", "RI", reason,
                                f"can i add an action to {audit_id}? {AFTER}"], user=QA)
    said = flat(out).split(reason)[-1]
    assert f"{ONLY} Type it now, at the question below" in said and AFTER not in said
    assert said.endswith("> Type the action, or skip. Bye.") and "Add an action for the auditor or worker" in said
    assert "Did you mean" not in said and _unanswered(services) == before


def test_asked_after_a_disagreement_it_names_the_auditor_to_ask(engine: Engine, services: Services) -> None:
    reason = "The visits were not frequent enough for the plan."
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        before = _unanswered(services)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", "RI", reason, "skip",
                                f"can i add an action to {audit_id}? {AFTER}"], user=QA)
    said = flat(out).split(reason)[-1]
    auditor = services.directory.label(AUDITOR)
    assert f"{ONLY} Audit #{audit_id} is moderated, so ask its auditor, {auditor}, to add it" in said
    assert "Did you mean" not in said and _unanswered(services) == before


def test_asked_before_opening_it_says_how(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"how do i add an action to #{audit_id}"], user=QA)
    assert f"open it (moderate {audit_id}) and type send back {audit_id} <what needs doing>" in flat(out)


def test_asked_at_why_it_is_answered_and_never_the_reason(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", "RI",
                                f"can i add an action to {audit_id}? {AFTER}"], user=QA)
        waiting = store.conversation(services.storage, QA)
    said = flat(out).split("Type your reason.", 1)[1]
    assert ONLY in said and f"type send back {audit_id} <what needs doing> instead of deciding" in said
    assert said.endswith("You would grade it Requires improvement to be good. Why? A sentence the auditor can learn "
                         "from. (Not the grade you meant? Type disagree to choose again: nothing is saved yet.) > Type "
                         "your reason. Bye.")
    assert "has been moderated" not in said and waiting.get("awaiting") == "moderation_reason"
