"""Trial 52 F4: `what does good look like for q4 on audit 139` was told "I don't know that yet" and put on the QA
leads' list; `what does good look like for the lowest scoring question` got three unrelated entries. The checklist's
guidance for that question (or the audit's flagged questions) is now said to anyone who may read the audit."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits.core import load
from bot.audits.flow import flags
from bot.audits.numbering import question_by_label
from bot.core.services import Services
from bot.digests.demo_data import generate
from bot.engine.routing import Engine
from tests.support.text import flat
from tests.support.trial_day import nothing_unanswered

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)  # a working day
WORKER, COLLEAGUE, QA_LEAD = "U0PRAS001", "U0PRAN001", "U0QALEAD1"


@pytest.fixture
def flagged_audit(services: Services) -> int:
    """A submitted demo audit of S1's case with flagged answers."""
    with time_machine.travel(MONDAY, tick=False):
        generate(services)
    ids = [row[0] for row in services.storage.db.execute(
        "SELECT id FROM audits WHERE worker_id = ? AND submitted_at IS NOT NULL ORDER BY id DESC", [WORKER])]
    return next(i for i in ids if flags(load(services, i).checklist, load(services, i).answers))


def _said(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(user, text, surface="terminal")
    return flat(" ".join(f"{r.title or ''} {r.text}" for r in replies), "_`*")


@pytest.mark.parametrize("user", [WORKER, QA_LEAD])
def test_what_good_looks_like_for_q4_on_an_audit_is_that_questions_guidance(
        engine: Engine, services: Services, flagged_audit: int, user: str) -> None:
    ctx = load(services, flagged_audit)
    question = question_by_label(ctx.checklist, ctx.answers, "4")
    assert question is not None and question.guidance
    said = _said(engine, user, f"what does good look like for q4 on audit {flagged_audit}")
    assert f"What good looks like: audit #{flagged_audit}, Q4" in said
    assert flat(f"Q4. {question.text}") in said and flat(question.guidance) in said
    assert "I don't know that yet" not in said
    assert nothing_unanswered(services)


def test_the_lowest_scoring_question_is_the_audits_flagged_questions_with_their_guidance(
        engine: Engine, services: Services, flagged_audit: int) -> None:
    ctx = load(services, flagged_audit)
    flagged = [question for question, _ in flags(ctx.checklist, ctx.answers)]
    said = _said(engine, WORKER, f"what does good look like for the lowest scoring question on audit {flagged_audit}")
    assert f"Audit #{flagged_audit}'s flagged answer" in said
    assert all(flat(q.text) in said for q in flagged)
    assert nothing_unanswered(services)


def test_naming_no_audit_means_the_latest_audit_of_my_case(engine: Engine, services: Services,
                                                           flagged_audit: int) -> None:
    said = _said(engine, WORKER, "what does good look like for the lowest scoring question")
    assert "What good looks like: audit #" in said or "was flagged for a second look" in said
    assert "voice of the child" not in said.lower()  # the trial's unrelated suggestions
    assert nothing_unanswered(services)


def test_someone_who_may_not_read_the_audit_is_told_who_may(engine: Engine, services: Services,
                                                            flagged_audit: int) -> None:
    said = _said(engine, COLLEAGUE, f"what does good look like for q4 on audit {flagged_audit}")
    assert f"Audit #{flagged_audit}'s answers are read by its auditor" in said
    assert "Q4." not in said
    assert nothing_unanswered(services)
