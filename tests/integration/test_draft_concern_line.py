"""Trial 33 (H2): every draft said "The auditor confirmed this grade though an answer raises an immediate concern."
under "Overall grade: not graded", with the immediate concern answered No: no grade read as the confirmed grade. The
line is a safety statement, so it is said only when the auditor confirmed Good or Outstanding over a concern answer
that still stands, in the terminal and in Slack's blocks alike."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits.core import grade_line
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from handlers.blocks import render_message
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_concern_good_grade import Send, _press, to_the_grade
from tests.integration.test_moderation_typed_grade import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
LINE = "The auditor confirmed this grade though an answer raises an immediate concern."


@pytest.fixture
def send(engine: Engine) -> Send:
    return terminal_sender(engine, TerminalView())


def shown(replies: list[Reply]) -> str:
    """What the terminal says and what Slack's blocks carry (the JSON of each message), together."""
    return flat("\n".join(r.text for r in replies)) + "\n" + json.dumps([render_message(r) for r in replies])


def in_blocks(replies: list[Reply], text: str) -> bool:
    return any(text in json.dumps(render_message(r)["blocks"]) for r in replies)


def test_a_draft_with_its_concern_answered_no_never_says_the_grade_was_confirmed(send: Send) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        for line in ("start audit voice of child", "cr 771203", "sw n1", "no"):
            send("type", line)
        said = shown(send("type", "show 1"))
    assert "Overall grade: not graded" in said and LINE not in said


def test_a_draft_with_a_standing_concern_not_yet_graded_does_not_say_it_either(send: Send) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        to_the_grade(send)
        said = shown(send("type", "/audit show 1"))
    assert "Overall grade: not graded" in said and LINE not in said


def test_a_grade_confirmed_over_the_standing_concern_says_it(send: Send, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _press(send, _press(send, to_the_grade(send), "Good"), "Yes, grade it Good")
        send("type", "The family moved the child to safety the same day.")
        replies = send("type", "/audit show 1")
    assert store.get_audit(services.storage, 1).overall_grade == "good"
    assert "Overall grade: Good" in shown(replies) and LINE in flat("\n".join(r.text for r in replies))
    assert in_blocks(replies, LINE)


def _row(grade: str | None, state: dict[str, object]) -> store.AuditRow:
    return store.AuditRow(1, "early-help-spot", "h", "CR-771203", "U0MGRN001", None, "north", "submitted", "done", 1,
                          dict(state), None, grade, None, None, None, "2026-12-02", "2026-12-02", None, None)


@pytest.mark.parametrize(("grade", "state", "stands", "said"), [
    (None, {}, False, False),  # the trial's draft: no grade, nothing confirmed
    (None, {}, True, False),
    ("good", {}, True, False),  # Good with a concern but never confirmed over it
    ("good", {"concern_grade_confirmed": {"grade": "good", "question": "q1"}}, False, False),  # concern answered away
    ("requires_improvement", {"concern_grade_confirmed": {"grade": "good", "question": "q1"}}, True, False),
    ("good", {"concern_grade_confirmed": {"grade": "good", "question": "q1"}}, True, True),
])
def test_the_grade_line_says_the_confirmation_only_over_a_standing_concern(
        grade: str | None, state: dict[str, object], stands: bool, said: bool) -> None:
    assert (LINE in grade_line(_row(grade, state), concern_stands=stands)) is said
