"""fix41d (tried as a QA lead): after *Disagree*, `actually i agree` or `i agree` typed at "What grade would you give?"
was told "Please choose a grade", where at "Why?" the same words go back to agreeing. Now they agree there too."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import flat
from tests.integration.test_wording import submitted_audit

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))
AUDITOR, QA = "U0MGRN001", "U0QALEAD1"
REASON = "The plan is reviewed on time and the child's views shape it."


@pytest.mark.parametrize("said", ["actually i agree", "i agree", "no wait i agree with the auditor"])
def test_agreeing_at_the_grade_asks_the_reason_for_agreeing(engine: Engine, services: Services, said: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", said], user=QA)
        _, saved = drive(engine, [REASON], user=QA)
    assert "You agree with Good. Why?" in flat(out) and "Please choose a grade" not in flat(out)
    assert f"Moderation of audit #{audit_id} saved" in flat(saved)
    audit = store.get_audit(services.storage, audit_id)
    assert (audit.status, audit.moderated_grade) == ("moderated", "good")


def test_agreeing_with_another_grade_at_the_grade_is_that_grade(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit_id = submitted_audit(engine, services, AUDITOR)
        _, out = drive(engine, [f"moderate {audit_id}", "disagree", "hang on actually i agree with outstanding"],
                       user=QA)
    assert "You would grade it Outstanding. Why?" in flat(out)
