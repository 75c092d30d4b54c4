"""The grade history on `/audit show` (trial 43, finding 26): after the grade was changed and changed back, the
worker read "Suggested grade: Inadequate. Reason: discussed with the worker…", the reason for a change shown as the
reason for differing from the suggestion, and no history. Now each reason says what it explains."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_reopened_regrade import FIRST_REASON, RI, graded_as

AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
SUBMITTED_AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
CHANGED_AT = datetime(2026, 12, 2, 11, 30, tzinfo=UTC)
TO_GOOD = "The plan is now reviewed every month"
BACK_TO_RI = "Discussed with the worker: the reviews are not yet monthly"


def shown(engine: Engine, user: str) -> str:
    return "\n".join(r.text for r in engine.command(user, "show 1", surface="terminal"))


def regrade(engine: Engine, typed: str) -> None:
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit 1 grade {typed}", surface="terminal")
        engine.message(AUDITOR, "yes", surface="terminal")  # the change read back first


def test_show_gives_the_grade_history_with_each_reason_labelled(engine: Engine, services: Services) -> None:
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(SUBMITTED_AT, tick=False):
        complete_audit(graded_as(send, f"RI, {FIRST_REASON}"), send("type", "/audit start early-help-spot"))
    assert (f"**Overall grade:** {RI}\nSuggested grade: Good. Why not the suggested grade: {FIRST_REASON}."
            in shown(engine, WORKER))
    regrade(engine, f"good {TO_GOOD}")
    regrade(engine, f"RI {BACK_TO_RI}")
    for user in (WORKER, AUDITOR):
        assert (f"**Overall grade:** {RI} (changed from Good on 2 Dec 2026)\n"
                "Suggested grade: Good.\n"
                "Grade history:\n"
                f"• Submitted as {RI}. Why not the suggested grade: {FIRST_REASON}.\n"
                f"• Changed from {RI} to Good on 2 Dec 2026 by Team manager (North). Why changed: {TO_GOOD}.\n"
                f"• Changed from Good to {RI} on 2 Dec 2026 by Team manager (North). Why changed: {BACK_TO_RI}."
                ) in shown(engine, user)


def test_a_grade_changed_to_the_suggested_one_says_why_changed_not_why_not_suggested(engine: Engine) -> None:
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(SUBMITTED_AT, tick=False):
        complete_audit(graded_as(send, f"RI, {FIRST_REASON}"), send("type", "/audit start early-help-spot"))
    regrade(engine, f"good {TO_GOOD}")
    said = shown(engine, WORKER)
    assert "Suggested grade:" not in said  # the grade is the suggested one now
    assert f"Why changed: {TO_GOOD}." in said and f"Why not the suggested grade: {TO_GOOD}" not in said
