"""A Good or Outstanding grade given after answers the checklist flags in the same section, said once, gently.

Trial 48: at "How would you grade how well neglect is understood?" a manager who had answered that the chronology was
not up to date (3 No) and the GCP2 not repeated (2a No) gave Good with the note `ok i guess`, and it was taken without
a word. Those answers (the ones the review marks with a flag) sit oddly with Good, so the bot names them where the
grade's note is asked, or beside the note when it came with the grade, and asks the note to say how the practice is
still Good. It never blocks: a manager who explains is taken at their word.

Pure: the checklist and the answers in, the sentence out.
"""

from __future__ import annotations

from bot.audits.flow import flags
from bot.audits.numbering import question_label
from bot.core.audit_rules import Answers
from knowledge.checklist_schema import Checklist

FLATTERING = ("good", "outstanding")


def _joined(labels: list[str]) -> str:
    """"2a", "2a and 3", "1, 2a and 3"."""
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


def flagged_before_grade(checklist: Checklist, answers: Answers, question_id: str, grade: str) -> str:
    """"Questions 2a and 3 were answered No, which the checklist flags: say in your note how the practice is still
    Good, or change the grade: type the new one here (such as `requires improvement`) or `change 6`." for a Good or
    Outstanding grade at `question_id` whose section holds
    flagged answers; "" otherwise."""
    if grade not in FLATTERING:
        return ""
    section = next((s for s in checklist.sections if any(q.id == question_id for q in s.questions)), None)
    if section is None:
        return ""
    here = {q.id for q in section.questions if q.id != question_id}
    by_answer: dict[str, list[str]] = {}
    for question, answer in flags(checklist, answers):
        if question.id in here:
            by_answer.setdefault(question.answer_label(answer.value), []).append(question_label(checklist, question.id))
    if not by_answer:
        return ""
    said = " and ".join(f"{'question' if len(labels) == 1 else 'questions'} {_joined(labels)} "
                        f"{'was' if len(labels) == 1 else 'were'} answered {answer}"
                        for answer, labels in by_answer.items())
    grade_said = checklist.question(question_id).answer_label(grade)
    change = f"change {question_label(checklist, question_id)}"
    return (f"{said[:1].upper()}{said[1:]}, which the checklist flags: say in your note how the practice is still "
            f"{grade_said}, or change the grade: type the new one here (such as `requires improvement`) or "
            f"`{change}`.")
