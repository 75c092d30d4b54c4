"""What changed since the worker was last sent an audit (trial 43, finding 25): a resubmitted audit's summary said
the whole audit again and marked nothing, and a note added with `/audit edit N note …` reached the worker not at
all. Now the worker's summary opens with what changed since they were last sent it, was → now, and marks the
changed answers where they stand; a note changed by edit reaches them the same way."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.audit_driver import TYPED_ANSWERS, complete_audit
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_reopened_regrade import Send

WORKER = "U0PRAN001"  # the case's worker; the auditor is the North team manager (terminal_sender's default)
SUBMITTED_AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # a Tuesday morning: the worker's DMs go at once
CHANGED_AT = datetime(2026, 12, 2, 11, 30, tzinfo=UTC)
NOTED_AT = datetime(2026, 12, 3, 11, 30, tzinfo=UTC)
Q6 = "Q6 (Are the child's views and experience recorded and…)"
LISTED = "**What changed since you were last sent this audit:**"


@pytest.fixture
def send(engine: Engine) -> Send:
    return terminal_sender(engine, TerminalView())


@pytest.fixture
def resubmitted(send: Send) -> list[Reply]:
    """An early help audit submitted, reopened, question 6 changed from No to Yes with a note, and resubmitted."""
    with time_machine.travel(SUBMITTED_AT, tick=False):
        complete_audit(send, send("type", "/audit start early-help-spot"))
    with time_machine.travel(CHANGED_AT, tick=False):
        send("type", "/audit edit 1")
        send("type", "change 6")
        send("type", "yes, the child's views are in the plan")
        return send("type", "submit")


def to_worker(replies: list[Reply]) -> str:
    [summary] = [r for r in replies if r.to_user == WORKER and "Here is the updated summary" in r.text]
    return summary.text


def test_the_worker_is_told_what_changed_at_a_resubmission_and_the_answer_is_marked(resubmitted: list[Reply]) -> None:
    told = to_worker(resubmitted)
    assert told.startswith("Team manager (North) has changed the audit of one of your cases after submitting it. "
                           f"Here is the updated summary.\n\n{LISTED}\n"
                           f"• {Q6}: No → **Yes**; its note added: “the child's views are in the plan”\n\n")
    assert ("6. Are the child's views and experience recorded and reflected in the plan? — **Yes** "
            "_(changed; was No; note added)_") in told
    assert "7. How would you grade the quality of early help practice with this family? — **Good**\n" in told


def test_a_note_added_by_edit_reaches_the_worker_with_only_what_changed_since(
        send: Send, services: Services, resubmitted: list[Reply]) -> None:
    with time_machine.travel(NOTED_AT, tick=False):
        replies = send("type", "/audit edit 1 note 7 Visits lapsed in the autumn term but the plan held")
    assert replies[0].text.startswith("Audit #1: the note on question 7 is updated")
    told = to_worker(replies)
    listed = told.split("\n\n")[1]
    assert listed == (f"{LISTED}\n• Q7 (How would you grade the quality of early help…), its note: "
                      f"“{TYPED_ANSWERS['Type your evidence note']}” → “Visits lapsed in the autumn term but the plan "
                      "held”")  # question 6, sent already at the resubmission, is not said again
    assert "— **Good** _(note changed)_" in told
    assert "I've told Social worker N1 of the change, with the updated summary." in replies[-1].text
