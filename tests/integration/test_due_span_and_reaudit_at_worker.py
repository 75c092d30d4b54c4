"""Trial 30, LOW: `2 weeks` at an action's "When is it due?" was refused, where `in 2 weeks` was read; `re-audit
CR-373208`, typed while an audit waited for its worker, was told "I don't know that person"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS, WORKER
from tests.integration.test_reaudit_typed import OVERDUE
from tests.integration.test_reaudits import NORTH_MANAGER, SUBMITTED, Cases, at, text
from tests.support.text import flat

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("typed", "due"), [("2 weeks", "2026-12-16"), ("2 wks", "2026-12-16"),
                                            ("two weeks", "2026-12-16"), ("3 days", "2026-12-05"),
                                            ("a month", "2027-01-02")])
def test_a_span_alone_is_a_due_date_counted_from_today(engine: Engine, services: Services, typed: str,
                                                      due: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Share the plan with the school.", WORKER, typed])
    assert "Action 1 added: due" in flat(out)
    assert [a.due_date for a in action_store.actions_of_audit(services.storage, 1)] == [due]


def test_re_audit_typed_at_the_worker_step_starts_the_re_audit(engine: Engine, services: Services) -> None:
    earlier = Cases(services).audit("CR-100090", "inadequate", SUBMITTED)
    with at(OVERDUE):
        for line in ("start audit front door", "CR-100090"):
            engine.message(NORTH_MANAGER, line, surface="terminal")
        [waiting] = store.drafts_of(services.storage, NORTH_MANAGER)
        said = text(engine.message(NORTH_MANAGER, "re-audit CR-100090", surface="terminal"))
    assert "I don't know that person" not in said
    assert f"Audit #{waiting.id} of CR-100090 held nothing yet, so I haven't kept it." in said
    assert (f"Starting the re-audit of CR-100090 against **Full case audit**, the checklist of audit #{earlier}"
            in said)
    [draft] = store.drafts_of(services.storage, NORTH_MANAGER)
    assert (draft.case_ref, draft.checklist_id, draft.step) == ("CR-100090", "case-audit", "worker")


def test_re_audit_of_a_case_with_none_due_at_the_worker_step_keeps_the_draft(engine: Engine,
                                                                               services: Services) -> None:
    Cases(services).audit("CR-100091", "good", SUBMITTED)
    with at(OVERDUE):
        for line in ("start audit front door", "CR-100092"):
            engine.message(NORTH_MANAGER, line, surface="terminal")
        said = text(engine.message(NORTH_MANAGER, "re-audit cr100091", surface="terminal"))
    assert "**CR-100091** has no re-audit due" in said
    assert "still waits for its worker: pick one to carry on" in said
    [draft] = store.drafts_of(services.storage, NORTH_MANAGER)
    assert (draft.case_ref, draft.step) == ("CR-100092", "worker")
