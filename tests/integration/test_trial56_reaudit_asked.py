"""Trial 56 F10: S1 asking `when will CR-139561 be re-audited` got the general entry "When is a case re-audited?",
though the bot had told her "CR-139561's re-audit is due by …". A question naming a case she may read now gets that
case's line; one she may not read gets the words a case never audited gets; `when is my next reaudit` lists hers."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)  # a Monday, working hours; RI asks for a re-audit in 12 weeks
DUE = "Monday 1 March 2027"
MANAGER, WORKER, NORTH_WORKER = "U0MGRS001", "U0PRAS001", "U0PRAN001"


def _audit(services: Services, case: str, grade: str, worker: str = WORKER, team: str = "south-cin-cp") -> int:
    audit_id = insert_audit(services.storage, case, NOW, auditor=MANAGER if worker == WORKER else "U0MGRN001",
                            worker=worker, team=team)
    with services.storage.write() as db:
        db.execute("UPDATE audits SET overall_grade = ? WHERE id = ?", [grade, audit_id])
    return audit_id


def _asked(engine: Engine, user: str, typed: str) -> str:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(user, typed, surface="terminal")
    return flat("\n".join(reply.text or "" for reply in replies), "_`*")


def test_the_worker_asking_when_her_case_is_re_audited_is_told_its_date(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        audit_id = _audit(services, "CR-139561", "requires_improvement")
    for typed in ("when will CR-139561 be re-audited", "whens the reaudit for cr139561",
                  "is CR-139561 due a re-audit?"):
        text = _asked(engine, WORKER, typed)
        assert (f"CR-139561's re-audit is due by {DUE} (audit #{audit_id} was graded Requires improvement to be "
                "good); your manager or an auditor starts it") in text, typed
        assert "How re-audits work: ask when is a case re-audited." in text
    assert asked_the_knowledge_base(services) == 0


def test_her_manager_is_told_how_to_start_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audit(services, "CR-139561", "inadequate")
    text = _asked(engine, MANAGER, "when is CR-139561 due a re-audit")
    assert "CR-139561's re-audit is due by Monday 18 January 2027" in text
    assert "re-audit CR-139561 starts it" in text


def test_a_case_she_may_not_read_gets_the_words_of_a_case_never_audited(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audit(services, "CR-632084", "inadequate", worker=NORTH_WORKER, team="north-assessment")
    hidden = _asked(engine, WORKER, "when will CR-632084 be re-audited")
    never = _asked(engine, WORKER, "when will CR-999999 be re-audited")
    assert "I can't find a submitted audit of CR-632084 that you may read" in hidden
    assert hidden.replace("632084", "999999") == never
    assert "January" not in hidden


def test_a_case_not_due_says_so_and_why(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        audit_id = _audit(services, "CR-233288", "good")
    text = _asked(engine, WORKER, "when will CR-233288 be re-audited")
    assert f"CR-233288 is not due for a re-audit: its latest audit you may read, #{audit_id}, is graded Good" in text


def test_when_is_my_next_reaudit_lists_her_cases_due(engine: Engine, services: Services) -> None:
    assert "No re-audits due" in _asked(engine, WORKER, "when is my next reaudit")
    with time_machine.travel(NOW, tick=False):
        _audit(services, "CR-139561", "requires_improvement")
    text = _asked(engine, WORKER, "when is my next reaudit")
    assert f"CR-139561: due by {DUE}" in text


def test_the_general_question_still_gets_the_general_entry(engine: Engine, services: Services) -> None:
    _asked(engine, WORKER, "when is a case re-audited")
    assert asked_the_knowledge_base(services) == 1
