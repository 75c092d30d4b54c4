"""Trial 29: the audit stops being the auditor's to change while the reason for a grade change is asked.

`/audit edit 1 grade outstanding` asks why (bot.audits.regrade_reason). If a moderator opened the audit, decided its
moderation, or the audit was removed before the reason came, the refusal was said again at every message ("A moderator
has opened this audit…" at `hello` too) until `cancel`, and the grade-change watch told them to type the change again,
which would only be refused. Now the first message after says once what happened and what to do, the question is
dropped, and the next message is read as any other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage.maintenance import apply_retention
from tests.integration.test_moderated_grade import AUDITOR, SOUTH, WEDNESDAY, moderate_inadequate
from tests.integration.test_wording import submitted_audit
from tests.support.text import flat

REASON = "the plan is now exemplary and the child's voice runs through it"
STOPPED = ("I've stopped asking why the grade of audit #1 changes: the grade can't be changed now, so nothing was "
           "changed and nobody was told.")


def _opened(engine: Engine, services: Services, audit_id: int) -> None:
    engine.command(SOUTH, f"moderate {audit_id}", surface="terminal")


def _decided(engine: Engine, services: Services, audit_id: int) -> None:
    moderate_inadequate(engine, audit_id)


def _removed(engine: Engine, services: Services, audit_id: int) -> None:
    apply_retention(services.storage, WEDNESDAY + timedelta(days=1))


@pytest.mark.parametrize(("meanwhile", "then"), [
    (_opened, "It stays graded Good. A moderator has opened this audit, so it is read-only now: `/audit show 1` says "
              "who is moderating it and since when."),
    (_decided, "Audit #1 has been moderated, so its answers and grade are on record and can't be changed any more."),
    (_removed, "Audit #1 is no longer there (it was removed), so there is no grade to change. `/audit list` shows "
               "your audits."),
])
def test_the_reason_after_the_audit_stops_being_editable_is_told_once_then_the_chat_goes_on(
        engine: Engine, services: Services, meanwhile: Callable[[Engine, Services, int], None], then: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        engine.command(AUDITOR, f"edit {audit_id} grade outstanding", surface="terminal")
        meanwhile(engine, services, audit_id)
        told = engine.message(AUDITOR, REASON)
        after = engine.message(AUDITOR, "hello")
    [said] = told
    assert said.kind == "notice"
    text = flat(said.text, "*")
    assert text.startswith(STOPPED) and then in text
    assert "again to make it" not in text  # never told to type a change that would be refused
    assert store.conversation(services.storage, AUDITOR).get("awaiting") is None
    assert [r.kind for r in after] == ["info"] and "Hello!" in after[0].text  # the refusal is not said again
    audit = store.get_audit(services.storage, audit_id)
    assert audit is None or (audit.overall_grade, audit.grade_reason) == ("good", None)


@pytest.mark.parametrize("asked", ["the action", "its owner", "its due date"])
def test_the_action_a_new_inadequate_needs_after_a_moderator_opened_the_audit_is_told_once(
        engine: Engine, services: Services, asked: str) -> None:
    answers = {"the action": [], "its owner": ["book a strategy meeting for the child"],
               "its due date": ["book a strategy meeting for the child", "the worker"]}[asked]
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        services.storage.db.execute("UPDATE actions SET done_at = ?, done_by = ?",  # no open action: one is asked
                                    [WEDNESDAY.isoformat(), AUDITOR])
        engine.command(AUDITOR, f"edit {audit_id} grade inadequate the drift has left the child at risk",
                       surface="terminal")
        for typed in answers:
            engine.message(AUDITOR, typed)
        _opened(engine, services, audit_id)
        told = engine.message(AUDITOR, "next friday" if asked == "its due date" else "the worker")
        after = engine.message(AUDITOR, "hello")
    [said] = told
    assert flat(said.text, "*").startswith("I've stopped asking for the action audit #1's new grade needs: the grade "
                                           "can't be changed now, so nothing was changed and nobody was told.")
    assert "A moderator has opened this audit, so it is read-only now" in said.text
    assert store.conversation(services.storage, AUDITOR).get("awaiting") is None
    assert [r.kind for r in after] == ["info"]
    assert store.get_audit(services.storage, audit_id).overall_grade == "good"
