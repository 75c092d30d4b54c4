"""A safeguarding escalation follows its answer: changed to No, those alerted are told; back to Yes, alerted again."""

from __future__ import annotations

from bot.core.replies import Reply
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.audit_driver import next_input
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_audit_terminal import terminal_sender

AUDITOR = "U0MGRN001"  # a North team manager: with no manager above them, escalations go to the QA leads
QA_LEADS = ("U0QALEAD1", "U0QALEAD2", "U0ADMIN01")  # and the head of service
ALERT = "Escalation from audit #1"
UPDATE = "Update on the escalation from audit #1"


def messages_to(transcript: str, user: str) -> list[str]:
    """The bodies of the terminal chat's `[message to U…]` blocks for `user`, in order."""
    blocks = transcript.split("[message to ")[1:]
    return [block.split("]\n", 1)[1] for block in blocks if block.startswith(f"{user}]")]


def test_changing_yes_to_no_tells_everyone_alerted_and_back_to_yes_alerts_again(engine: Engine) -> None:
    # Yes and Send the alert, then Back and No, then Back and Yes and Send again (numbers pick options: 1 Yes, 2 No,
    # 4 Back; at the confirm 1 is Send the alert).
    _, out = drive(engine, ["/audit start case-audit", "CR-123456", "1", "1", "1", "4", "2", "4", "1", "1"],
                   user=AUDITOR)
    for lead in QA_LEADS:
        alert, update, again = messages_to(out, lead)
        assert ALERT in alert and "Please look at this case now" in alert
        assert UPDATE in update
        flat = " ".join(update.split())
        assert "Full case audit, case CR-123456, auditor Team manager (North)" in flat
        assert "The auditor changed the answer to “Is there an immediate safeguarding concern on this case that " \
               "needs a manager now?” from Yes to No" in flat and "no longer stands" in flat
        assert ALERT in again
    assert ("I've told Head of service, QA lead (practice), QA lead (children in care) that you changed this answer "
            "to No") in " ".join(out.split())


def test_answering_no_first_or_no_again_sends_nothing(engine: Engine) -> None:
    # No, then Back and No again: nobody was alerted, so nobody is told anything.
    _, out = drive(engine, ["/audit start case-audit", "CR-123456", "1", "2", "4", "2"], user=AUDITOR)
    assert "[message to" not in out


def test_changing_the_answer_from_the_review_withdraws_the_escalation(engine: Engine) -> None:
    view = TerminalView()
    send = terminal_sender(engine, view, AUDITOR)
    replies: list[Reply] = send("type", "/audit start early-help-spot")
    replies = send("type", "CR-123456")
    replies = send("type", "1")  # the worker
    send("type", "yes")  # an immediate safeguarding concern: asked first, then the QA leads are alerted
    replies = send("type", "send")
    assert {r.to_user for r in replies if ALERT in r.text} == set(QA_LEADS)
    state: dict = {}
    while (step := next_input(replies, state)) is not None and not step[1].startswith("audit.next|"):
        replies = send(*step)
    assert step is not None, "the audit never reached its review"
    send("type", "change 1")
    changed = send("type", "no")
    updates = [r for r in changed if UPDATE in r.text]
    assert {r.to_user for r in updates} == set(QA_LEADS)
    assert all("CR-123456" in r.text and "**Yes** to **No**" in r.text for r in updates)
    assert any("changed this answer to No" in r.text for r in changed if r.to_user is None)
    assert any((r.title or "").startswith("Review") and "**No**" in r.text for r in changed if r.to_user is None)
