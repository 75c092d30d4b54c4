"""Trial 21: a manager re-auditing a case had to pick its worker again, unaided. The worker the case's last audit
named is offered first at "Whose case is it?", and the bot says so; a case never audited is asked as before."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
MANAGER, FIRST, SECOND = "U0MGRN001", "U0PRAN001", "U0PRAN002"


def worker_question(engine: Engine, reference: str) -> tuple[str, list[str]]:
    engine.message(MANAGER, "start audit early help spot")
    replies = engine.message(MANAGER, reference)
    [asked] = [reply for reply in replies if "Whose case is it?" in reply.text]
    return asked.text, [choice.value.rsplit(":", 1)[-1] for choice in asked.choices if choice.action == "audit.worker"]


def test_the_worker_the_last_audit_named_is_offered_first(engine: Engine, services: Services) -> None:
    insert_audit(services.storage, "CR-310001", datetime(2026, 10, 1, 10, 0, tzinfo=LONDON), worker=SECOND)
    with time_machine.travel(NOW, tick=False):
        text, offered = worker_question(engine, "CR-310001")
    assert offered[0] == SECOND and offered.count(SECOND) == 1 and FIRST in offered
    assert text.endswith("Audit #1 of this case named Social worker N2, offered first.")


def test_a_case_not_audited_before_is_asked_as_it_was(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        text, offered = worker_question(engine, "CR-310002")
    assert offered[:2] == [FIRST, SECOND] and "offered first" not in text
