"""A moderator regrading Good (or Outstanding) an audit whose immediate-concern answer is Yes gets the auditor's check
(trial 39, HIGH 1: `moderate 138` / `disagree` / `good - …` was saved at once, and the managers the auditor's
Inadequate alerted were told it no longer stood). Nothing is saved and nobody told before the answer."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits import moderation_concern
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.terminal.render import TerminalView
from tests.audit_driver import complete_audit
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_audit_terminal import terminal_sender
from tests.integration.test_concern_good_grade import to_the_grade
from tests.integration.test_moderated_inadequate_action import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
THURSDAY = datetime(2026, 12, 3, 11, 0, tzinfo=ZoneInfo("Europe/London"))
QA = "U0QALEAD1"
REASON = "carers assessment was thorough, the concern was dealt with same day by the TM"
ASKED = ("The auditor answered Yes to “Is there an immediate safeguarding concern on this case that needs a manager "
         "now?”, an immediate concern for the child, and it still stands. Practice that leaves a child at immediate "
         "risk is not Good in Ofsted's terms. Grade audit #1 Good at moderation all the same? Nothing is saved yet, "
         "and nobody has been told.")


@pytest.fixture
def audit_id(engine: Engine) -> int:
    """Audit #1, early help, graded Inadequate (as suggested) with its immediate concern answered Yes, submitted."""
    send = terminal_sender(engine, TerminalView())
    with time_machine.travel(WEDNESDAY, tick=False):
        complete_audit(send, to_the_grade(send))
    return 1


def _moderated(services: Services, audit_id: int) -> store.AuditRow:
    return store.get_audit(services.storage, audit_id)


def test_a_moderators_good_over_the_concern_is_asked_and_nothing_is_saved(engine: Engine, services: Services,
                                                                         audit_id: int) -> None:
    assert _moderated(services, audit_id).status == "submitted"
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}"], user=QA)
    assert ASKED in flat(out), out
    assert "Yes, grade it Good" in out and "No, choose again" in out
    assert "saved" not in flat(out).split("all the same?")[1].replace("Nothing is saved yet", "")
    assert "no longer stands" not in out and "has been moderated" not in out
    after = _moderated(services, audit_id)
    assert (after.status, after.moderated_grade) == ("in_moderation", None)


CONFIRMED_WHY = "strategy meeting held the same day and a safety plan is in place"


def test_yes_asks_a_short_reason_then_saves_the_good_and_tells_people(engine: Engine, services: Services,
                                                                      audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}"], user=QA)
        _, asked = drive(engine, ["yes"], user=QA)
        _, out = drive(engine, [CONFIRMED_WHY, "skip"], user=QA)
    assert "why Good though the immediate concern stands?" in flat(asked) and "Nothing is saved yet" in flat(asked)
    assert f"Moderation of audit #{audit_id} saved" in flat(out)
    assert _moderated(services, audit_id).moderated_grade == "good"


def test_the_confirmation_is_on_the_audits_record(engine: Engine, services: Services, audit_id: int) -> None:
    """fix41d: the moderator's confirmation was asked and forgotten; `show` now says who confirmed it, when, and why."""
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}", "yes", CONFIRMED_WHY, "skip"], user=QA)
        _, out = drive(engine, [f"show {audit_id}"], user=QA)
    assert ("Good confirmed over an immediate concern by QA lead (practice) on 3 Dec 2026, reason: strategy meeting "
            "held the same day and a safety plan is in place.") in flat(out), out
    stored = services.storage.db.execute("SELECT concern_question, concern_reason FROM moderations").fetchall()
    assert [reason for _question, reason in stored] == [CONFIRMED_WHY] and stored[0][0]


def test_a_reason_typed_with_the_yes_is_taken_at_once(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}"], user=QA)
        _, out = drive(engine, [f"yes, {CONFIRMED_WHY}", "none"], user=QA)
        _, shown = drive(engine, [f"show {audit_id}"], user=QA)
    assert f"Moderation of audit #{audit_id} saved" in flat(out)
    assert "confirmed over an immediate concern by" in flat(shown) and "safety plan is in place" in flat(shown)


def test_a_name_in_the_reason_is_refused_and_nothing_saved(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}", "yes"], user=QA)
        _, out = drive(engine, ["Jayden Smith was seen alone and is safe now"], user=QA)
    assert "looks like a child's or family member's name" in flat(out) and "Nothing was saved" in flat(out)
    assert _moderated(services, audit_id).moderated_grade is None
    stored = services.storage.db.execute("SELECT concern_reason FROM moderations").fetchall()
    assert stored == [(None,)]


def test_no_after_the_yes_still_chooses_again(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}", "yes"], user=QA)
        _, out = drive(engine, ["no"], user=QA)
    assert "OK, your moderation was not saved and nobody was told" in flat(out)
    assert _moderated(services, audit_id).moderated_grade is None


def test_no_saves_nothing_and_asks_the_grade_again(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}"], user=QA)
        _, out = drive(engine, ["no"], user=QA)
        _, then = drive(engine, ["ri", "The plan needs sharper outcomes for the child.", "skip"], user=QA)
    assert "OK, your moderation was not saved and nobody was told" in flat(out)
    assert "What grade would you give?" in flat(out)
    assert f"Moderation of audit #{audit_id} saved" in flat(then)
    assert _moderated(services, audit_id).moderated_grade == "requires_improvement"


def test_other_text_at_the_question_is_not_taken(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"outstanding - {REASON}"], user=QA)
        _, out = drive(engine, ["hmm"], user=QA)
    assert "Your moderation is not saved yet, and nobody has been told." in flat(out)
    assert _moderated(services, audit_id).moderated_grade is None


def test_requires_improvement_over_the_concern_is_not_asked(engine: Engine, services: Services,
                                                            audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", f"ri - {REASON}", "skip"], user=QA)
    assert "all the same?" not in out and f"Moderation of audit #{audit_id} saved" in flat(out)


def test_an_action_is_offered_after_the_confirmation_and_saved_with_it(engine: Engine, services: Services,
                                                                       audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        _, offered = drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}", f"yes, {CONFIRMED_WHY}"],
                           user=QA)
        _, out = drive(engine, ["Review the safety plan at the next core group", "1", "in 4 weeks"], user=QA)
        _, shown = drive(engine, [f"show {audit_id}"], user=QA)
    assert "Add an action for the auditor or worker on audit #1?" in flat(offered)
    assert _moderated(services, audit_id).moderated_grade == "good"
    assert f"Moderation of audit #{audit_id} saved with its action" in flat(out)
    assert "Review the safety plan at the next core group" in flat(shown)
    assert "Good confirmed over an immediate concern by QA lead (practice) on 3 Dec 2026" in flat(shown)


def test_paused_at_the_reason_it_is_asked_again_in_a_new_session(engine: Engine, services: Services,
                                                                 audit_id: int) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}", "yes", "pause"], user=QA)
        _, out = drive(engine, [f"moderate {audit_id}"], user=QA)
        _, done = drive(engine, [CONFIRMED_WHY, "skip"], user=QA)
    assert "why Good though the immediate concern stands?" in flat(out)
    assert f"Moderation of audit #{audit_id} saved" in flat(done)


def test_an_older_questions_yes_button_saves_nothing(engine: Engine, services: Services, audit_id: int) -> None:
    """The check's buttons name the decision asked about (bot.audits.moderation_checked, shared with the alert's)."""
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [f"moderate {audit_id}", "disagree", f"good - {REASON}"], user=QA)
        old = moderation_concern.value_of(store.conversation(services.storage, QA))
        drive(engine, ["no", f"outstanding - {REASON}"], user=QA)
        replies = engine.action(QA, moderation_concern.YES, old)
    assert any("That question is out of date, so nothing was saved" in r.text for r in replies), replies
    assert _moderated(services, audit_id).moderated_grade is None
