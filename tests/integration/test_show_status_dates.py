"""`show 28` said "Status: submitted" with no date (trial 40, LOW 19): the status now says when the audit was
submitted, and when it was moderated once it was, as local days."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.audit_rows import insert_audit

SUBMITTED = datetime(2026, 9, 30, 23, 30, tzinfo=UTC)  # 1 Oct 2026 in London (BST)
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
QA_LEAD = "U0QALEAD1"


def _status(engine: Engine, audit_id: int) -> str:
    with time_machine.travel(NOW, tick=False):
        [shown] = engine.command(QA_LEAD, f"show {audit_id}")
    return dict(shown.fields)["Status"]


def test_a_submitted_audit_says_the_day_it_was_submitted(engine: Engine, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-100200", SUBMITTED)
    assert _status(engine, audit_id) == "submitted 1 Oct 2026"


def test_a_moderated_audit_says_when_it_was_moderated_and_submitted(engine: Engine, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-100200", SUBMITTED, status="moderated")
    services.storage.db.execute("UPDATE audits SET moderated_at = '2026-10-14T09:00:00+00:00' WHERE id = ?",
                                [audit_id])
    assert _status(engine, audit_id) == "moderated 14 Oct 2026, submitted 1 Oct 2026"


def test_an_audit_in_moderation_says_when_it_was_submitted(engine: Engine, services: Services) -> None:
    audit_id = insert_audit(services.storage, "CR-100200", SUBMITTED, status="in_moderation")
    assert _status(engine, audit_id) == "in moderation, submitted 1 Oct 2026"
