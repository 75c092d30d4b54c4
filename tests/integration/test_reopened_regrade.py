"""Changing the grade by reopening a submitted audit (third user trial): the same rules as `/audit edit 12 grade`
(bot/audits/regrade.py). The worker was sent the grade, so a new one needs a reason, the old one is kept as a
revision, the worker is told at resubmission, and `/audit show` says the grade was changed. A draft never submitted
was sent to nobody, so its grade still changes freely."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit, next_input
from tests.integration.test_audit_terminal import terminal_sender

WORKER = "U0PRAN001"  # the case's worker; the auditor is the North team manager (terminal_sender's default)
SUBMITTED_AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
REOPENED_AT = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)
FIRST_REASON = "Reviews have slipped since the summer"
NEW_REASON = "The plan is now reviewed every month"
RI = "Requires improvement to be good"
Send = Callable[[str, str], list[Reply]]


def graded_as(send: Send, typed: str) -> Send:
    """The audit driver, with the overall grade typed (grade and reason in one message) instead of confirmed."""
    def graded(kind: str, payload: str) -> list[Reply]:
        return send("type", typed) if kind == "press" and payload.startswith("audit.grade|") else send(kind, payload)
    return graded


def press(send: Send, replies: list[Reply], label: str) -> list[Reply]:
    """Press the button with this label on the latest message that has it."""
    choice = next(c for r in reversed(replies) for c in r.choices if c.label == label)
    return send("press", f"{choice.action}|{choice.value}")


def texts(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


@pytest.fixture
def send(engine: Engine) -> Send:
    return terminal_sender(engine, TerminalView())


@pytest.fixture
def submitted_ri(send: Send, services: Services) -> int:
    """An early help audit the answers suggest is Good, submitted as Requires improvement with a reason."""
    with time_machine.travel(SUBMITTED_AT, tick=False):
        complete_audit(graded_as(send, f"RI, {FIRST_REASON}"), send("type", "/audit start early-help-spot"))
    audit = store.get_audit(services.storage, 1)
    assert (audit.status, audit.overall_grade, audit.suggested_grade, audit.grade_reason) == (
        "submitted", "requires_improvement", "good", FIRST_REASON)
    return audit.id


def at_overall_grade(send: Send, audit_id: int) -> list[Reply]:
    """Reopen the audit and go on from its review to the overall grade."""
    return press(send, send("type", f"/audit edit {audit_id}"), "Continue to the overall grade")


def resubmit(send: Send) -> list[Reply]:
    """From strengths: keep the notes and the actions, then press Submit."""
    send("type", "skip")
    actions = send("type", "skip")
    return press(send, press(send, actions, "No more actions"), "Submit audit")


def test_the_suggested_grade_on_a_reopened_audit_asks_why_and_the_worker_is_told(
        send: Send, services: Services, submitted_ri: int) -> None:
    with time_machine.travel(REOPENED_AT, tick=False):
        asked = press(send, at_overall_grade(send, submitted_ri), "Confirm: Good")
        assert asked[-1].text.startswith(f"**Why change the grade?** Audit #{submitted_ri} was submitted as **{RI}**; "
                                         "you changed it to **Good**. Say briefly why. When you resubmit, I'll tell "
                                         "Social worker N1 of the change and your reason.")
        send("type", NEW_REASON)
        done = resubmit(send)
    mine = [r for r in done if r.to_user is None]
    assert f"Its grade changed from {RI} to Good, with your reason." in mine[0].text
    [told] = [r for r in done if r.to_user == WORKER and "was changed" in r.text]
    assert told.text == (f"The grade of audit #{submitted_ri} was changed from {RI} to Good by Team manager (North): "
                         f"{NEW_REASON}.")  # ended as a sentence (bot.core.sentences)
    assert "I've told Social worker N1 of the change and your reason." in texts(mine)
    after = store.get_audit(services.storage, submitted_ri)
    assert (after.status, after.overall_grade, after.grade_reason) == ("submitted", "good", NEW_REASON)
    kept = {(r["field"], r["old_value"], r["new_value"]) for r in store.revisions_of(services.storage, submitted_ri)}
    assert {("overall_grade", "requires_improvement", "good"), ("grade_reason", FIRST_REASON, None),
            ("grade_reason", None, NEW_REASON)} <= kept
    shown = texts(send("type", f"/audit show {submitted_ri}"))
    assert f"**Overall grade:** Good (changed from {RI} on 2 Dec 2026)" in shown


def test_a_grade_typed_with_its_reason_on_a_reopened_audit_is_kept_with_it(
        send: Send, services: Services, submitted_ri: int) -> None:
    with time_machine.travel(REOPENED_AT, tick=False):
        at_overall_grade(send, submitted_ri)
        replies = send("type", f"good, {NEW_REASON.lower()}")
    assert "Got it: **Good**, with your reason." in texts(replies)
    assert replies[-1].text.startswith("**Strengths**")
    after = store.get_audit(services.storage, submitted_ri)
    assert (after.overall_grade, after.grade_reason) == ("good", NEW_REASON.lower())


def test_a_regraded_audit_left_without_its_reason_goes_back_for_it_at_resubmission(
        send: Send, services: Services, submitted_ri: int) -> None:
    with time_machine.travel(REOPENED_AT, tick=False):
        press(send, at_overall_grade(send, submitted_ri), "Confirm: Good")
        send("type", "back")
        send("type", "back")
        replies = send("type", "submit")
    assert replies[0].text == f"You changed the grade from {RI} to Good, so say why before resubmitting."
    assert replies[-1].prompt == "Type your reason."
    after = store.get_audit(services.storage, submitted_ri)
    assert (after.status, after.overall_grade) == ("draft", "good")
    assert not [r for r in replies if r.to_user == WORKER]


def test_a_reopened_audit_given_its_grade_again_tells_the_worker_nothing(
        send: Send, services: Services, submitted_ri: int) -> None:
    with time_machine.travel(REOPENED_AT, tick=False):
        asked = press(send, at_overall_grade(send, submitted_ri), RI)
        assert asked[-1].text.startswith("**Why a different grade?**")  # as before: it differs from the suggestion
        send("type", FIRST_REASON)
        done = resubmit(send)
    assert "grade changed" not in done[0].text
    assert not [r for r in done if "was changed" in r.text]
    assert "changed from" not in texts(send("type", f"/audit show {submitted_ri}"))


def test_a_draft_never_submitted_changes_its_grade_without_a_reason(send: Send, services: Services) -> None:
    replies = send("type", "/audit start early-help-spot")
    while not any(c.label == "Confirm: Good" for r in replies for c in r.choices):  # answer up to the overall grade
        step = next_input(replies, {})
        assert step is not None
        replies = send(*step)
    asked = press(send, replies, RI)
    assert asked[-1].text.startswith("**Why a different grade?**")
    replies = press(send, send("type", "back"), "Confirm: Good")
    assert replies[-1].text.startswith("**Strengths**")
    audit = store.get_audit(services.storage, 1)
    assert (audit.overall_grade, audit.grade_reason) == ("good", None)
    assert not store.revisions_of(services.storage, 1)



# -- trial 9, finding 2: `next` at a reopened audit's review goes on, as in a draft; only `submit` resubmits -------

@pytest.mark.parametrize("typed", ["next", "Next.", "done", "ok"])
def test_next_at_the_review_of_a_reopened_audit_goes_on_to_the_overall_grade_and_tells_nobody(
        send: Send, services: Services, submitted_ri: int, typed: str) -> None:
    with time_machine.travel(REOPENED_AT, tick=False):
        send("type", f"/audit edit {submitted_ri}")
        send("type", "change 3")
        review = send("type", "yes, the assessment is on file and current")
        assert {c.label for r in review for c in r.choices} >= {"Submit the changes", "Continue to the overall grade"}
        replies = send("type", typed)
    assert "resubmitted" not in texts(replies)
    assert not [r for r in replies if r.to_user is not None]  # the worker gets no "changed after submitting" DM yet
    assert replies[-1].text.startswith("**Overall grade**")
    after = store.get_audit(services.storage, submitted_ri)
    assert (after.status, after.step) == ("draft", "overall_grade")


def test_submit_typed_at_the_review_of_a_reopened_audit_resubmits_it(send: Send, services: Services,
                                                                      submitted_ri: int) -> None:
    with time_machine.travel(REOPENED_AT, tick=False):
        send("type", f"/audit edit {submitted_ri}")
        send("type", "change 3")
        send("type", "yes, the assessment is on file and current")
        replies = send("type", "submit")
    assert f"Audit #{submitted_ri} is resubmitted with your changes" in texts(replies)
    assert any(r.to_user == WORKER and "changed the audit" in r.text for r in replies)
    assert store.get_audit(services.storage, submitted_ri).status == "submitted"


def test_other_text_at_a_reopened_review_says_both_ways_on(send: Send, submitted_ri: int) -> None:
    with time_machine.travel(REOPENED_AT, tick=False):
        send("type", f"/audit edit {submitted_ri}")
        [refused] = [r for r in send("type", "looks fine to me") if r.kind == "error"]
    assert ("to go on, type `next` (or press Continue to the overall grade), or `submit` (or press Submit the "
            "changes) to resubmit it as it is") in refused.text
