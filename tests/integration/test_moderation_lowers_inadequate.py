"""Those an auditor's Inadequate grade alerted are told when moderation grades the audit otherwise, as they are when
the auditor changes it: the urgent alert must not stand on a grade that is no longer the grade of record. The North
manager audits their own team's case, so the alert goes to the QA leads and the head of service (admin)."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to
from tests.integration.test_moderated_inadequate_action import flat
from tests.integration.test_wording import submitted_audit

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
AUDITOR, QA, OTHER_QA, ADMIN = "U0MGRN001", "U0QALEAD1", "U0QALEAD2", "U0ADMIN01"


def test_a_moderators_better_grade_tells_everyone_the_inadequate_alert_reached(engine: Engine,
                                                                               services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, alerted = drive(engine, [f"/audit edit {audit_id} grade inadequate the plan has drifted for months",
                                    "send"], user=AUDITOR)
        assert all(messages_to(alerted, who) for who in (QA, OTHER_QA, ADMIN))
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "requires improvement",
                                "the plan drifted but the child is seen and safe", "skip"], user=QA)
    for who in (OTHER_QA, ADMIN):
        [update] = (flat(m) for m in messages_to(out, who))
        assert (f"Update on audit #{audit_id}" in update and "QA lead (practice) graded it Requires improvement to be "
                "good at moderation, where the auditor's grade was Inadequate, so Inadequate is no longer its grade "
                "of record and the alert no longer stands") in update
    assert not messages_to(out, QA)  # the moderator knows
    assert "whom the auditor's Inadequate alerted, that it no longer stands." in flat(out)



def test_the_alert_and_its_withdrawal_are_in_the_trail_with_who_was_told(engine: Engine, services: Services) -> None:
    """Trial 18: the trail showed the audit started, submitted and moderated, and nothing of the Inadequate alert sent
    and later withdrawn. Who caused each, for which audit and who was told are kept; never the case's content."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        drive(engine, [f"/audit edit {audit_id} grade inadequate the plan has drifted for months", "send"],
              user=AUDITOR)
        drive(engine, [f"/audit moderate {audit_id}", "disagree", "requires improvement",
                       "the plan drifted but the child is seen and safe", "skip"], user=QA)
    rows = [(row["actor"], row["action"], json.loads(row["detail"])) for row in services.storage.db.query(
        "SELECT actor, action, detail FROM trail WHERE action LIKE 'audit.alert%' ORDER BY id")]
    assert [(actor, action, detail["audit"], detail["kind"]) for actor, action, detail in rows] == [
        (AUDITOR, "audit.alert", audit_id, "inadequate"), (QA, "audit.alert_withdrawn", audit_id, "inadequate")]
    assert set(rows[0][2]["to"]) == {QA, OTHER_QA, ADMIN} and set(rows[1][2]["to"]) == {OTHER_QA, ADMIN}
    assert all(set(detail) == {"audit", "kind", "to"} for _, _, detail in rows)
