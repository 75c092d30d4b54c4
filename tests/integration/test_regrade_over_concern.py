"""`/audit edit N grade good <why>` on a submitted audit whose immediate-concern answer stands: asked once, as the
overall-grade step asks (trial: the grade was changed to Good with no question), and the confirmation is kept on the
audit, where `/audit show` says it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits import concern_grade
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_concern_good_grade import Send, to_the_grade
from tests.integration.test_moderation_typed_grade import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
THURSDAY = datetime(2026, 12, 3, 11, 0, tzinfo=ZoneInfo("Europe/London"))
WORKER = "U0PRAN001"
REASON = "The family moved the child to safety the same day"
ASKED = ("an immediate concern for the child, and it still stands. Practice that leaves a child at immediate risk is "
         "not Good in Ofsted's terms. Change the grade of audit #1 from Inadequate to Good all the same? Nothing is "
         "changed yet.")


@pytest.fixture
def send(engine: Engine) -> Send:
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(WEDNESDAY, tick=False):
        complete_audit(send, to_the_grade(send))  # graded Inadequate, as suggested, with the concern standing
    return send


def said(replies: list[Reply]) -> str:
    return flat("\n".join(r.text for r in replies if r.is_for_requester))


def audit(services: Services) -> store.AuditRow:
    return store.get_audit(services.storage, 1)


def test_good_over_the_concern_is_asked_and_nothing_changes_yet(send: Send, services: Services) -> None:
    assert audit(services).overall_grade == "inadequate" and audit(services).status == "submitted"
    with time_machine.travel(THURSDAY, tick=False):
        asked = send("type", f"/audit edit 1 grade good {REASON}")
    assert ASKED in said(asked)
    assert "Yes, change it to Good" in [c.label for r in asked for c in r.choices]
    assert audit(services).overall_grade == "inadequate"
    assert not any(r.to_user == WORKER for r in asked)  # nobody told before the answer


def test_yes_stores_the_grade_with_its_reason_and_the_confirmation_shows(send: Send, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        send("type", f"/audit edit 1 grade good {REASON}")
        done = send("type", "yes")
    assert ("Audit #1: grade changed from Inadequate to Good, with your reason." in said(done)
            and "Your confirmation over the immediate concern is kept with the audit for the moderator." in said(done))
    assert any(r.to_user == WORKER and REASON in r.text for r in done)
    after = audit(services)
    assert (after.overall_grade, after.grade_reason) == ("good", REASON)
    assert after.state[concern_grade.CONFIRMED] == {"grade": "good", "question": "immediate-concern"}
    shown = said(send("type", "/audit show 1"))
    assert "The auditor confirmed this grade though an answer raises an immediate concern." in shown


def test_the_same_change_typed_again_is_the_yes(send: Send, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        send("type", f"/audit edit 1 grade outstanding {REASON}")
        done = send("type", f"/audit edit 1 grade outstanding {REASON}")
    assert "grade changed from Inadequate to Outstanding" in said(done) and "all the same?" not in said(done)
    assert audit(services).state[concern_grade.CONFIRMED]["grade"] == "outstanding"


def test_no_changes_nothing_and_tells_nobody(send: Send, services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        send("type", f"/audit edit 1 grade good {REASON}")
        kept = send("type", "no")
    assert "OK, the grade was not changed: audit #1 is still graded Inadequate, and nobody was told." in said(kept)
    assert not any(r.to_user == WORKER for r in kept)
    assert audit(services).overall_grade == "inadequate" and not store.revisions_of(services.storage, 1)


def test_a_grade_below_good_is_not_asked_about_and_clears_an_earlier_confirmation(send: Send,
                                                                                  services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        send("type", f"/audit edit 1 grade good {REASON}")
        send("type", "yes")
        send("type", "/audit edit 1 grade ri The concern was not acted on after all")
        changed = send("type", "yes")  # the change read back, then stored
    assert "all the same?" not in said(changed) and "grade changed from Good to Requires improvement" in said(changed)
    assert audit(services).state.get(concern_grade.CONFIRMED) is None
    assert "confirmed this grade" not in said(send("type", "/audit show 1"))
