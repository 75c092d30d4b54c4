"""An audit list dates a moderated audit by its moderation (trial 10, F16: audit #1, submitted on Thursday 3 December
and moderated on Friday 4 December, was listed as "moderated (3 Dec 2026)"): `/audit list` and the Home's recent
audits, which share their lines. On a pinned clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.integration.test_readback import moderate
from tests.integration.test_wording import submitted_audit

LONDON = ZoneInfo("Europe/London")
MANAGER = "U0MGRN001"


def test_a_moderated_audit_is_listed_by_the_day_it_was_moderated(engine: Engine, services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 16, 0, tzinfo=LONDON), tick=False):
        audit_id = submitted_audit(engine, services, MANAGER)
        [submitted] = engine.command(MANAGER, "list mine", surface="terminal")
    with time_machine.travel(datetime(2026, 12, 4, 10, 5, tzinfo=LONDON), tick=False):
        moderate(engine, audit_id)
    with time_machine.travel(datetime(2026, 12, 14, 9, 0, tzinfo=LONDON), tick=False):
        [listed] = engine.command(MANAGER, "list mine", surface="terminal")
        recent = {s.title: s for s in home_sections(engine, services, MANAGER)}["Recent audits you can read"]
    assert f"#{audit_id} " in submitted.text and "submitted (3 Dec 2026)" in submitted.text
    for text in (listed.text, recent.text):
        assert "moderated (4 Dec 2026)" in text and "3 Dec" not in text
