"""Trial 24: as QA lead at `moderate 1`, `i disagree, this is inadequate - 7 months on a plan, actions rolled over…`
was told only "Please choose a grade", and what was typed was lost. The grade is read from natural words with the
rest as the reason; when no grade can be read, the reason is kept and only the grade is asked."""

from __future__ import annotations

import pytest
import time_machine

from bot.audits.grade_words import read_grade_and_note
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderation_typed_grade import AUDITOR, QA, WEDNESDAY, flat
from tests.integration.test_wording import submitted_audit

TRIAL_REASON = "7 months on a plan, actions rolled over and nobody asked why"


def moderated(services: Services, audit_id: int) -> tuple[str, str | None, str]:
    audit = store.get_audit(services.storage, audit_id)
    reason = services.storage.db.execute("SELECT reason FROM moderations WHERE audit_id = ?",
                                         [audit_id]).fetchone()[0]
    return audit.status, audit.moderated_grade, reason


@pytest.mark.parametrize(("line", "grade"), [
    (f"i disagree, this is inadequate - {TRIAL_REASON}", "inadequate"),
    (f"disagree, should be RI - {TRIAL_REASON}", "requires_improvement"),
    (f"Disagree, I'd say outstanding: {TRIAL_REASON}", "outstanding"),
    (f"disagree, requires improvement - {TRIAL_REASON}", "requires_improvement"),
    (f"disagree - I'd grade it RI because {TRIAL_REASON}", "requires_improvement"),
    (f"I disagree, I think this is more like inadequate, {TRIAL_REASON}", "inadequate"),
    # trial 25: without the apostrophe the grade was asked again and "id say RI -" sent as the reason
    (f"i disagree, id say RI - {TRIAL_REASON}", "requires_improvement"),
    (f"disagree, id grade it inadequate - {TRIAL_REASON}", "inadequate"),
    (f"disagree, i reckon RI, {TRIAL_REASON}", "requires_improvement"),
    (f"disagree, itd be outstanding: {TRIAL_REASON}", "outstanding"),
])
def test_a_disagreement_in_natural_words_reads_the_grade_and_keeps_the_reason(engine: Engine, services: Services,
                                                                             line: str, grade: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)  # graded Good
        last = "send" if grade == "inadequate" else "skip"  # the alert's check, or the action offered (fix41d)
        _, out = drive(engine, [f"/audit moderate {audit_id}", line, last], user=QA)
    text = flat(out)
    assert "Please choose a grade" not in text
    assert f"Reason: {TRIAL_REASON}." in text  # what the auditor is sent
    assert moderated(services, audit_id) == ("moderated", grade, TRIAL_REASON)


@pytest.mark.parametrize("grade_typed", ["RI", "2", "requires improvement"])  # 2: the second button, RI
def test_a_disagreement_without_a_readable_grade_keeps_the_reason_and_asks_only_the_grade(
        engine: Engine, services: Services, grade_typed: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", f"disagree, {TRIAL_REASON}", grade_typed, "skip"],
                       user=QA)
    text = flat(out)
    assert f"I've kept your reason: “{TRIAL_REASON}”. Now choose the grade you would give" in text
    assert "What grade would you give?" in text
    assert "Why?" not in text  # the reason is never asked for again
    assert "Got it: Requires improvement to be good, with the reason you gave." in text
    assert moderated(services, audit_id) == ("moderated", "requires_improvement", TRIAL_REASON)


def test_a_kept_reason_gives_way_to_one_typed_with_the_grade(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        drive(engine, [f"/audit moderate {audit_id}", f"disagree, {TRIAL_REASON}",
                       "RI, reviews slipped twice this year", "skip"], user=QA)
    assert moderated(services, audit_id) == ("moderated", "requires_improvement", "reviews slipped twice this year")


def test_a_name_in_the_reason_is_refused_and_nothing_kept(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", "disagree, Tyler was not seen for months"], user=QA)
    text = flat(out)
    assert "looks like a child's or family member's name" in text and "Tyler" not in text.split("disagree,")[-1]
    assert "kept your reason" not in text
    assert "Tyler" not in str(store.conversation(services.storage, QA))


@pytest.mark.parametrize(("typed", "read"), [
    ("this is inadequate - no visits", ("inadequate", "no visits")),
    ("that's RI, reviews slipped", ("requires_improvement", "reviews slipped")),
    ("it'd be good", ("good", None)),
    ("I would call it outstanding", ("outstanding", None)),
    ("this is not good, reviews slipped", None),
    ("that's fine", None),
])
def test_natural_lead_ins_are_read_and_a_negation_after_one_is_still_never_a_grade(
        typed: str, read: tuple[str, str | None] | None) -> None:
    assert read_grade_and_note(typed) == read


def test_a_grade_phrase_whose_grade_is_unreadable_is_never_kept_in_the_reason(engine: Engine,
                                                                             services: Services) -> None:
    """Trial 25: the kept reason began "id say RI -", and that was sent to the auditor and the worker."""
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"/audit moderate {audit_id}", f"disagree, id say RI-ish - {TRIAL_REASON}", "RI",
                                "skip"], user=QA)
    text = flat(out)
    assert f"I've kept your reason: “{TRIAL_REASON}”." in text
    assert moderated(services, audit_id) == ("moderated", "requires_improvement", TRIAL_REASON)
