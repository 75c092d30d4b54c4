"""Dates in replies read one way, '20 Dec 2026' (knowledge.dates.short_date), never as stored ('2026-12-20'): a user
trial found lists printing ISO dates beside replies that said '3 Dec 2026'."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.integration.test_wording import submitted_audit

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
NOW = datetime(2026, 11, 16, 10, 0, tzinfo=UTC)
MANAGER = "U0MGRN001"


def test_lists_audits_and_actions_show_dates_as_every_reply_does(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        audit_id = submitted_audit(engine, services)
        action_store.add_action(services.storage, audit_id, "Book a core group", "U0PRAN002", "2026-12-20", MANAGER,
                                NOW)
        listed = engine.command(MANAGER, "list", surface="terminal")[0].text
        shown = "\n".join(r.text for r in engine.command(MANAGER, f"show {audit_id}", surface="terminal"))
        actions = engine.command(MANAGER, "actions team", surface="terminal")[0].text
    assert f"#{audit_id} " in listed and "submitted 16 Nov 2026" in listed
    assert "Book a core group — Social worker N2, by 20 Dec 2026 (open)" in shown
    assert "due Sun 20 Dec 2026" in actions  # a weekend due day is named (trial 60 F30)
    for text in (listed, shown, actions):
        assert ISO_DATE.search(text) is None, text
