"""Trial 24: "am i on track with my audits this month?" was answered outright with the entry on permanence planning.
A question about the asker's own audits this month is answered from their figures, the line Home shows."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.digests.dashboard import my_work
from bot.engine.routing import Engine
from tests.support.audit_rows import insert_audit

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 12, tzinfo=LONDON)
MANAGER = "U0MGRN001"  # audit_target 2
QA_LEAD = "U0QALEAD1"  # no target (a practitioner with none: tests/integration/test_own_audits_asked.py)


def asked(services: Services) -> list[dict]:
    return list(services.storage.db.query("SELECT * FROM kb_asks"))


@pytest.mark.parametrize("question", ["am i on track with my audits this month?", "how many audits have I done?",
                                      "what's my audit target", "Am I on target?", "have i met my target yet",
                                      "whats my progress", "show me my progress this month", "how am I doing so far?"])
def test_a_question_about_my_own_audits_gets_my_count_against_my_target(engine: Engine, services: Services,
                                                                        question: str) -> None:
    with time_machine.travel(NOW, tick=False):
        insert_audit(services.storage, "CR-100001", NOW - timedelta(days=2), auditor=MANAGER)
        insert_audit(services.storage, "CR-100002", NOW - timedelta(days=40), auditor=MANAGER)  # last month's
        [reply] = engine.message(MANAGER, question)
        home = my_work(services, services.directory.person(MANAGER))[0].text
    assert "1 audit completed, against your target of 2 (1 to go)" in reply.text
    assert reply.text.split(".")[0] in home  # the figure Home shows, in its words
    assert "`home`" in reply.text and "permanence" not in reply.text.lower()
    assert asked(services) == []  # not a gap in the knowledge base


def test_someone_without_a_target_is_told_so_and_whom_to_ask(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        [reply] = engine.message(QA_LEAD, "am i on track with my audits this month?")
    assert reply.text.startswith("**This month**: 0 audits completed.")
    assert "no monthly audit target" in reply.text and "ask an admin (Head of service)" in reply.text


@pytest.mark.parametrize(("question", "entry"), [("how does the bot count my audits against my target", "audit-sample"),
                                                 ("am i behind with the core group timescales", None),
                                                 ("whats my progress on the cp plan", None)])
def test_questions_about_how_targets_work_or_practice_still_go_to_the_knowledge_base(
        engine: Engine, services: Services, question: str, entry: str | None) -> None:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(MANAGER, question)
    assert all(reply.title != "Your audits" for reply in replies)
    assert len(asked(services)) == 1
    if entry:
        assert asked(services)[0]["entry_id"] == entry
