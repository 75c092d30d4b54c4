"""What the audit conversation says about a count that is a part of an earlier count (bot.core.count_bounds).

Trial 30 typed 2 contacts sampled, then 5 with no decision within one working day, and "Got it: 5." fed the service
theme "(in 5 audits)". Now an answer above the earlier count is refused with what it may be, and lowering the earlier
count later (`change 2`) names the answers it leaves too high, which the audit then asks again one by one
(bot.audits.questions.step_after).
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.audits.action_removal import listed
from bot.audits.numbering import question_label
from bot.core.count_bounds import bound_of, number, over_bound
from bot.errors import UserError
from knowledge.checklist_schema import Answer, Checklist, Question


def bound_refusal(checklist: Checklist, answers: Mapping[str, Answer], question: Question, value: str) -> str | None:
    """Why a count larger than the count it is a part of is refused: "You sampled 2 contacts, so this can be at most
    2. Type a number from 0 to 2."; None when `value` fits."""
    bound = bound_of(checklist, answers, question)
    given = number(value)
    if bound is None or given is None or given <= bound.value:
        return None
    return f"{bound.said()}, so this can be at most {format(bound.value, 'f')}. {bound.type_one()}"


def too_high_notice(checklist: Checklist, answers: Mapping[str, Answer], changed: Question) -> str | None:
    """Said when a changed count leaves later answers above it: which ones, and that each is asked again."""
    over = [q for q in over_bound(checklist, answers) if q.at_most == changed.id]
    bound = bound_of(checklist, answers, over[0]) if over else None
    if bound is None:
        return None
    labels = listed([f"{question_label(checklist, q.id)} (answered {answers[q.id].value})" for q in over])
    one = len(over) == 1
    return (f"{bound.said()} now, so {'question' if one else 'questions'} {labels} {'is' if one else 'are'} more "
            f"than that. I'll ask {'it' if one else 'them'} again. {bound.type_one()}")


def refuse_over_bound(checklist: Checklist, answers: Mapping[str, Answer]) -> None:
    """Before the overall grade: UserError naming a count still larger than the count it is a part of (left so by
    `back` past it after the sample was lowered), and how to put it right; nothing when every count fits."""
    over = over_bound(checklist, answers)
    bound = bound_of(checklist, answers, over[0]) if over else None
    if bound is None:
        return
    label = question_label(checklist, over[0].id)
    raise UserError(f"Question {label} is answered {answers[over[0].id].value}, but {bound.said()[0].lower()}"
                    f"{bound.said()[1:]}, and it can't be more than that. Type `change {label}` to put it right "
                    "before choosing the overall grade.")
