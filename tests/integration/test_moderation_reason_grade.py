"""A moderator's reason (trial 8, F14 and F17). A moderation can't be undone, so what is typed at "Why?" is read with
care: a reason that starts with another grade than the one picked (`inadequate - …` after Good was pressed by
mistake) is taken as that grade, said back ("Taken as Inadequate, not Good"), and never stored as a reason for the
other; and a reason of `ok` is no reason: the moderator is asked for a sentence and the one typed next is the reason
(never a question for the knowledge base)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits.grade_words import grade_starting
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.conftest import RunningBot
from tests.e2e.test_audit_slack_e2e import SlackPerson
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"
RI = "Requires improvement to be good"
CHILD = "the child said they were not listened to and nothing changed"


def decided(services: Services, audit_id: int) -> tuple[int, str, str] | None:
    """(agrees, grade, reason) of the audit's decided moderation, or None while undecided."""
    row = services.storage.db.execute("SELECT agrees, grade, reason FROM moderations WHERE audit_id = ? AND "
                                      "decided_at IS NOT NULL", [audit_id]).fetchone()
    return (row[0], row[1], row[2]) if row else None


def asked_the_knowledge_base(services: Services) -> int:
    return int(services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0])


@pytest.fixture
def audit_id(engine: Engine, services: Services) -> int:
    """An audit graded Good by its auditor, with an open action, submitted."""
    with time_machine.travel(WEDNESDAY, tick=False):
        return submitted_audit(engine, services, AUDITOR)


# -- F14: a reason that starts with another grade ------------------------------------------------------------

def test_the_trials_slip_a_reason_starting_inadequate_is_taken_as_inadequate_not_the_grade_pressed(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "RI", f"inadequate - {CHILD}", "send"],
                       user=QA)
    text = flat(out, "*`")
    assert f"Taken as Inadequate, not {RI}. Nothing was saved for {RI}." in text
    assert "This sends an urgent alert now to" in text  # a moderator's Inadequate is checked before it alerts
    assert f"graded it Inadequate, where your grade was Good. Reason: {CHILD}" in text
    assert decided(services, audit_id) == (0, "inadequate", CHILD)
    assert store.get_audit(services.storage, audit_id).moderated_grade == "inadequate"


def test_agreeing_then_typing_another_grade_with_the_reason_disagrees_with_that_grade(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "agree", "RI - plans drift for months at a time",
                                "skip"], user=QA)
    assert f"Taken as {RI}, not Good: you disagree with the auditor's grade." in flat(out, "*`")
    assert decided(services, audit_id) == (0, "requires_improvement", "plans drift for months at a time")


def test_the_auditors_grade_typed_with_the_reason_after_a_wrong_pick_is_agreeing(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "outstanding",
                                "good: the plan is reviewed every month"], user=QA)
    assert ("Taken as Good, not Outstanding: that is the auditor's grade, so you agree with it."
            in flat(out, "*`"))
    assert decided(services, audit_id) == (1, "good", "the plan is reviewed every month")


def test_another_grade_typed_alone_at_the_reason_is_taken_and_its_reason_asked(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "outstanding", "requires improvement",
                                "Reviews have slipped since the summer", "skip"], user=QA)
    text = flat(out, "*`")
    assert f"Taken as {RI}, not Outstanding." in text
    assert f"You would grade it {RI}. Why?" in text
    assert decided(services, audit_id) == (0, "requires_improvement", "Reviews have slipped since the summer")


def test_the_grade_picked_typed_alone_is_no_reason(engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "RI", "requires improvement"], user=QA)
    assert (f"{RI} is the grade you chose. Please say in a sentence why you would grade it {RI}, for the auditor to "
            "learn from (at least a few words).") in flat(out, "*`")
    assert decided(services, audit_id) is None


def test_a_reason_starting_with_a_one_letter_word_is_not_read_as_a_grade(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "agree", "I, too, found the plan well reviewed"],
                       user=QA)
    assert "Taken as" not in out
    assert decided(services, audit_id) == (1, "good", "I, too, found the plan well reviewed")


@pytest.mark.parametrize(("typed", "meant"), [
    ("inadequate - the child was not heard", ("inadequate", "the child was not heard")),
    ("RI, plans drift", ("requires_improvement", "plans drift")),
    ("actually good because visits are on time", ("good", "visits are on time")),
    ("inadequte", ("inadequate", None)),
    ("I, too, saw it", None), ("G - fine", None), ("1 - the plan", None), ("the plan is good", None),
    ("not good, visits lapsed", None),
])
def test_a_grade_starting_a_reason_is_read_but_never_from_one_letter(typed: str,
                                                                    meant: tuple[str, str | None] | None) -> None:
    assert grade_starting(typed) == meant


# -- F17: a reason that says nothing -------------------------------------------------------------------------

def test_ok_is_no_moderation_reason_and_the_sentence_typed_next_is_the_reason(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "agree", "ok",
                                "What the audit says about the plan is borne out by the file"], user=QA)
    text = flat(out, "*`")
    assert ("Please say in a sentence why you agree with Good, for the auditor to learn from (at least a few "
            "words).") in text
    assert decided(services, audit_id) == (1, "good", "What the audit says about the plan is borne out by the file")
    assert asked_the_knowledge_base(services) == 0


def test_a_grade_typed_with_a_reason_too_short_keeps_the_grade_and_asks_the_reason(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "RI, ok", "Reviews have slipped badly",
                                "skip"], user=QA)
    text = flat(out, "*`")
    assert f"Please say in a sentence why you would grade it {RI}" in text
    assert f"You would grade it {RI}. Why?" in text
    assert decided(services, audit_id) == (0, "requires_improvement", "Reviews have slipped badly")


# -- through Slack -------------------------------------------------------------------------------------------

def test_through_slack_the_slip_and_a_reason_naming_the_grade_meant_moderate_as_meant(
        bot: RunningBot, standin, services: Services, engine: Engine) -> None:
    audit_id = submitted_audit(engine, services, AUDITOR)
    engine.action(QA, "audit.moderate_open", str(audit_id))
    moderator = SlackPerson(bot, standin, QA)
    [asked] = moderator.send("message", "disagree")
    [ri] = [c for c in asked.choices if c.label == RI]
    [why] = moderator.send("press", f"{ri.action}|{ri.value}")
    assert "Why?" in why.text
    [taken, check] = moderator.send("message", f"inadequate - {CHILD}")
    assert flat(taken.text, "*`") == f"Taken as Inadequate, not {RI}. Nothing was saved for {RI}."
    assert "This sends an urgent alert now to" in check.text
    [send] = [c for c in check.choices if c.label == "Send the alert"]
    moderator.send("press", f"{send.action}|{send.value}")
    assert decided(services, audit_id) == (0, "inadequate", CHILD)


def test_through_slack_ok_is_refused_as_a_reason(bot: RunningBot, standin, services: Services,
                                                 engine: Engine) -> None:
    audit_id = submitted_audit(engine, services, AUDITOR)
    engine.action(QA, "audit.moderate_open", str(audit_id))
    moderator = SlackPerson(bot, standin, QA)
    moderator.send("message", "agree")
    [refused] = moderator.send("message", "ok")
    assert "Please say in a sentence why you agree with" in refused.text
    assert decided(services, audit_id) is None
    moderator.send("message", "The file bears out what the audit says")
    assert decided(services, audit_id) == (1, "good", "The file bears out what the audit says")


# -- trial 21: a question at "Why?", a correction in words, and the worker told why on agreement ---------------

def test_a_question_typed_at_why_is_answered_aside_and_never_saved_as_the_reason(
        engine: Engine, services: Services, audit_id: int) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "agree",
                                "what is the difference between RI and inadequate?"], user=QA)
        assert decided(services, audit_id) is None  # nothing saved, nobody told
        text = flat(out, "*`")
        assert "I read that as a question for me, so it is not saved as your reason." in text
        assert f"Back to your moderation of audit #{audit_id}" in text
        _, out = drive(engine, ["the plan names who does what by when and the child's words are in it"], user=QA)
    assert decided(services, audit_id) == (1, "good", "the plan names who does what by when and the child's words "
                                                      "are in it")


@pytest.mark.parametrize("said", ["sorry I meant good - the EHA is on file, the auditor missed it",
                                  "oops, good: the EHA is on file, the auditor missed it",
                                  "should be good, the EHA is on file, the auditor missed it"])
def test_a_slip_corrected_in_words_at_why_takes_the_grade_meant(engine: Engine, services: Services, audit_id: int,
                                                               said: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "outstanding", said], user=QA)
    assert "Taken as Good, not Outstanding: that is the auditor's grade, so you agree with it." in flat(out, "*`")
    assert decided(services, audit_id) == (1, "good", "the EHA is on file, the auditor missed it")


def test_the_worker_is_told_why_the_moderator_agreed(engine: Engine, services: Services, audit_id: int) -> None:
    worker = store.get_audit(services.storage, audit_id).worker_id
    with time_machine.travel(WEDNESDAY, tick=False):
        engine.command(QA, f"moderate {audit_id}", surface="terminal")
        engine.message(QA, "agree", surface="terminal")
        replies = engine.message(QA, "the plan is reviewed monthly and the child's words lead it", surface="terminal")
    told = [r.text for r in replies if r.to_user == worker]
    assert told and "because: the plan is reviewed monthly and the child's words lead it" in told[0]


def test_a_name_in_a_short_moderation_reason_is_refused_before_it_is_asked_to_be_longer(
        engine: Engine, services: Services, audit_id: int) -> None:
    """Trial 53, F6's order problem at a moderation's reason: `Riley ok` was only asked for a longer reason, and the
    name was never said."""
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree", "RI", "Riley ok"], user=QA)
    text = flat(out, "*`")
    assert "looks like a child's or family member's name" in text
    assert decided(services, audit_id) is None
