"""Trial 49 (F3): a worker out of hours got the moderation ("Audit #1 of your case has been moderated…") before the
audit's summary it refers to, though the summary was written first. What is handed over together now comes in the
order it was held; and the summary says the command for reflections (`/audit reflect N`), not only that she can."""

from __future__ import annotations

from datetime import timedelta

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_held_dms_when_here import coming
from tests.integration.test_wording import submitted_audit
from tests.support.posted import posted
from tests.support.text import flat

MANAGER, WORKER, QA = "U0MGRN001", "U0PRAN001", "U0QALEAD1"


def test_the_summary_comes_before_the_moderation_that_refers_to_it(engine: Engine, services: Services) -> None:
    saturday = coming(5, 10)
    with time_machine.travel(saturday, tick=False):
        audit_id = submitted_audit(engine, services, MANAGER)
    with time_machine.travel(saturday + timedelta(minutes=30), tick=False):
        drive(engine, [f"/audit moderate {audit_id}", "agree", "The plan is reviewed monthly."], user=QA)
    with time_machine.travel(saturday + timedelta(hours=1), tick=False):
        said = [flat(reply.text, "*`") for reply in posted(engine.message(WORKER, "messages"))]
    assert said[0] == "While you were away: 2 messages were waiting for you.", said
    assert said[1].startswith("Team manager (North) has audited one of your cases. Here is the summary: you can add "
                              f"your reflections on it with /audit reflect {audit_id}."), said[1]
    assert "has been moderated" in said[2], said
