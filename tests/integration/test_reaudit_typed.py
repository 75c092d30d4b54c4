"""`re-audit <case reference>` starts the case's re-audit on the checklist of the audit that asks for it, and a case
reference typed alone says its re-audit is due or overdue. Trial 26: `re-audit cr632084` got the knowledge base's
article on re-audits, and `cr632084` alone said nothing of the overdue re-audit until a checklist was picked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_reaudits import NORTH_MANAGER, NORTH_WORKER, SUBMITTED, Cases, at, text

OVERDUE = SUBMITTED + timedelta(weeks=8)  # due by Monday 12 April 2027, six weeks on


@pytest.fixture
def cases(services: Services) -> Cases:
    return Cases(services)


@pytest.mark.parametrize("typed", ["re-audit cr100090", "reaudit CR 100090", "start the re-audit of CR-100090",
                                   "Re-audit case cr-100090."])
def test_re_audit_and_a_case_reference_starts_its_re_audit_on_the_same_checklist(
        engine: Engine, services: Services, cases: Cases, typed: str) -> None:
    earlier = cases.audit("CR-100090", "inadequate", SUBMITTED)
    with at(OVERDUE):
        said = text(engine.message(NORTH_MANAGER, typed, surface="terminal"))
    assert said.startswith(f"Starting the re-audit of CR-100090 against **Full case audit**, the checklist of audit "
                           f"#{earlier}"), said
    assert "This is the re-audit of CR-100090, **overdue**: it was due by Monday 12 April 2027" in said
    [draft] = store.drafts_of(services.storage, NORTH_MANAGER)
    assert (draft.case_ref, draft.checklist_id) == ("CR-100090", "case-audit")
    assert "Whose case is it?" in said


def test_a_case_reference_typed_alone_says_its_re_audit_is_overdue(engine: Engine, cases: Cases) -> None:
    earlier = cases.audit("CR-100090", "inadequate", SUBMITTED)
    with at(OVERDUE):
        said = text(engine.message(NORTH_MANAGER, "cr100090", surface="terminal"))
    assert (f"Its re-audit is **overdue**: it was due by Monday 12 April 2027 (audit #{earlier} was graded "
            "Inadequate); `re-audit CR-100090` starts it.") in said


def test_re_audit_of_a_case_with_none_due_offers_an_audit_and_the_worker_is_refused(
        engine: Engine, services: Services, cases: Cases) -> None:
    cases.audit("CR-100090", "inadequate", SUBMITTED)
    cases.audit("CR-100091", "good", SUBMITTED)
    with at(OVERDUE):
        none_due = engine.message(NORTH_MANAGER, "re-audit cr100091", surface="terminal")
        worker = engine.message(NORTH_WORKER, "re-audit cr100090", surface="terminal")
    assert none_due[0].text.startswith("**CR-100091** has no re-audit due")
    assert [c.action for c in none_due[0].choices] == ["audit.start_case"]
    assert worker[0].kind == "error" and "CR-100090 is your case" in worker[0].text  # tests/…/test_own_case_refused
    assert store.drafts_of(services.storage, NORTH_MANAGER) == store.drafts_of(services.storage, NORTH_WORKER) == []
