"""Who reads a reopened audit is one rule (bot.core.policy.may_view), so `/audit show`, `/audit reaudits` and
`/audit list` agree: a worker reads their case's audit reopened for changes as they read it submitted. The re-audits
list used to drop it for the worker while `/audit show` showed it (the policy took a reopened audit for a draft)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core import policy
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as audit_store
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
NOW = datetime(2026, 12, 10, 10, 0, tzinfo=LONDON)


def test_the_worker_sees_the_re_audit_of_their_case_while_its_audit_is_reopened(engine: Engine,
                                                                              services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        audit_id = AuditRows(services).audit(submitted=datetime(2026, 10, 20, 11, tzinfo=UTC), grade="inadequate")
        before = flat(" ".join(r.text for r in engine.command(WORKER, "reaudits")))
        reopened = engine.command(AUDITOR, f"edit {audit_id}")
        assert reopened[0].kind != "error", reopened[0].text
        after = flat(" ".join(r.text for r in engine.command(WORKER, "reaudits")))
        [shown] = engine.command(WORKER, f"show {audit_id}")
    assert "CR-104001" in before, before
    assert shown.kind != "error", shown.text
    assert "CR-104001" in after, after


def test_the_policy_reads_a_reopened_audit_as_submitted_not_as_a_draft(services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        audit_id = AuditRows(services).audit(submitted=datetime(2026, 12, 1, 11, tzinfo=UTC))
    audit = audit_store.get_audit(services.storage, audit_id)
    assert audit is not None
    reopened = replace(audit, status="draft")
    worker = services.directory.person(WORKER)
    assert worker is not None
    assert policy.may_view(services.directory, worker, reopened)
    never_sent = replace(reopened, submitted_at=None)
    assert not policy.may_view(services.directory, worker, never_sent)


def test_a_reopened_audit_stays_in_the_list_marked_reopened_for_its_worker_and_its_auditor(
        engine: Engine, services: Services) -> None:
    """`/audit list` used to drop an audit once its auditor reopened it: nobody could find it until resubmitted."""
    with time_machine.travel(NOW, tick=False):
        audit_id = AuditRows(services).audit(submitted=datetime(2026, 12, 1, 11, tzinfo=UTC))
        engine.command(AUDITOR, f"edit {audit_id}")
        seen = {who: flat(" ".join(r.text for r in engine.command(who, "list"))) for who in (WORKER, AUDITOR)}
    for who, said in seen.items():
        assert f"#{audit_id} " in said and "CR-104001" in said, (who, said)
        assert "submitted 1 Dec 2026, reopened for changes 10 Dec 2026" in said, (who, said)


def test_the_heads_up_at_a_new_start_calls_a_reopened_audit_reopened_not_a_draft(engine: Engine,
                                                                                  services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        audit_id = AuditRows(services).audit(submitted=datetime(2026, 12, 1, 11, tzinfo=UTC))
        engine.command(AUDITOR, f"edit {audit_id}")
        engine.command("U0QALEAD1", "start early help", surface="terminal")
        said = flat(" ".join(r.text for r in engine.message("U0QALEAD1", "CR-104001", surface="terminal")))
    assert "Heads up" in said and f"#{audit_id} " in said, said
    assert "(reopened for changes)" in said and "(draft)" not in said, said
