"""Good or Outstanding while the audit's immediate-concern answer stands: the bot let it through silently, though
practice that leaves a child at immediate risk is not Good in Ofsted's terms. It now asks once (Yes / No), says why,
and records on the audit that the auditor confirmed it; it never blocks."""

from __future__ import annotations

from collections.abc import Callable
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
from tests.audit_driver import next_input
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_moderation_typed_grade import flat

Send = Callable[[str, str], list[Reply]]
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
WHY = "is not Good in Ofsted's terms. Grade audit #1 Good all the same?"


@pytest.fixture
def send(engine: Engine) -> Send:
    return terminal_sender(engine, TerminalView())


def _press(send: Send, replies: list[Reply], label: str) -> list[Reply]:
    choice = next(c for r in reversed(replies) for c in r.choices if c.label == label)
    return send("press", f"{choice.action}|{choice.value}")


def to_the_grade(send: Send) -> list[Reply]:
    """An early help audit with its immediate concern answered Yes (the alert sent), up to the overall grade."""
    replies, state = send("type", "/audit start early-help-spot"), {}
    while not any(c.action == "audit.grade" for r in replies for c in r.choices):
        kind, payload = next_input(replies, state) or ("", "")
        asked = next((r.text for r in reversed(replies) if r.choices), "")
        if payload.startswith("audit.answer|") and "immediate" in asked.lower():
            replies = _press(send, replies, "Yes")
            continue
        replies = send(kind, payload)
    return replies


def audit(services: Services) -> store.AuditRow:
    return store.get_audit(services.storage, 1)


def test_good_over_an_immediate_concern_is_asked_about_once_and_recorded_when_confirmed(
        send: Send, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        asked = _press(send, to_the_grade(send), "Good")
        assert WHY in flat("\n".join(r.text for r in asked))
        assert "You answered Yes to “Is there an immediate safeguarding concern on this case that needs a manager " \
               "now?”, an immediate concern" in flat("\n".join(r.text for r in asked))  # quoted (trial 25)
        assert audit(services).overall_grade is None  # nothing stored before the answer
        why = _press(send, asked, "Yes, grade it Good")
        assert "You changed the suggested grade to Good" in flat("\n".join(r.text for r in why))  # not Inadequate
        done = send("type", "The family moved the child to safety the same day.")
    assert any("strengths" in r.text.lower() for r in done)  # on to the next step
    after = audit(services)
    assert after.overall_grade == "good"
    assert after.state[concern_grade.CONFIRMED] == {"grade": "good", "question": "immediate-concern"}
    shown = flat("\n".join(r.text for r in send("type", "/audit show 1")))
    assert "Overall grade: Good" in shown
    assert "The auditor confirmed this grade though an answer raises an immediate concern." in shown


def test_no_shows_the_grade_again_and_another_grade_is_not_asked_about(send: Send, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        asked = _press(send, to_the_grade(send), "Good")
        again = send("type", "no")
        assert "OK, nothing was stored: choose the overall grade again." in flat("\n".join(r.text for r in again))
        assert audit(services).overall_grade is None
        send("type", "RI, the concern is not yet acted on")
    after = audit(services)
    assert (after.overall_grade, after.grade_reason) == ("requires_improvement", "the concern is not yet acted on")
    assert after.state.get(concern_grade.CONFIRMED) is None
    assert asked


def test_a_reason_typed_with_the_grade_is_kept_through_the_question(send: Send, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        to_the_grade(send)
        asked = send("type", "outstanding, the direct work with the child is exceptional")
        assert "is not Outstanding in Ofsted's terms" in flat("\n".join(r.text for r in asked))
        send("type", "yes")
    after = audit(services)
    assert (after.overall_grade, after.grade_reason) == ("outstanding", "the direct work with the child is exceptional")
    assert after.state[concern_grade.CONFIRMED]["grade"] == "outstanding"


def test_the_suggested_grade_is_inadequate_while_the_concern_stands_and_says_why(send: Send,
                                                                                services: Services) -> None:
    """Trial 25: with question 1 answered Yes, the bot suggested Good, then asked whether Good was right."""
    with time_machine.travel(WEDNESDAY, tick=False):
        shown = to_the_grade(send)
        said = flat("\n".join(r.text for r in shown))
        assert ("an immediate concern for the child that still stands, so I suggest Inadequate: Ofsted judges "
                "practice that leaves a child at risk of harm inadequate.") in said
        assert "I suggest Good" not in said
        done = _press(send, shown, "Confirm: Inadequate")
    said = flat("\n".join(r.text for r in done))  # the suggestion is never questioned; Inadequate's alert is asked
    assert "Ofsted's terms" not in said and "You chose Inadequate as the overall grade of audit #1." in said
    assert audit(services).suggested_grade == "inadequate"
