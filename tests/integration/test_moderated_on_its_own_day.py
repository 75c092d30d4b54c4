"""An audit list dates a moderated audit by its moderation, beside its submission (the list's order) (trial 10,
F16: audit #1, submitted on Thursday 3 December and moderated on Friday 4 December, was listed as "moderated (3 Dec
2026)"): `/audit list` and the Home's recent audits, which share their lines. On a pinned clock."""

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
    assert f"#{audit_id} " in submitted.text
    assert "audited by Team manager (North): submitted 3 Dec 2026" in submitted.text
    for text in (listed.text, recent.text):  # trial 23: the order's date (submission) first, each date labelled
        assert "audited by Team manager (North): submitted 3 Dec 2026, moderated 4 Dec 2026 by QA lead" in text


def test_recent_audits_are_listed_by_submission_and_say_so(engine: Engine, services: Services) -> None:
    """Trial 23: the Home's recent audits were sorted by submission but dated by moderation, so the dates ran out of
    order. The order's date comes first, and the Home says the order."""
    with time_machine.travel(datetime(2026, 12, 1, 16, 0, tzinfo=LONDON), tick=False):
        first = submitted_audit(engine, services, MANAGER)
    with time_machine.travel(datetime(2026, 12, 3, 16, 0, tzinfo=LONDON), tick=False):
        second = submitted_audit(engine, services, MANAGER)
    with time_machine.travel(datetime(2026, 12, 8, 10, 5, tzinfo=LONDON), tick=False):
        moderate(engine, first)
    with time_machine.travel(datetime(2026, 12, 14, 9, 0, tzinfo=LONDON), tick=False):
        recent = {s.title: s for s in home_sections(engine, services, MANAGER)}["Recent audits you can read"]
    lines = recent.text.splitlines()
    assert f"#{second} " in lines[0] and "submitted 3 Dec 2026" in lines[0]
    assert f"#{first} " in lines[1] and "submitted 1 Dec 2026, moderated 8 Dec 2026 by " in lines[1]
    assert recent.note == "Newest submitted first."
