"""An audit made Inadequate at moderation is never left with no action: a moderator whose grade of record is
Inadequate, on an audit with no open action, is asked for one (what, who, by when) before the moderation is saved; and
the auditor trying to change a moderated audit is told what is the case and what they can do."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"
REASON = "Communication was not understood and the plan is not linked to the EHCP."
ACTION = "Book an EHCP review with the school and agree a communication passport"


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("`", "").replace("_", " ").split())


def audit_with_no_open_action(engine: Engine, services: Services) -> tuple[int, str]:
    """Audit #1 graded Good by the North manager; its one action already marked done by its owner, the worker."""
    audit_id = submitted_audit(engine, services, AUDITOR)
    [action] = action_store.actions_of_audit(services.storage, audit_id)
    engine.action(action.owner_id, "actions.done", str(action.id))
    worker = store.get_audit(services.storage, audit_id).worker_id
    assert worker == action.owner_id and action_store.actions_of_audit(services.storage, audit_id)[0].done_at
    return audit_id, worker


def test_the_moderator_is_asked_for_an_action_before_an_inadequate_is_saved(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, worker = audit_with_no_open_action(engine, services)
        # 3 is Inadequate (the auditor's Good is not offered); 1 is the case's worker as the action's owner.
        _, asked = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON, "none"], user=QA)
        assert store.get_audit(services.storage, audit_id).status == "in_moderation"  # nothing saved yet
        _, written = drive(engine, [ACTION, "1", "in 4 weeks"], user=QA)
        assert store.get_audit(services.storage, audit_id).status == "in_moderation"  # the alert check comes last
        _, out = drive(engine, ["send"], user=QA)
        _, shown = drive(engine, [f"/audit show {audit_id}"], user=AUDITOR)
    assert ("Audit #1 will be Inadequate after your moderation, and it has no open action. An audit graded "
            "Inadequate needs at least one: what must happen for the child?") in flat(asked)
    assert "An audit graded Inadequate needs at least one action: what must happen for the child" in flat(asked)
    assert "Who owns this action?" in flat(written) and "1) Social worker N1 (the case's worker)" in written
    assert "When is it due?" in flat(written) and "This sends an urgent alert now to" in flat(written)
    text = flat(out)
    # the auditor is the worker's manager: told once, and said so (trial 18: "…and their manager have been told")
    assert "Moderation of audit #1 saved with its action, and the auditor and the worker have been told." in text
    [to_auditor] = (flat(m) for m in messages_to(out, AUDITOR))
    assert (f"Reason: {REASON} Action set at moderation: {ACTION} — Social worker N1, by Wednesday 30 December 2026 "
            "(in 28 days).") in to_auditor  # how near, as every due date said back (fix50g)
    [to_worker] = (flat(m) for m in messages_to(out, worker))
    # the reason and the action as two sentences (review: "…not linked to the EHCP.; action set at moderation")
    assert (f"graded it Inadequate, because: {REASON} Action set at moderation: {ACTION} — Social worker N1, by "
            "Wednesday 30 December 2026 (in 28 days).") in to_worker
    assert ".;" not in to_worker and ".." not in to_worker and ".;" not in to_auditor
    assert "Actions:" in flat(shown) and f": {ACTION} — Social worker N1, by 30 Dec 2026 (open)" in flat(shown)
    assert "Overall grade: Inadequate (after moderation; the auditor graded Good)" in flat(shown)
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


def test_an_owner_typed_by_member_id_is_told_of_the_action(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON, ACTION, "U0PRAN002",
                                "23/12/2026", "send"], user=QA)
    [told] = (flat(m) for m in messages_to(out, "U0PRAN002"))
    assert (f"QA lead (practice) set you an action at the moderation of audit #1: {ACTION}, by Wednesday 23 December "
            "2026 (in 21 days). /audit actions lists it.") in told
    [open_action] = [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]
    assert (open_action.owner_id, open_action.due_date, open_action.created_by) == ("U0PRAN002", "2026-12-23", QA)


def test_disagree_typed_at_the_action_is_a_change_of_mind(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "3", REASON, "disagree", "ri", REASON,
                                "skip"], user=QA)
    assert "What grade would you give?" in out.split("will be Inadequate after your moderation", 1)[1]
    assert "Moderation of audit #1 saved, and" in flat(out)
    assert store.get_audit(services.storage, audit_id).moderated_grade == "requires_improvement"
    assert not [a for a in action_store.actions_of_audit(services.storage, audit_id) if a.done_at is None]


def test_editing_a_moderated_audit_says_it_is_moderated_and_what_can_be_done(engine: Engine,
                                                                            services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        drive(engine, [f"/audit moderate {audit_id}", "agree", REASON], user=QA)
        _, out = drive(engine, [f"/audit edit {audit_id}", f"/audit edit {audit_id} grade good"], user=AUDITOR)
    text = flat(out)
    assert "A moderator has opened this audit" not in text
    said = ("Audit #1 has been moderated, so its answers and grade are on record and can't be changed any more. "
            "/audit show 1 has the outcome and its actions; you can answer the moderation once with /audit respond 1 "
            "accept or /audit respond 1 <your reply>, and /audit actions lists the open actions to mark done.")
    assert text.count(said) == 2
