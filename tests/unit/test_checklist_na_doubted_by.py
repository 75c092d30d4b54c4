"""`na_doubted_by` (trial 49 F5) marks an allow_na question whose N/A is asked about once when earlier answers are No:
the shipped neglect checklist uses it, `kb check` accepts it there and says plainly what is wrong with a bad one."""

from __future__ import annotations

from pathlib import Path

from knowledge.checklist_schema import Checklist
from tests.support.mini_checklist import SAMPLED_HEAD, parsed, problems_of

NEGLECT = Path(__file__).resolve().parents[2] / "knowledge" / "checklists" / "neglect.yaml"
BAD = SAMPLED_HEAD + """\
          - id: plan
            text: Is the plan specific?
            type: yes_no
          - id: escalated
            text: Was escalation considered?
            type: yes_no
            allow_na: true
            na_doubted_by: [plna]
          - id: other
            text: Anything else seen?
            type: yes_no
            na_doubted_by: [plan]
"""


def test_the_neglect_checklist_names_the_plan_and_support_questions_and_keeps_them_in_its_snapshot() -> None:
    checklists, problems = parsed(NEGLECT.read_text(encoding="utf-8"), "neglect.yaml")
    assert problems == []
    escalated = checklists[0].question("escalated")
    assert escalated.na_doubted_by == ("plan-specific", "support-offered")
    again = Checklist.from_content(checklists[0].to_content())
    assert again.question("escalated").na_doubted_by == ("plan-specific", "support-offered")
    assert "na_doubted_by" not in again.question("plan-specific").to_content()  # other questions' hashes unchanged


def test_a_typo_and_a_question_without_allow_na_are_each_reported() -> None:
    problems = problems_of(BAD)
    assert any("`na_doubted_by` names 'plna', which is not an earlier yes/no question in this checklist (did you "
               "mean `plan`?)" in p for p in problems), problems
    assert any("question 'other': `na_doubted_by` only works with `allow_na: true`" in p for p in problems), problems
