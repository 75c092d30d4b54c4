"""Trial 41 (practitioner, item 14): `show 132` numbered three questions "2a", "2b" and "2c", each in a later section
("2b" between 14 and 15), with nothing saying why: the key under the answers now says what the letters mean."""

from __future__ import annotations

from types import SimpleNamespace

from bot.audits.core import answers_summary, marks_legend
from knowledge.checklist_schema import Answer
from knowledge.loader import load_knowledge

CASE_AUDIT = load_knowledge().checklists["case-audit"]


def _ctx(child_in_care: str) -> SimpleNamespace:
    answers = {"child-in-care": Answer(child_in_care)}
    audit = SimpleNamespace(submitted_at="2026-12-01T10:00:00Z", state={})
    return SimpleNamespace(checklist=CASE_AUDIT, answers=answers, audit=audit, step="done")


def test_the_key_says_the_lettered_questions_follow_from_question_2() -> None:
    in_care = _ctx("yes")
    summary = answers_summary(in_care)  # type: ignore[arg-type]
    assert "2a. " in summary and "2b. " in summary and "2c. " in summary
    assert "2a, 2b and 2c are asked because of the answer to question 2" in marks_legend(in_care)  # type: ignore[arg-type]


def test_no_key_for_letters_when_no_follow_up_is_asked() -> None:
    assert "asked because of the answer" not in marks_legend(_ctx("no"))  # type: ignore[arg-type]
