"""How an audit numbers its questions: the same fixed numbers on the question screen, the review and `change 2a`.

A trial user was thrown when "Question 4 of 10" became "Question 5 of 12" because an answer brought in a follow-up
(a `show_if` question). So the numbers never depend on the answers: the checklist's unconditional questions are
numbered 1 to N ("Question 4 of 10"), and a follow-up takes the number of the unconditional question that brings it
in, with a letter ("Question 2a: a follow-up to your answer to question 2"). Bringing a follow-up in, or changing an
answer so it goes away, changes no other number and never the total. Sections are counted the same way: those with
an unconditional question, so "Section 2 of 8" cannot grow either.

Pure functions of the checklist (and, for the review, the answers); nothing here talks to Slack or the database.
"""

from __future__ import annotations

import string

from bot.core.audit_rules import Answers, visible_questions
from bot.core.cut_short import clip_at_word
from bot.core.question_numbers import numbering as _numbering
from bot.core.question_numbers import tied_tag

__all__ = ["tied_tag"]  # kept here too: the audit screens import it from the numbering
from knowledge.checklist_schema import Checklist, Question


def question_label(checklist: Checklist, question_id: str) -> str:
    """'4' for the fourth unconditional question, '2a' for the first follow-up of question 2."""
    return _numbering(checklist)[0][question_id]


def tied_said(checklist: Checklist, question_id: str | None, longest: int = 70) -> str:
    """" Tied to Q8 (Was direct work done…): the case's next audit asks about it at that question." for an action
    typed `Q8: …`, said as it is added (trial 55, 13: the tie was never confirmed); "" for none."""
    label = _numbering(checklist)[0].get(question_id or "")
    if not label:
        return ""
    cut = clip_at_word(checklist.question(question_id or "").text, longest, one_line=True)
    return f" Tied to Q{label} ({cut}): the case's next audit asks about it at that question."


def follow_up_of(checklist: Checklist, question_id: str) -> str | None:
    """The label of the question a follow-up belongs to; None for an unconditional question."""
    return _numbering(checklist)[1].get(question_id)


def question_count(checklist: Checklist) -> int:
    """How many unconditional questions the checklist has: the N of "Question 4 of N", the same for every audit."""
    return sum(1 for question in checklist.questions() if question.show_if is None)


def progress(checklist: Checklist, question_id: str) -> str:
    """'Section 2 of 8 · Question 4 of 10', or 'Section 3 of 8 · Question 2a: a follow-up to your answer to
    question 2'. Neither number moves when an answer brings a follow-up in or takes it away."""
    counted = [s for s in checklist.sections if any(q.show_if is None for q in s.questions)]
    section = checklist.section_of(question_id)
    where = next((f"Section {i} of {len(counted)} · " for i, s in enumerate(counted, 1) if s.id == section.id), "")
    label = question_label(checklist, question_id)
    parent = follow_up_of(checklist, question_id)
    if parent is not None:
        return f"{where}Question {label}: a follow-up to your answer to question {parent}"
    return f"{where}Question {label} of {question_count(checklist)}"


def question_by_label(checklist: Checklist, answers: Answers, label: str) -> Question | None:
    """The question the review shows as `label` ('3', '2a'), if this audit asks it; None otherwise."""
    typed = label.strip().lower()
    digits = typed.rstrip(string.ascii_lowercase)
    wanted = f"{int(digits)}{typed[len(digits):]}" if digits.isdigit() else typed  # "02" is question 2
    return next((q for q in visible_questions(checklist, answers) if question_label(checklist, q.id) == wanted),
                None)


def labels_hint(checklist: Checklist, answers: Answers) -> str:
    """How the review numbers this audit's questions, for a `change` that names none of them."""
    follow_ups = [question_label(checklist, q.id) for q in visible_questions(checklist, answers)
                  if follow_up_of(checklist, q.id) is not None]
    extra = f", and follow-up questions as {', '.join(follow_ups[:3])}" if follow_ups else ""
    return f"the review numbers them 1 to {question_count(checklist)}{extra}"
