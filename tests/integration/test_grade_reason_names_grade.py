"""The auditor's "Why a different grade?" has the moderator's shape (trial 8, F14): a reason that starts with another
grade than the one pressed (`RI - reviews have slipped`, after Outstanding by mistake) is that grade, with the rest as
its reason, and the bot says so; it is never kept as the reason for the grade pressed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import next_input
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.integration.test_audit_terminal import terminal_sender

RI = "Requires improvement to be good"
SLIPPED = "reviews have slipped since the summer"
Send = Callable[[str, str], list[Reply]]


def flat(replies: list[Reply]) -> str:
    return " ".join(" ".join(r.text for r in replies).replace("*", "").split())


def press(send: Send, replies: list[Reply], label: str) -> list[Reply]:
    choice = next(c for r in reversed(replies) for c in r.choices if c.label == label)
    return send("press", f"{choice.action}|{choice.value}")


@pytest.fixture
def send(engine: Engine) -> Send:
    return terminal_sender(engine, TerminalView())


def at_reason_for(send: Send, label: str) -> list[Reply]:
    """A new early help audit whose answers suggest Good, answered up to the overall grade, then `label` pressed."""
    replies = send("type", "/audit start early-help-spot")
    while not any(c.label == "Confirm: Good" for r in replies for c in r.choices):
        step = next_input(replies, {})
        assert step is not None
        replies = send(*step)
    asked = press(send, replies, label)
    assert asked[-1].text.startswith("**Why a different grade?**")
    return asked


def test_a_reason_starting_with_another_grade_is_that_grade_with_the_rest_as_its_reason(
        send: Send, services: Services) -> None:
    at_reason_for(send, "Outstanding")
    replies = send("type", f"RI - {SLIPPED}")
    assert f"Taken as {RI}, not Outstanding: your reason is not kept for Outstanding." in flat(replies)
    assert replies[-1].text.startswith("**Strengths**")
    audit = store.get_audit(services.storage, 1)
    assert (audit.overall_grade, audit.grade_reason, audit.step) == ("requires_improvement", SLIPPED, "strengths")


def test_the_suggested_grade_typed_at_the_reason_needs_no_reason(send: Send, services: Services) -> None:
    at_reason_for(send, RI)
    replies = send("type", "good - the plan is reviewed every month")
    text = flat(replies)
    assert f"Taken as Good, not {RI}" in text and "no reason is needed" in text
    audit = store.get_audit(services.storage, 1)
    assert (audit.overall_grade, audit.grade_reason, audit.step) == ("good", None, "strengths")


def test_inadequate_typed_at_the_reason_is_checked_before_it_alerts_and_keeps_its_reason(
        send: Send, services: Services) -> None:
    at_reason_for(send, RI)
    checked = send("type", "inadequate - the child said they were not listened to and nothing changed")
    assert f"Taken as Inadequate, not {RI}" in flat(checked)
    assert "This sends an urgent alert now to" in checked[-1].text
    assert store.get_audit(services.storage, 1).overall_grade == "requires_improvement"  # nothing stored yet
    send("type", "send")
    audit = store.get_audit(services.storage, 1)
    assert (audit.overall_grade, audit.grade_reason) == (
        "inadequate", "the child said they were not listened to and nothing changed")


def test_the_grade_pressed_typed_alone_is_no_reason(send: Send, services: Services) -> None:
    at_reason_for(send, RI)
    [refused] = send("type", "requires improvement")
    assert refused.kind == "error"
    assert f"{RI} is the grade you chose. Please say in a sentence why you chose it" in flat([refused])
    audit = store.get_audit(services.storage, 1)
    assert (audit.step, audit.grade_reason) == ("grade_reason", None)


def test_a_reason_too_short_after_another_grade_leaves_the_auditor_at_the_overall_grade(
        send: Send, services: Services) -> None:
    at_reason_for(send, "Outstanding")
    replies = send("type", "RI, slow")
    text = flat(replies)
    assert "Taken as" in text and "Please say in a sentence" in text
    audit = store.get_audit(services.storage, 1)
    assert (audit.step, audit.grade_reason) == ("overall_grade", None)  # never the reason for Outstanding


def test_through_slack_a_reason_naming_another_grade_is_that_grade(bot: RunningBot, standin, services: Services,
                                                                  engine: Engine) -> None:
    at_reason_for(terminal_sender(engine, TerminalView()), "Outstanding")  # the draft, as far as its reason
    auditor = SlackPerson(bot, standin, "U0MGRN001")
    replies = auditor.send("message", f"RI - {SLIPPED}")
    assert f"Taken as {RI}, not Outstanding" in flat(replies)
    audit = store.get_audit(services.storage, 1)
    assert (audit.overall_grade, audit.grade_reason) == ("requires_improvement", SLIPPED)
