"""Changing the grade of a submitted audit (second user trial): a reason is asked for, kept, told to the worker
whose reflections sit under the old grade, and `/audit show` says the grade was changed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.audits.core import grade_label
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.errors import UserError
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.integration.test_audit_terminal import terminal_sender

AUDITOR = "U0MGRN001"  # North manager auditing U0PRAN001's case
WORKER = "U0PRAN001"
SUBMITTED_AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
CHANGED_AT = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)
REASON = "Reviews are now on time"


@pytest.fixture
def submitted(engine: Engine, services: Services) -> int:
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(SUBMITTED_AT, tick=False):
        complete_audit(send, send("type", "/audit start early-help-spot"))
    return int(services.storage.db.execute("SELECT id FROM audits").fetchone()[0])


def other_grade(services: Services, audit_id: int) -> tuple[str, str, str]:
    """A grade the audit does not have: as typed, as stored, and its label."""
    current = store.get_audit(services.storage, audit_id).overall_grade
    return ("good", "good", "Good") if current != "good" else ("outstanding", "outstanding", "Outstanding")


def test_a_grade_change_without_a_reason_asks_for_one_and_changes_nothing(engine: Engine, services: Services,
                                                                          submitted: int) -> None:
    typed, _, label = other_grade(services, submitted)
    before = store.get_audit(services.storage, submitted).overall_grade
    [asked] = engine.command(AUDITOR, f"edit {submitted} grade {typed}", surface="terminal")
    assert asked.kind == "question"  # asked as the next message (trial 27), no longer refused
    assert f"Why change audit #{submitted} from **{grade_label(before)}** to **{label}**?" in asked.text
    assert store.get_audit(services.storage, submitted).overall_grade == before
    assert not store.revisions_of(services.storage, submitted)


def test_a_grade_change_is_kept_with_its_reason_told_to_the_worker_and_shown(engine: Engine, services: Services,
                                                                            submitted: int) -> None:
    typed, stored, label = other_grade(services, submitted)
    audit = store.get_audit(services.storage, submitted)
    was, old_reason = grade_label(audit.overall_grade), audit.grade_reason
    engine.command(WORKER, f"reflect {submitted} I agree the plan needs the school's view.", surface="terminal")
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade {typed} {REASON}", surface="terminal")
        replies = engine.message(AUDITOR, "yes", surface="terminal")  # the change read back first
    [told] = [r for r in replies if r.to_user == WORKER and "was changed" in r.text]
    assert told.text == (f"The grade of audit #{submitted} was changed from {was} to {label} by Team manager "
                         f"(North): {REASON}.")  # ended as a sentence (bot.core.sentences)
    assert any(r.to_user is None and "Social worker N1" in r.text for r in replies)  # the auditor hears who was told
    after = store.get_audit(services.storage, submitted)
    assert (after.overall_grade, after.grade_reason) == (stored, REASON)
    kept = {(r["field"], r["old_value"]) for r in store.revisions_of(services.storage, submitted)}
    assert ("overall_grade", audit.overall_grade) in kept
    if old_reason:
        assert ("grade_reason", old_reason) in kept
    shown = " ".join(r.text for r in engine.command(WORKER, f"show {submitted}", surface="terminal"))
    assert f"**Overall grade:** {label} (changed from {was} on 2 Dec 2026)" in shown


def test_an_unchanged_grade_needs_no_reason_and_tells_nobody(engine: Engine, services: Services,
                                                            submitted: int) -> None:
    current = store.get_audit(services.storage, submitted).overall_grade
    replies = engine.command(AUDITOR, f"edit {submitted} grade {current}", surface="terminal")
    assert [r.text for r in replies] == [f"Audit #{submitted} is already graded {grade_label(current)}: "
                                         "nothing changed."]
    shown = " ".join(r.text for r in engine.command(WORKER, f"show {submitted}", surface="terminal"))
    assert "changed from" not in shown


def test_a_reason_naming_a_child_is_refused_and_nothing_changes(engine: Engine, services: Services,
                                                                submitted: int) -> None:
    typed, _, _ = other_grade(services, submitted)
    before = store.get_audit(services.storage, submitted)
    replies = engine.command(AUDITOR, f"edit {submitted} grade {typed} Mum rang on 07700 900123 and all is well",
                             surface="terminal")
    assert replies[0].kind == "error" and not [r for r in replies if r.to_user]
    after = store.get_audit(services.storage, submitted)
    assert (after.overall_grade, after.grade_reason) == (before.overall_grade, before.grade_reason)


@pytest.mark.parametrize(("typed", "grade", "reason"), [
    ("good Reviews are now on time", "good", "Reviews are now on time"),
    ("requires improvement to be good Visits lapsed in May", "requires_improvement", "Visits lapsed in May"),
    ("RI visits lapsed", "requires_improvement", "visits lapsed"),
    ("inadequate 4 visits were missed", "inadequate", "4 visits were missed"),
    ("good", "good", ""),
])
def test_the_grade_is_read_from_the_front_and_the_rest_is_the_reason(typed: str, grade: str, reason: str) -> None:
    from bot.audits.regrade import split_grade

    assert (split_grade(typed)[0], split_grade(typed)[2]) == (grade, reason)


def test_text_that_does_not_start_with_a_grade_says_what_to_type() -> None:
    from bot.audits.regrade import split_grade

    with pytest.raises(UserError, match="Start with the new grade"):
        split_grade("because reviews are now on time")


# -- trial 9, finding 1: the grade read as the overall-grade step reads it ----------------------------------------

@pytest.mark.parametrize(("typed", "grade", "named", "reason"), [
    ("RI, views are summarised by adults", "requires_improvement", "RI", "views are summarised by adults"),
    ("req imp, views are summarised by adults", "requires_improvement", "req imp", "views are summarised by adults"),
    ("RI - visits lapsed in May", "requires_improvement", "RI", "visits lapsed in May"),
    ("inadequate because visits were missed", "inadequate", "inadequate", "visits were missed"),
    ("actually good, reviews are now on time", "good", "good", "reviews are now on time"),
    ("requires improvment: reviews slipped", "requires_improvement", "requires improvment", "reviews slipped"),
])
def test_a_grade_then_a_comma_dash_or_because_is_read_as_at_the_overall_grade(typed: str, grade: str, named: str,
                                                                             reason: str) -> None:
    from bot.audits.regrade import split_grade

    assert split_grade(typed) == (grade, named, reason)


@pytest.mark.parametrize("typed", ["RI, views are summarised by adults", "req imp, views are summarised by adults"])
def test_edit_grade_with_a_comma_changes_the_grade_as_in_the_trial(engine: Engine, services: Services,
                                                                   submitted: int, typed: str) -> None:
    assert store.get_audit(services.storage, submitted).overall_grade != "requires_improvement"
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade {typed}", surface="terminal")
        replies = engine.message(AUDITOR, "yes", surface="terminal")  # the change read back first
    assert not [r for r in replies if r.kind == "error"], [r.text for r in replies]
    assert "grade changed from" in replies[0].text and "to Requires improvement to be good" in replies[0].text
    [told] = [r for r in replies if r.to_user == WORKER and "was changed" in r.text]
    assert told.text.endswith(": views are summarised by adults.")
    after = store.get_audit(services.storage, submitted)
    assert (after.overall_grade, after.grade_reason) == ("requires_improvement", "views are summarised by adults")
