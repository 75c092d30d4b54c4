"""Trial 27: `/audit edit 1 grade …` as a manager types it.

- `edit 1 grade outstanding` with no reason was refused with "Say why: …", and the whole command typed again: now the
  grade is kept and the reason asked as the next message (`cancel` leaves the grade as it was).
- `edit 1 grade back to RI, I was too generous` was told "Start with the new grade": "back to", "to", "as" before the
  grade are read past.
- `edit 1 grade good cos visits are strong` stored "Reason: cos visits are strong": "cos", "coz", "cause" and "as" are
  dropped as "because" is.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_wording import submitted_audit

AUDITOR = "U0MGRN001"
WORKER = "U0PRAN001"
SUBMITTED_AT = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
CHANGED_AT = datetime(2026, 12, 2, 15, 30, tzinfo=UTC)


@pytest.fixture
def submitted(engine: Engine, services: Services) -> int:
    with time_machine.travel(SUBMITTED_AT, tick=False):
        audit_id = submitted_audit(engine, services)
    services.storage.db.execute("UPDATE audits SET overall_grade = 'good' WHERE id = ?", [audit_id])
    return audit_id


def _texts(replies: list) -> str:
    return " ".join(" ".join(r.text.split()) for r in replies).replace("*", "")


def _grade_and_reason(services: Services, audit_id: int) -> tuple[str | None, str | None]:
    audit = store.get_audit(services.storage, audit_id)
    return audit.overall_grade, audit.grade_reason


def test_a_grade_without_a_reason_asks_for_it_and_the_next_message_is_the_reason(engine: Engine, services: Services,
                                                                                  submitted: int) -> None:
    with time_machine.travel(CHANGED_AT, tick=False):
        asked = engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        assert f"Why change audit #{submitted} from Good to Outstanding?" in _texts(asked)
        assert "Say why" not in _texts(asked)
        assert _grade_and_reason(services, submitted)[0] == "good"  # nothing changed yet
        asked_back = engine.message(AUDITOR, "the plan is now exemplary and the child's voice runs through it")
        assert _grade_and_reason(services, submitted)[0] == "good"  # asked back first (trial 36)
        assert "Change audit #1 from Good to Outstanding because" in _texts(asked_back)
        replies = engine.message(AUDITOR, "yes")
    said = _texts(replies)
    assert f"Audit #{submitted}: grade changed from Good to Outstanding, with your reason." in said
    assert any(r.to_user == WORKER and "was changed from Good to Outstanding" in r.text for r in replies)
    assert _grade_and_reason(services, submitted) == (
        "outstanding", "the plan is now exemplary and the child's voice runs through it")
    assert store.conversation(services.storage, AUDITOR).get("awaiting") is None


def test_cancel_at_the_reason_leaves_the_grade_and_tells_nobody(engine: Engine, services: Services,
                                                                submitted: int) -> None:
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        replies = engine.message(AUDITOR, "cancel")
    assert f"OK, nothing changed: audit #{submitted} is still graded Good and nobody was told." in _texts(replies)
    assert not any(r.to_user == WORKER for r in replies)
    assert _grade_and_reason(services, submitted)[0] == "good"
    assert not store.revisions_of(services.storage, submitted)


def test_a_reason_too_short_is_refused_and_the_reason_still_waits(engine: Engine, services: Services,
                                                                  submitted: int) -> None:
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        refused = engine.message(AUDITOR, "ok")
        assert "Say in a sentence why the grade changes" in _texts(refused)
        engine.message(AUDITOR, "visits are weekly and the child is seen alone every time")
        engine.message(AUDITOR, "yes")
    assert _grade_and_reason(services, submitted) == (
        "outstanding", "visits are weekly and the child is seen alone every time")


@pytest.mark.parametrize(("typed", "grade", "reason"), [
    ("back to RI, I was too generous", "requires_improvement", "I was too generous"),
    ("to inadequate - the drift was missed", "inadequate", "the drift was missed"),
    ("as outstanding because the plan is exemplary", "outstanding", "the plan is exemplary"),
    ("requires improvement cos visits are late", "requires_improvement", "visits are late"),
    ("RI coz visits are late again", "requires_improvement", "visits are late again"),
    ("needs work cause the plan drifts", "requires_improvement", "the plan drifts"),
    ("outstanding as the child's voice is everywhere", "outstanding", "the child's voice is everywhere"),
])
def test_the_grade_is_read_after_back_to_and_the_reason_without_cos(engine: Engine, services: Services,
                                                                     submitted: int, typed: str, grade: str,
                                                                     reason: str) -> None:
    with time_machine.travel(CHANGED_AT, tick=False):
        replies = engine.command(AUDITOR, f"edit {submitted} grade {typed}", surface="terminal")
        if grade == "inadequate":  # the check before the alert, then the change
            assert "Send it?" in _texts(replies) or "urgent alert" in _texts(replies)
            replies = engine.message(AUDITOR, "yes")
        else:  # the change read back, then stored at yes
            assert "Nothing is changed until you say yes" in _texts(replies)
            replies = engine.message(AUDITOR, "yes")
    assert "Start with the new grade" not in _texts(replies)
    assert _grade_and_reason(services, submitted) == (grade, reason)


def test_good_cos_keeps_no_cos_in_the_reason(engine: Engine, services: Services, submitted: int) -> None:
    services.storage.db.execute("UPDATE audits SET overall_grade = 'requires_improvement' WHERE id = ?", [submitted])
    with time_machine.travel(CHANGED_AT, tick=False):
        asked = engine.command(AUDITOR, f"edit {submitted} grade good cos visits are strong", surface="terminal")
        assert "because “visits are strong”?" in _texts(asked)
        replies = engine.message(AUDITOR, "yes")
    assert any(r.to_user == WORKER and r.text.endswith(": visits are strong.") for r in replies)
    assert _grade_and_reason(services, submitted) == ("good", "visits are strong")


def test_a_command_at_the_reason_runs_aside_and_the_reason_is_asked_again(engine: Engine, services: Services,
                                                                          submitted: int) -> None:
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        replies = engine.message(AUDITOR, "list")
        assert "Audits you can read" in _texts(replies)
        assert f"Why change audit #{submitted} from Good to Outstanding?" in _texts(replies[-1:])
        engine.message(AUDITOR, "the plan is now exemplary and reviewed every month")
        engine.message(AUDITOR, "yes")
    assert _grade_and_reason(services, submitted) == (
        "outstanding", "the plan is now exemplary and reviewed every month")


def test_a_reason_typed_after_a_draft_was_left_says_where_the_draft_waits(engine: Engine, services: Services,
                                                                          submitted: int) -> None:
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.message(AUDITOR, "/audit start early-help-spot")
        engine.message(AUDITOR, "CR-555111")  # a draft of their own, waiting at its worker question
        draft = int(services.storage.db.execute("SELECT max(id) FROM audits").fetchone()[0])
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        engine.message(AUDITOR, "because the plan is now exemplary and reviewed monthly")
        replies = engine.message(AUDITOR, "yes")
    assert f"Your audit #{draft} waits where you left it: type `/audit resume {draft}`" in _texts(replies)
    assert _grade_and_reason(services, submitted) == ("outstanding", "the plan is now exemplary and reviewed monthly")


def test_a_reason_left_for_another_conversation_is_said_not_made(engine: Engine, services: Services,
                                                                 submitted: int) -> None:
    with time_machine.travel(CHANGED_AT, tick=False):
        engine.command(AUDITOR, f"edit {submitted} grade outstanding", surface="terminal")
        replies = engine.message(AUDITOR, "start audit")
    assert (f"Your grade change of audit #{submitted} was not made: type `/audit edit {submitted} grade outstanding "
            "<why>` again to make it.") in _texts(replies)
    assert _grade_and_reason(services, submitted)[0] == "good"
