"""What a submitted audit must hold, as pure rules on a checklist and its answers: which questions are asked, which
answers are still owed (a scale grade owes its evidence note), the overall grade the answers suggest, and which
answers raise an immediate concern.

The audit conversation (bot.audits.flow) asks these before it lets an audit be submitted, and `audit-bot
demo-data` (bot.digests.demo_data) builds its invented audits through `submission_breaks`, so the invented audits
that feed digests and the Home tab never show what the bot would refuse from a person (a review found demo grades
with no evidence note, and a Good audit carrying an immediate safeguarding concern).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from bot.core.count_bounds import over_bound
from knowledge.checklist_schema import NOT_APPLICABLE, Answer, Checklist, Question

GRADE_POINTS = {"outstanding": 4, "good": 3, "requires_improvement": 2, "inadequate": 1}
Answers = Mapping[str, Answer]


def is_visible(checklist: Checklist, answers: Answers, question: Question) -> bool:
    """A question with show_if is asked only when the earlier question got the awaited answer."""
    if question.show_if is None:
        return True
    earlier = answers.get(question.show_if.question)
    return (earlier is not None and earlier.value == question.show_if.equals
            and is_visible(checklist, answers, checklist.question(question.show_if.question)))


def visible_questions(checklist: Checklist, answers: Answers) -> list[Question]:
    """The questions this audit asks, given the answers so far, in order."""
    return [q for q in checklist.questions() if is_visible(checklist, answers, q)]


def answers_hidden(checklist: Checklist, answers: Answers) -> list[str]:
    """Answered questions the answers now hide, in order: a follow-up whose question's answer changed so it no
    longer applies ("Did the family shape the plan?" once there is no plan). They are taken out of the audit, never
    kept to be counted in a digest or shown again, as if still true, should the answer change back."""
    visible = {q.id for q in visible_questions(checklist, answers)}
    return [q.id for q in checklist.questions() if q.id in answers and q.id not in visible]


def missing_answers(checklist: Checklist, answers: Answers) -> list[str]:
    """Required questions still unanswered, or scale answers without their evidence note, as question ids."""
    missing = []
    for question in visible_questions(checklist, answers):
        answer = answers.get(question.id)
        if (answer is None and question.required) or needs_evidence(question, answer):
            missing.append(question.id)
    return missing


def suggest_grade(checklist: Checklist, answers: Answers) -> str | None:
    """The overall grade the scale answers point to, for the auditor to confirm or change.

    Rule: the mean of the scale grades (Outstanding 4, Good 3, Requires improvement 2, Inadequate 1), with
    a tie between two grades going to the lower one (a suggestion should not flatter practice); any
    Inadequate answer caps the suggestion at Requires improvement to be good, because practice that is
    inadequate somewhere is not good overall. None when no scale question was answered.

    While an answer raising an immediate concern stands, the suggestion is Inadequate whatever the grades: Ofsted
    judges practice that leaves children at risk of harm inadequate (trial 25: the bot suggested Good, then asked
    whether Good was right over the concern, contradicting itself).
    """
    if concerns(checklist, answers):
        return "inadequate"
    points = [GRADE_POINTS[a.value] for q in visible_questions(checklist, answers)
              if q.type == "scale" and (a := answers.get(q.id)) is not None and a.value in GRADE_POINTS]
    if not points:
        return None
    rounded = max(1, math.ceil(sum(points) / len(points) - 0.5))
    if 1 in points:
        rounded = min(rounded, GRADE_POINTS["requires_improvement"])
    return next(grade for grade, value in GRADE_POINTS.items() if value == rounded)


def needs_evidence(question: Question, answer: Answer | None) -> bool:
    """A scale grade needs its evidence note; 'not applicable' on a scale question does not."""
    return (question.type == "scale" and answer is not None and not answer.evidence
            and answer.value != NOT_APPLICABLE)


def escalations(question: Question, value: str) -> bool:
    """Whether this answer must alert the team manager now, rather than at submission."""
    return value in question.escalate_if


def concerns(checklist: Checklist, answers: Answers) -> list[Question]:
    """The asked questions whose answer raises an immediate concern (`escalate_if`), in the checklist's order."""
    return [q for q in visible_questions(checklist, answers) if q.id in answers and escalations(q, answers[q.id].value)]


def submission_breaks(checklist: Checklist, answers: Answers, grade: str | None, grade_reason: str | None,
                      actions: int) -> list[str]:
    """What stops these answers and overall grade being submitted as they are, in words (empty when nothing does):
    an answer owed (a required one, or a grade's evidence note), an answer to a question the answers skip (the
    conversation takes those out), no overall grade, a grade other than the suggested
    one with no reason, an Inadequate grade with no action; and an immediate concern on an audit graded Good or
    Outstanding, which says at once that practice is good and that a child is at risk nobody is acting on."""
    broken = [f"question {question_id} is unanswered, or its grade has no evidence note"
              for question_id in missing_answers(checklist, answers)]
    broken += [f"question {question_id} is answered though the answers before it skip it"
               for question_id in answers_hidden(checklist, answers)]
    suggested = suggest_grade(checklist, answers)
    if grade is None:
        broken.append("there is no overall grade")
    elif suggested is not None and grade != suggested and not (grade_reason or "").strip():
        broken.append(f"the overall grade {grade} is not the suggested {suggested} and has no reason")
    broken += [f"question {question.id} counts more than question {question.at_most}, which it is a part of"
               for question in over_bound(checklist, answers)]
    if grade == "inadequate" and actions == 0:
        broken.append("it is graded inadequate with no action")
    if grade in ("good", "outstanding") and (raised := concerns(checklist, answers)):
        broken.append(f"it is graded {grade} with an immediate concern ({raised[0].id})")
    return broken
