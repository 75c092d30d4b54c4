"""The pure parts of switching a draft's checklist (bot.audits.checklist_switch): which answers a switch keeps,
where the audit goes on, which words ask for it, and that a submitted audit keeps its checklist."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.audits import lifecycle
from bot.audits.checklist_switch import SAID, SAID_TO, split_answers, step_after
from bot.audits.flow import Step
from bot.core.knowledge import KnowledgeService
from bot.storage.audits import AuditRow
from knowledge.checklist_schema import Answer

DRAFT = AuditRow(id=4, checklist_id="child-in-need", checklist_hash="h", case_ref="CR-123456", auditor_id="U0MGRN001",
                 worker_id="U0PRAN001", team_id="north-assessment", status="draft", step="question:plan-smart",
                 step_version=5, state={}, suggested_grade=None, overall_grade=None, grade_reason=None, strengths=None,
                 development=None, started_at="2026-12-07T10:00:00+00:00", updated_at="2026-12-07T10:00:00+00:00",
                 submitted_at=None, moderated_at=None)


def answer(value: str, evidence: str | None = None) -> Answer:
    return Answer(value=value, evidence=evidence)


def test_answers_to_questions_both_checklists_ask_are_kept_and_the_others_dropped(
        shipped_knowledge: KnowledgeService) -> None:
    lists = shipped_knowledge.current.kb.checklists
    given = {"immediate-concern": answer("no"), "assessment-timely": answer("yes"), "plan-smart": answer("no"),
             "plan-quality": answer("good", "The plan is clear.")}
    kept, dropped = split_answers(lists["child-in-need"], lists["child-protection-plan"], given)
    assert kept == ["immediate-concern", "plan-smart", "plan-quality"] and dropped == ["assessment-timely"]


def test_the_audit_goes_on_at_the_worker_then_the_first_question_not_answered_then_the_review(
        shipped_knowledge: KnowledgeService) -> None:
    cp = shipped_knowledge.current.kb.checklists["child-protection-plan"]
    assert step_after(cp, {}, has_worker=False) == Step("worker")
    assert step_after(cp, {"immediate-concern": answer("no")}, has_worker=True) == Step("question", "strategy-timely")
    everything = {q.id: answer("good", "Seen on file.") if q.type == "scale" else answer("yes")
                  for q in cp.questions()}
    assert step_after(cp, everything, has_worker=True) == Step("review")
    graded = next(q for q in cp.questions() if q.type == "scale")
    no_note = {**everything, graded.id: answer("good")}
    assert step_after(cp, no_note, has_worker=True) == Step("evidence", graded.id)


@pytest.mark.parametrize(("typed", "named"), [
    ("change checklist", None), ("wrong checklist", None), ("Wrong checklist!", None),
    ("I picked the wrong checklist", None), ("it's the wrong checklist", None), ("use a different checklist", None),
    ("change the checklist to neglect", "neglect"), ("wrong checklist, switch to child protection", "child protection"),
    ("switch checklist to s47", "s47"),
])
def test_the_words_for_another_checklist(typed: str, named: str | None) -> None:
    said = SAID.match(typed)
    assert said is not None and said.group("to") == named


@pytest.mark.parametrize("typed", ["change 3", "the checklist is fine", "checklist", "change the plan", "switch"])
def test_other_words_are_no_switch(typed: str) -> None:
    assert SAID.match(typed) is None and (SAID_TO.match(typed) is None or typed.startswith("change to"))


def test_a_submitted_audit_keeps_its_checklist_and_a_stale_version_is_refused() -> None:
    reopened = replace(DRAFT, submitted_at="2026-12-08T10:00:00+00:00")
    refusal = lifecycle.switch_refusal(reopened, "U0MGRN001", 5)
    assert refusal is not None and "submitted before, so its checklist can't be changed" in str(refusal)
    assert lifecycle.switch_refusal(DRAFT, "U0MGRN001", 5) is None
    assert lifecycle.switch_refusal(DRAFT, "U0MGRN001", 4) is not None
    assert lifecycle.switch_refusal(DRAFT, "U0PRAN002", 5) is not None
