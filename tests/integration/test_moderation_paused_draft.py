"""A moderation paused part-written keeps what was typed (trial 39, MEDIUM 9: `moderate 82` / `agree` / a reason /
`sorry got to go, will finish this later` said "Nothing is saved", and `moderate 82` started again at Agree /
Disagree). The pause says what was kept; `moderate 82` carries on where it stopped; nothing is decided or sent
meanwhile."""

from __future__ import annotations

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import (
    ACTION,
    AUDITOR,
    QA,
    REASON,
    WEDNESDAY,
    audit_with_no_open_action,
    flat,
)
from tests.integration.test_moderation_reason_commands import WHY, reasons
from tests.integration.test_wording import submitted_audit

LEAVING = "sorry got to go, will finish this later"
ACTION_ASKED = "Audit #1 will be Inadequate after your moderation, and it has no open action."


def test_a_reason_typed_before_pausing_is_kept_and_moderate_carries_on(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, paused = drive(engine, [f"moderate {audit_id}", "disagree", "3", REASON, LEAVING], user=QA)
        assert store.get_audit(services.storage, audit_id).status == "in_moderation"
        _, back = drive(engine, [f"moderate {audit_id}"], user=QA)
        _, done = drive(engine, [ACTION, "1", "in 4 weeks", "send"], user=QA)
    said = flat(paused).split(LEAVING)[-1]
    assert (f"Saved so far: Disagree, Inadequate, reason “{REASON}”; type moderate {audit_id} to finish. Nothing is "
            f"decided or sent yet: audit #{audit_id} stays yours to moderate") in said
    assert "has been moderated" not in paused and reasons(services, audit_id) == [REASON]
    assert (f"Back to your moderation of audit #{audit_id} where you stopped. So far: Disagree, Inadequate, reason "
            f"“{REASON}”; nothing is saved until you finish.") in flat(back)
    assert ACTION_ASKED in flat(back) and "Do you agree with the overall grade?" not in flat(back)
    assert f"Moderation of audit #{audit_id} saved with its action" in flat(done)


def test_agree_then_pause_at_why_carries_on_at_why(engine: Engine, services: Services) -> None:
    reason = "The plan is specific and the child's views shape it."
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, paused = drive(engine, [f"moderate {audit_id}", "agree", "pause"], user=QA)
        _, back = drive(engine, [f"moderate {audit_id}", reason], user=QA)
    assert f"Saved so far: Agree; type moderate {audit_id} to finish." in flat(paused)
    assert WHY in flat(back) and f"Moderation of audit #{audit_id} saved" in flat(back)
    assert reasons(services, audit_id) == [reason]


def test_cancel_keeps_nothing(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", "3", REASON, "cancel"], user=QA)
        _, back = drive(engine, [f"moderate {audit_id}"], user=QA)
    assert "Saved so far" not in flat(out)
    assert "Do you agree with the overall grade?" in flat(back)


def test_paused_at_the_grade_after_disagree_carries_on_at_the_grade(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, paused = drive(engine, [f"moderate {audit_id}", "disagree", "got to go"], user=QA)
        _, back = drive(engine, [f"moderate {audit_id}", "ri - the plan has drifted since the review", "skip"],
                        user=QA)
    assert f"Saved so far: Disagree; type moderate {audit_id} to finish." in flat(paused)
    assert "What grade would you give?" in flat(back) and f"Moderation of audit #{audit_id} saved" in flat(back)


def test_opening_it_again_once_resumed_stays_at_the_step(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        drive(engine, [f"moderate {audit_id}", "disagree", "3", REASON, LEAVING, f"moderate {audit_id}"], user=QA)
        _, again = drive(engine, [f"moderate {audit_id}"], user=QA)
    assert ACTION_ASKED in flat(again) and "Do you agree with the overall grade?" not in flat(again)


def test_fix50g_an_actions_due_date_kept_says_how_near_it_is(engine: Engine, services: Services) -> None:
    """fix50g: "Saved so far: …, due Wednesday 30 December 2026" left out how near it was, where every other due
    date said back gives it (bot.audits.action_fields.how_near)."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id, _ = audit_with_no_open_action(engine, services)
        _, paused = drive(engine, [f"moderate {audit_id}", "disagree", "3", REASON, ACTION, "1", "in 4 weeks",
                                   LEAVING], user=QA)
        _, back = drive(engine, [f"moderate {audit_id}"], user=QA)
    kept = f"action “{ACTION}”, owner Social worker N1, due Wednesday 30 December 2026 (in 28 days)"
    assert f"Saved so far: Disagree, Inadequate, reason “{REASON}”, {kept}; type moderate {audit_id}" in flat(paused)
    assert f"So far: Disagree, Inadequate, reason “{REASON}”, {kept}; nothing is saved until you finish." in flat(back)
