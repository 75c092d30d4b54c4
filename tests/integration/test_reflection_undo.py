"""Trial 41: `undo` straight after `reflect 132 …` went to the knowledge base and a reflection could not be taken
back. Now, as after `done`, `undo` (or *Withdraw*) withdraws the reflection just saved: it is gone from the audit,
the worker is told how to add it again, the auditor is told, and the trail says so without the words."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from bot.storage.maintenance import trail_rows
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
WORKER = "U0PRAN001"
REFLECTION = "I will ask the school for their view before the review."


@pytest.mark.parametrize("undo", ["undo", "oops undo", "Withdraw"])
def test_undo_after_reflect_withdraws_the_reflection(engine: Engine, services: Services, undo: str) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 16, 0, tzinfo=LONDON), tick=False):
        audit_id = submitted_audit(engine, services)
    with time_machine.travel(datetime(2026, 12, 4, 9, 30, tzinfo=LONDON), tick=False):
        [saved, _told] = engine.command(WORKER, f"reflect {audit_id} {REFLECTION}", surface="terminal")
        assert "Type `undo`" in saved.text and [c.label for c in saved.choices] == ["Withdraw"]
        mine, auditor = engine.message(WORKER, undo)
    assert mine.text == (f"Withdrawn: your reflections are no longer on audit #{audit_id}. To add them again, type "
                         f"`/audit reflect {audit_id}`.")
    assert auditor.to_user == store.get_audit(services.storage, audit_id).auditor_id
    assert "withdrew the reflections" in auditor.text
    assert store.reflections_of(services.storage, audit_id) == []
    [row] = [r for r in trail_rows(services.storage) if r.action == "audit.reflection_withdrawn"]
    assert (row.actor, row.detail["audit"]) == (WORKER, audit_id) and "school" not in json.dumps(row.detail)


def test_a_reflection_withdrawn_once_is_not_withdrawn_again(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 16, 0, tzinfo=LONDON), tick=False):
        audit_id = submitted_audit(engine, services)
    with time_machine.travel(datetime(2026, 12, 4, 9, 30, tzinfo=LONDON), tick=False):
        [saved, _told] = engine.command(WORKER, f"reflect {audit_id} {REFLECTION}", surface="terminal")
        engine.message(WORKER, "undo")
        [again] = engine.action(WORKER, saved.choices[0].action, saved.choices[0].value)
    assert "already been withdrawn" in again.text
