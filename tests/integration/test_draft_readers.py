"""Who reads an audit before it is submitted: its auditor's working copy is for the auditor, the managers of the
auditor's team, QA leads and admins, and anyone an immediate-concern alert from it reached. A user trial's North
manager read the whole of another team's manager's campaign draft, notes included, while the worker was refused with
a message saying workers have access. Shipped teams: Children in Care (manager U0MGRC001, worker U0PRAC001), South
(manager U0MGRS001, who audits C1's case in a peer campaign)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import campaigns as store
from tests.integration.test_campaigns import create

LONDON = ZoneInfo("Europe/London")
AUDITOR, CASE_MANAGER, WORKER = "U0MGRS001", "U0MGRC001", "U0PRAC001"
READ = "1. Is there an immediate safeguarding concern"  # the audit itself, as `show` gives it


@pytest.fixture
def clock():
    """Wednesday 2 December 2026, within the campaign `create` makes (1 to 11 December)."""
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def _campaign_draft(engine: Engine, services: Services) -> int:
    """South's manager starts C1's case in a peer campaign and is at its first question (an immediate concern?)."""
    campaign_id = create(engine, "per-worker=1 auditors=peer moderate=0")
    [allocation] = [a for a in store.allocations(services.storage, campaign_id) if a.auditor_id == AUDITOR]
    engine.action(AUDITOR, "campaign.start", str(allocation.id), surface="terminal")
    [started, question] = engine.message(AUDITOR, "CR-204411", surface="terminal")
    assert "immediate safeguarding concern" in question.text
    return int(started.text.split("audit #", 1)[1].split(",")[0])


def _show(engine: Engine, user: str, audit_id: int) -> str:
    return "\n".join(reply.text for reply in engine.message(user, f"show {audit_id}", surface="terminal"))


def test_a_draft_is_not_read_by_the_case_teams_manager_or_the_worker_who_are_told_when_they_will_see_it(
        engine: Engine, services: Services, clock) -> None:
    audit_id = _campaign_draft(engine, services)
    engine.message(AUDITOR, "no", surface="terminal")
    engine.message(AUDITOR, "pause", surface="terminal")
    manager_sees = _show(engine, CASE_MANAGER, audit_id)
    assert READ not in manager_sees and "CR-204411" not in manager_sees
    assert f"Audit #{audit_id} is still a draft" in manager_sees
    assert "you'll get its summary when it is submitted" in manager_sees
    worker_sees = _show(engine, WORKER, audit_id)
    assert f"Audit #{audit_id} of your case is still a draft" in worker_sees
    assert "you'll get its summary when it is submitted" in worker_sees
    assert "the worker" not in worker_sees
    assert READ in _show(engine, "U0QALEAD1", audit_id)
    assert READ in _show(engine, AUDITOR, audit_id)


def test_a_manager_an_immediate_concern_alert_reached_reads_the_draft_it_came_from(
        engine: Engine, services: Services, clock) -> None:
    audit_id = _campaign_draft(engine, services)
    engine.message(AUDITOR, "yes", surface="terminal")
    sent = engine.message(AUDITOR, "send", surface="terminal")
    assert any(reply.to_user == CASE_MANAGER for reply in sent)  # the auditor's team has no other manager
    opened = "\n".join(r.text for r in engine.action(CASE_MANAGER, "audit.view", str(audit_id), surface="terminal"))
    assert READ in opened


def test_someone_else_refused_a_draft_is_told_all_who_may_read_it_alert_recipients_too(
        engine: Engine, services: Services, clock) -> None:
    """Review 14, R13: the refusal named the auditor, their manager, QA leads and admins, not those an alert reached,
    whom the rule lets read it (the test above)."""
    audit_id = _campaign_draft(engine, services)
    engine.message(AUDITOR, "no", surface="terminal")
    engine.message(AUDITOR, "pause", surface="terminal")
    told = _show(engine, "U0MGRN001", audit_id)  # North's manager: no part in C1's case, the auditor or an alert
    assert READ not in told
    assert (f"Audit #{audit_id} is still a draft, its auditor's working copy: until it is submitted, only its auditor, "
            "their team's managers, anyone an immediate-concern alert from it reached, QA leads and admins can read "
            "it.") in told
