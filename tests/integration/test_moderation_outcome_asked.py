"""Trial 64 (F7): "why was my audit 76 regraded" got "I don't know that yet" and went on the QA leads' list. The
moderation's outcome is told, as the worker and managers were told it, to those who may read the audit; not noted."""

from __future__ import annotations

import pytest

from bot.audits.moderation_outcome_asked import asks_outcome
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

NORTH_TM = "U0MGRN001"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


def _north(services: Services, regraded: bool) -> int:
    """A North audit the moderator regraded (or: one not moderated)."""
    sql = ("SELECT a.id FROM audits a JOIN moderations m ON m.audit_id = a.id WHERE m.decided_at IS NOT NULL AND "
           "m.agrees = 0 AND a.worker_id LIKE 'U0PRAN%' ORDER BY a.id" if regraded else
           "SELECT id FROM audits WHERE status = 'submitted' AND worker_id LIKE 'U0PRAN%' ORDER BY id")
    return int(services.storage.db.execute(sql).fetchone()[0])


@pytest.mark.parametrize("typed", ["why was my audit {n} regraded", "why did the QA lead change my grade on audit {n}",
                                   "what did moderation say about {n}"])
def test_a_manager_asking_why_an_audit_was_regraded_is_told_the_moderation(demo: Services, engine: Engine,
                                                                           typed: str) -> None:
    audit_id = _north(demo, regraded=True)
    reply = said(engine, NORTH_TM, typed.format(n=audit_id))
    assert f"Audit #{audit_id} was moderated:" in reply and "where the auditor graded it" in reply
    assert "Reason:" in reply and "I don't know that yet" not in reply
    assert nothing_unanswered(demo)


def test_an_audit_not_moderated_says_so_and_someone_who_may_not_read_it_is_told_nothing(demo: Services,
                                                                                       engine: Engine) -> None:
    audit_id = _north(demo, regraded=False)
    assert f"Audit #{audit_id} has not been moderated" in said(engine, NORTH_TM, f"why was audit {audit_id} regraded")
    other = said(engine, "U0PRAS001", f"why was audit {_north(demo, regraded=True)} regraded")
    assert "was moderated" not in other and "you may read" in other
    assert nothing_unanswered(demo)


def test_with_no_number_the_latest_moderated_audits_are_told(demo: Services, engine: Engine) -> None:
    reply = said(engine, NORTH_TM, "why was my audit regraded")
    assert "was moderated:" in reply and "I don't know that yet" not in reply


@pytest.mark.parametrize("text", ["what is moderation", "what happens when my audit is moderated",
                                  "what changed in the new checklist", "who moderates audits"])
def test_questions_about_moderation_itself_still_go_to_the_knowledge_base(text: str) -> None:
    assert not asks_outcome(text)
