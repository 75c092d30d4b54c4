"""A worker's reflections are in the audit trail: who added them, to which audit and when, never their words (trial
23: `audit-bot trail` had no reflections)."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.maintenance import trail_rows
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
REFLECTION = "I will ask the school for their view before the review."


def test_reflecting_is_trailed_with_who_which_audit_and_when_but_not_the_text(engine: Engine,
                                                                               services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 16, 0, tzinfo=LONDON), tick=False):
        audit_id = submitted_audit(engine, services)
    with time_machine.travel(datetime(2026, 12, 4, 9, 30, tzinfo=LONDON), tick=False):
        [saved, *_] = engine.command("U0PRAN001", f"reflect {audit_id} {REFLECTION}", surface="terminal")
    assert "your reflections are saved" in saved.text
    [row] = [r for r in trail_rows(services.storage) if r.action == "audit.reflected"]
    assert (row.actor, row.detail["audit"]) == ("U0PRAN001", audit_id)
    assert row.at == datetime(2026, 12, 4, 9, 30, tzinfo=LONDON)
    assert "school" not in json.dumps(row.detail)
