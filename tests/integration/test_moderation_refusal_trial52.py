"""Trial 52 F9: a QA lead's `moderate 125` on her own audit was told "moderators are QA leads, or managers of another
team, and never the auditor or the worker…" (she is a QA lead: the reason was left to infer), and `can i moderate my
own audit 125` got three knowledge-base suggestions. Each person is now told their own reason and who moderates."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.support.audit_rows import insert_audit
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)  # a Monday, working hours
QA_LEAD, OTHER_QA, MANAGER, WORKER, OTHER_MANAGER = "U0QALEAD1", "U0QALEAD2", "U0MGRS001", "U0PRAS001", "U0MGRN001"


def _said(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(NOW, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat(" ".join(r.text for r in replies), "_`*")


@pytest.fixture
def own_audit(services: Services) -> int:
    """A South case audited by the QA lead, waiting for moderation."""
    return insert_audit(services.storage, "CR-687096", NOW, auditor=QA_LEAD, worker=WORKER, team="south-cin-cp")


@pytest.mark.parametrize("typed", ["moderate {n}", "can i moderate my own audit {n}", "Can I moderate audit #{n}?"])
def test_a_qa_lead_on_her_own_audit_is_told_she_audited_it_and_who_moderates_it(
        engine: Engine, services: Services, own_audit: int, typed: str) -> None:
    said = _said(engine, QA_LEAD, typed.format(n=own_audit))
    assert f"You audited #{own_audit}, so someone else moderates it: it stays in the queue for the other QA leads " \
           "and managers of other teams." in said
    assert "moderators are QA leads" not in said
    assert asked_the_knowledge_base(services) == 0


@pytest.mark.parametrize(("user", "reason"), [
    (WORKER, "#{n} is the audit of your case, so someone else moderates it: it stays in the queue for the QA leads "
             "and managers of other teams."),
    (MANAGER, "You manage the team whose case #{n} is, so a manager of another team or a QA lead moderates it"),
])
def test_the_worker_and_the_cases_manager_are_told_their_own_reason(
        engine: Engine, services: Services, own_audit: int, user: str, reason: str) -> None:
    if user == MANAGER:  # `moderate` itself is for QA leads, managers and admins
        assert reason.format(n=own_audit) in _said(engine, user, f"moderate {own_audit}")
    assert reason.format(n=own_audit) in _said(engine, user, f"can i moderate {own_audit}")


def test_someone_who_may_moderate_it_asking_in_words_opens_it(engine: Engine, own_audit: int) -> None:
    said = _said(engine, OTHER_MANAGER, f"can i moderate audit {own_audit}?")
    assert "Do you agree with the overall grade?" in said
