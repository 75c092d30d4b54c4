"""Trial 37: a worker's "why is 116 inadequate??" went on the QA leads' knowledge list. A reader of the audit is shown
it, with who audited it; the worker of a case whose audit she may not read yet is told why and who its auditor is."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)
AUDITOR, WORKER, OTHER = "U0MGRN001", "U0PRAN001", "U0PRAS001"


@pytest.mark.parametrize("asked", ["why is {n} inadequate??", "why was audit {n} graded RI",
                                   "how come #{n} got requires improvement"])
def test_the_worker_asking_why_her_audit_was_graded_so_is_shown_it(engine: Engine, services: Services,
                                                                   asked: str) -> None:
    audit_id = insert_audit(services.storage, "CR-351769", NOW, auditor=AUDITOR, worker=WORKER)
    with time_machine.travel(NOW, tick=False):
        lead, shown = engine.message(WORKER, asked.format(n=audit_id), surface="terminal")
    assert flat(lead.text) == (f"Here is audit #{audit_id} as you may read it: the evidence under each grade says why "
                               "it was graded so. Its auditor, Team manager (North), can talk it through with you; to "
                               "add your view, press Add my reflections.")
    assert shown.title.startswith(f"Audit #{audit_id}") and "Add my reflections" in [c.label for c in shown.choices]
    assert not asked_the_knowledge_base(services)


def test_a_draft_of_her_case_is_not_shown_and_she_is_told_who_audits_it(engine: Engine, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-351769", NOW, status="draft", auditor=AUDITOR, worker=WORKER)
    with time_machine.travel(NOW, tick=False):
        [said] = engine.message(WORKER, f"why is {audit_id} inadequate", surface="terminal")
    assert "is still a draft" in said.text and said.text.endswith(
        "Its auditor, Team manager (North), can tell you why it was graded as it was.")
    assert not asked_the_knowledge_base(services)


def test_someone_elses_audit_is_refused_without_its_auditor(engine: Engine, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-351769", NOW, auditor=AUDITOR, worker=WORKER)
    with time_machine.travel(NOW, tick=False):
        [said] = engine.message(OTHER, f"why is {audit_id} inadequate??", surface="terminal")
    assert said.text.startswith(f"I can't find that audit (#{audit_id}), or it is not one you have access to")
    assert "Team manager" not in said.text
