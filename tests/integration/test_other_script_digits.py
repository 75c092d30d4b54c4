"""fix81d (fix80c's follow-up sweep): "١" (Arabic-Indic one) typed at a moderator's "What grade would you give?"
picked *Outstanding*, because Python reads any script's digits as numbers. Only 0-9 pick an option now, in the
terminal chat and where Slack reads a typed option; other digits are told to type the option's number as shown."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import moderation as moderation_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import flat
from tests.integration.test_wording import submitted_audit

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"


@pytest.mark.parametrize("typed", ["١", "#١", "１", "۲"])
def test_other_digits_at_the_moderators_grade_pick_nothing(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", typed], user=QA)
    said = flat(out)
    assert "You picked" not in said and "You would grade it" not in said
    assert f"“{typed}” is not an option number: type 1 to 3 to pick one of the options listed last." in said
    held = moderation_store.current_moderation(services.storage, audit_id)
    assert held is not None and held.moderator_id == QA  # still at the grade, nothing decided


def test_ascii_digits_still_pick_the_grade(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", "1"], user=QA)
    assert "You would grade it Outstanding. Why?" in flat(out)
