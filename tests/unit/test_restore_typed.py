"""The rule behind a typed `restore N` (fix70b A): a cancelled audit the person may restore is theirs to restore,
as `/audit restore N`; only a wording a QA lead rejected is a learned wording to restore."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import learned as learned_store
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

NOW = datetime(2026, 12, 8, 10, 0, tzinfo=ZoneInfo("Europe/London"))
QA_LEAD = "U0QALEAD1"


@pytest.mark.parametrize(("why", "restorable"), [(None, False), ("qa_lead", True), ("not_helpful", False)])
def test_only_a_wording_a_qa_lead_rejected_is_one_to_restore(services: Services, why: str | None,
                                                              restorable: bool) -> None:
    item = learned_store.learn(services.storage, "start-audit", "how do i begin an audit", QA_LEAD, "linked", NOW)
    assert item is not None
    if why is not None:
        learned_store.reject(services.storage, item.id, QA_LEAD, NOW, why)
    assert learned_store.restorable(services.storage, item.id) is restorable


def test_a_qa_leads_own_audit_cancelled_too_long_ago_is_refused_as_the_audits(services: Services,
                                                                                engine: Engine) -> None:
    audit = insert_audit(services.storage, "CR-100500", NOW - timedelta(days=8), status="cancelled",
                         auditor=QA_LEAD, worker="U0PRAS002", team="south-cin-cp")
    with time_machine.travel(NOW, tick=False):
        said = flat(" ".join(r.text for r in engine.message(QA_LEAD, f"restore {audit}", surface="terminal")))
    assert f"Audit #{audit} was cancelled more than 7 days ago, so it can't be restored any more" in said
    assert "learned wording" not in said


def test_someone_elses_cancelled_audit_is_not_restored_by_a_qa_lead(services: Services, engine: Engine) -> None:
    audit = insert_audit(services.storage, "CR-100600", NOW - timedelta(days=1), status="cancelled",
                         auditor="U0MGRS001", worker="U0PRAS002", team="south-cin-cp")
    with time_machine.travel(NOW, tick=False):
        said = flat(" ".join(r.text for r in engine.message(QA_LEAD, f"restore {audit}", surface="terminal")))
    assert f"There is no learned wording #{audit}" in said  # the QA lead's own words, as before
