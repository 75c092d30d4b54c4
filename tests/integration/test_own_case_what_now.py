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
from bot.storage import actions as action_store
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
    assert said.strip().startswith(f"Audit #{audit} of CR-551234, graded **Inadequate**."), said
    assert f"`show {audit}`" in said and f"`reflect {audit}`" in said
    assert "CR-551234's re-audit is" in said, said
    assert "Update the chronology" in said, said  # the open action, with its due date
    assert "Ofsted judgement" not in said and "Did you mean" not in said


def test_with_no_audit_of_my_own_the_knowledge_base_answers(engine: Engine) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        said = _said(engine.message(OTHER, ASKED, surface="terminal"))
    assert "of your cases so far" not in said


def test_my_ri_case_shows_that_audit_and_its_actions_and_no_reaudit_offer(engine: Engine, services: Services) -> None:
    """Trial 55 F4: "Each is listed below" with no list, `re-audit CR-…` offered to the case's own worker, and the
    new audit's action off the first page of 22 open actions. Now that audit, its own actions done and open, the
    re-audit date as information, and a short count of open actions."""
    with time_machine.travel(WEDNESDAY, tick=False):
        older = [insert_audit(services.storage, f"CR-55{n:04d}", WEDNESDAY - timedelta(days=30 + n), worker=WORKER)
                 for n in range(22)]
        for audit_id in older:
            add_action(services.storage, audit_id, WEDNESDAY - timedelta(days=40))
        audit = insert_audit(services.storage, "CR-558812", WEDNESDAY - timedelta(days=1), worker=WORKER)
        with services.storage.write() as db:
            db.execute("UPDATE audits SET overall_grade = 'requires_improvement' WHERE id = ?", [audit])
        due = (WEDNESDAY + timedelta(days=50)).date().isoformat()
        done = action_store.add_action(services.storage, audit, "offer an advocate", WORKER, due, "U0MGRN001",
                                       WEDNESDAY)
        action_store.add_action(services.storage, audit, "update the plan", WORKER, due, "U0MGRN001", WEDNESDAY)
        with services.storage.write() as db:
            db.execute("UPDATE actions SET done_at = ? WHERE id = ?", [WEDNESDAY.isoformat(), done])
        said = _said(engine.message(WORKER, "what do i need to do about the requires improvement on my case",
                                    surface="terminal"))
    assert said.strip().startswith(f"Audit #{audit} of CR-558812, graded **Requires improvement"), said
    assert "offer an advocate" in said and "(done)" in said and "update the plan" in said, said
    assert "`re-audit CR-558812`" not in said and "CR-558812's re-audit is due by" in said, said
    assert "Each is listed below" not in said, said
    assert "You have 23 open actions, 22 overdue: `my actions` lists them" in said, said


def test_my_home_counts_overdue_and_names_the_newest_audits_action(engine: Engine, services: Services) -> None:
    """Trial 55 F17: "Open actions: 22 (soonest 5 below)", no overdue count, nothing from the audit just done."""
    with time_machine.travel(WEDNESDAY, tick=False):
        for n in range(6):
            add_action(services.storage, insert_audit(services.storage, f"CR-56{n:04d}",
                                                      WEDNESDAY - timedelta(days=30 + n), worker=WORKER),
                       WEDNESDAY - timedelta(days=40))
        audit = insert_audit(services.storage, "CR-558812", WEDNESDAY, worker=WORKER)
        action_store.add_action(services.storage, audit, "update the plan", WORKER,
                                (WEDNESDAY + timedelta(days=50)).date().isoformat(), "U0MGRN001", WEDNESDAY)
        said = _said(engine.home_now(WORKER))
    assert "**Open actions**: 7, 6 overdue (soonest 5 below)" in said, said
    assert f"From your newest audit (#{audit}): action" in said and "update the plan" in said, said
