"""`/audit show` after a moderation is changed shows every decision in order (trial 39, MEDIUM 4: after `change
moderation 145` only the new decision showed; the first decision, its reason and the auditor's response were gone).
"""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import AUDITOR, QA, WEDNESDAY, flat
from tests.integration.test_wording import submitted_audit

FIRST = "The plan is specific and the child's views shape it."
RESPONSE = "Thank you, I will record the child's words next time."
SECOND = "On reading it again, the reviews have slipped and the plan has drifted."


def test_show_gives_the_first_decision_its_response_then_the_new_one(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        drive(engine, [f"moderate {audit_id}", "agree", FIRST], user=QA)
    with time_machine.travel(WEDNESDAY + timedelta(days=1), tick=False):
        drive(engine, [f"respond {audit_id} {RESPONSE}"], user=AUDITOR)
    with time_machine.travel(WEDNESDAY + timedelta(days=2), tick=False):
        _, changed = drive(engine, [f"change moderation {audit_id}", "disagree", f"ri - {SECOND}", "skip"],
                            user=QA)
        _, out = drive(engine, [f"show {audit_id}"], user=QA)
    assert f"Moderation of audit #{audit_id} saved" in flat(changed)
    shown = flat(out)
    first = (f"Moderation of 2 Dec 2026, since changed: QA lead (practice) agreed with the grade. Reason: {FIRST} "
             f"Auditor's response: {RESPONSE}")
    second = f"Moderation: QA lead (practice) graded it Requires improvement to be good. Reason: {SECOND}"
    assert first in shown and second in shown, shown
    assert shown.index(first) < shown.index(second)
