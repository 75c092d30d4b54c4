"""Trial 48, F10: a worker whose case was graded Inadequate typed `what do i need to do about the inadequate on my
case?` and got "Did you mean… What happens after an inadequate Ofsted judgement?". Now their own picture comes first:
the audit with its grade, `show N` and `reflect N`, the re-audit due on that case, and their open actions with due
dates. Someone with no audit of their own still gets the knowledge base. Clock pinned to a working day."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.audit_rows import add_action, insert_audit

LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 12, 9, 10, 0, tzinfo=LONDON)
WORKER, OTHER = "U0PRAN001", "U0PRAN002"
ASKED = "what do i need to do about the inadequate on my case?"


def _said(replies: list[Reply]) -> str:
    return "\n".join(f"{r.title or ''} {r.text}" for r in replies)


def test_my_inadequate_case_gets_my_audit_actions_and_reaudit_first(engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        audit = insert_audit(services.storage, "CR-551234", WEDNESDAY - timedelta(days=2), worker=WORKER)
        with services.storage.write() as db:
            db.execute("UPDATE audits SET overall_grade = 'inadequate' WHERE id = ?", [audit])
        add_action(services.storage, audit, WEDNESDAY - timedelta(days=2))
        said = _said(engine.message(WORKER, ASKED, surface="terminal"))
    assert said.strip().startswith("1 audit of your cases so far, graded 1 Inadequate."), said
    assert f"`show {audit}`" in said and f"`reflect {audit}`" in said
    assert "CR-551234: Its re-audit is" in said, said
    assert "Update the chronology" in said, said  # the open action, with its due date
    assert "Ofsted judgement" not in said and "Did you mean" not in said


def test_with_no_audit_of_my_own_the_knowledge_base_answers(engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        said = _said(engine.message(OTHER, ASKED, surface="terminal"))
    assert "of your cases so far" not in said
