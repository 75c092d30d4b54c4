"""Cancelling an audit withdraws no immediate-concern alert: those it reached are told the audit was cancelled and the
concern still stands, can still read its answers, and are told when the auditor restores it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_escalation_withdrawn import messages_to

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=LONDON)
QA_LEADS = ("U0QALEAD1", "U0QALEAD2", "U0ADMIN01")  # and the head of service
CONCERN = "Is there an immediate safeguarding concern on this case that needs a manager now?"
# As in the trial: the South manager answers Yes and sends the alert (the QA leads are alerted), then cancels (1 is
# Yes, cancel).
YES_THEN_CANCEL = ["start audit neglect", "CR-777001", "1", "yes", "send", "cancel", "1"]


def flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("`", "").replace("_", "").split())


def test_everyone_alerted_is_told_the_concern_stands_when_the_audit_is_cancelled(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, YES_THEN_CANCEL, user="U0MGRS001")
    for lead in QA_LEADS:
        alert, update = (flat(m) for m in messages_to(out, lead))
        assert "Escalation from audit #1" in alert
        assert ("Update on the escalation from audit #1 (Neglect, case CR-777001, auditor Team manager (South))"
                in update)
        assert "The audit was cancelled by its auditor. The concern was not withdrawn by cancelling" in update
        assert f"not withdrawn by cancelling: the answer to “{CONCERN}” is Yes." in update
        assert "It stands until someone speaks to the auditor about case CR-777001" in update
        assert "/audit show 1" in update
    assert ("I've told Head of service, QA lead (practice), QA lead (children in care) that the audit is cancelled "
            "and that the immediate concern you flagged still stands: cancelling does not withdraw it.") in flat(out)


def test_a_qa_lead_reads_the_cancelled_audits_answers_marked_cancelled(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, YES_THEN_CANCEL, user="U0MGRS001")
        _, out = drive(engine, ["/audit show 1"], user="U0QALEAD1")
    text = flat(out)
    assert "nothing to read" not in text
    assert "Audit #1: cancelled by its auditor on Monday 30 November 2026. It does not count as an audit" in text
    assert f"not withdrawn by cancelling; it stands until someone speaks to the auditor: {CONCERN} Yes" in text
    assert f"1. {CONCERN} — Yes" in text
    assert "Status: cancelled" in text


def test_the_manager_the_alert_reached_reads_it_and_a_manager_it_did_not_reach_does_not(engine: Engine) -> None:
    """A QA lead audits a South case: with no manager of their own, the alert goes to the South manager."""
    steps = ["start audit neglect", "CR-777002", "U0PRAS001", "yes", "send", "cancel", "1"]
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, steps, user="U0QALEAD1")
        [alert, update] = (flat(m) for m in messages_to(out, "U0MGRS001"))
        _, alerted = drive(engine, ["/audit show 1"], user="U0MGRS001")
        _, other = drive(engine, ["/audit show 1"], user="U0MGRN001")
        _, worker = drive(engine, ["/audit show 1"], user="U0PRAS001")
    assert "Escalation from audit #1" in alert and "cancelled by its auditor" in update
    assert "Audit #1: cancelled by its auditor" in flat(alerted) and f"{CONCERN} — Yes" in flat(alerted)
    for refused in (other, worker):
        assert "Audit #1 was cancelled by its auditor, so there is nothing to read." in flat(refused)


def test_restoring_tells_those_alerted_that_the_audit_is_back(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, YES_THEN_CANCEL, user="U0MGRS001")
        _, out = drive(engine, ["/audit restore 1"], user="U0MGRS001")
    for lead in QA_LEADS:
        [update] = (flat(m) for m in messages_to(out, lead))
        assert "Update on the escalation from audit #1 (Neglect, case CR-777001" in update
        assert f"The auditor restored the cancelled audit: it is back as a draft, and the answer to “{CONCERN}” is " \
               "Yes, so the alert stands." in update
    assert ("I've told Head of service, QA lead (practice), QA lead (children in care) that the audit is back."
            in flat(out))


def test_an_alert_withdrawn_before_cancelling_sends_nothing_more_and_the_view_says_none_stands(engine: Engine) -> None:
    # Yes and send (alert), Back and No (withdrawn: 5 is Back on the next question, 2 is No), then cancel.
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["start audit neglect", "CR-777001", "1", "yes", "send", "5", "2", "cancel", "1"],
                       user="U0MGRS001")
        _, shown = drive(engine, ["/audit show 1"], user="U0QALEAD1")
    for lead in QA_LEADS:
        _alert, withdrawn = messages_to(out, lead)
        assert "from Yes to No" in flat(withdrawn)
    assert "is cancelled" in out and "I've told" not in out.split("is cancelled", 1)[1]
    assert "Audit #1: cancelled by its auditor on Monday 30 November 2026" in flat(shown)
    assert "not withdrawn" not in flat(shown) and f"{CONCERN} — No" in flat(shown)
