"""What changed between two audits of the same case, as plain data: the pure half of `/audit compare`.

A re-audit is there to show whether practice improved, so the comparison is in the terms a re-auditor uses: the
grade of record moved up or down the grade order, and each question both checklists ask either kept its answer or
changed it, better or worse where the answer has an order. Questions are matched by id, because checklists are
revised between audits and a question's wording may be polished while it asks the same thing; a question only one
of the two checklists asks cannot be compared and is counted, not guessed at. No database and no wording of
replies here (bot/audits/compare.py has those), so every rule is tested on its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from bot.core import buttons
from bot.core.count_bounds import bound_of, number
from bot.core.cut_short import clip
from bot.core.grade_verdict import GRADE_ORDER
from knowledge.checklist_schema import NOT_APPLICABLE, Answer, Checklist, Question

NOT_ANSWERED = "not answered"
LONG_ANSWER = 80  # a typed answer is cut here in the list of changes; `/audit show` has it whole

Direction = Literal["better", "worse", "same", ""]  # "same": a part of a count, the same share of a new total

USAGE = ("Type `/audit compare <audit number>`, for example `/audit compare 12`, to compare a submitted audit with "
         "the audit of the same case before it, or `/audit compare 12 with 9` for two audits of one case.")
PAIR_WORDS = frozenset({"with", "and", "to", "against", "vs", "versus"})
FILLER_WORDS = frozenset({"audit", "audits", "number", "no", "no."})


@dataclass(frozen=True)
class CompareRequest:
    """What `/audit compare` was asked: an audit, and the one to compare it with when named (else the one before)."""

    audit_id: int
    other_id: int | None = None


def parse_request(text: str) -> CompareRequest | str:
    """`12`, `#12`, `audit 12`, `12 with 9`, `12 and #9`, `12, 9`, `12 9`: the request, or the one message saying
    how to ask. Never raises, whatever is typed (a property test holds it to that), and never repeats the typed
    words, which may hold what the identifier screen would refuse."""
    words = [w for w in re.split(r"[\s,]+", (text or "").lower()) if w and w not in FILLER_WORDS]
    if not words:
        return "Which audit? " + USAGE
    if len(words) == 3 and words[1] in PAIR_WORDS:
        words = [words[0], words[2]]
    if len(words) > 2:
        return USAGE
    ids = [buttons.typed_id(word.lstrip("#")) for word in words]
    if any(number is None for number in ids):
        return "I need audit numbers, such as 12. " + USAGE
    first, *other = [number for number in ids if number is not None]
    if other and other[0] == first:
        return (f"That is audit #{first} twice. Name another audit of the same case (`/audit list case <case "
                f"reference>` lists them), or type `/audit compare {first}` for the one before it.")
    return CompareRequest(first, other[0] if other else None)


@dataclass(frozen=True)
class ChangedAnswer:
    """One question whose answer changed, as the later audit asks it, with both answers as people read them."""

    question: Question
    before: str
    after: str
    direction: Direction
    # "duration" or "total" for an answer that grows with time (Question.growth), never better or worse; with
    # whether each answer was at the question's flag, when it has one (trial 60 F18: "2 → 14 (worse)")
    growth: str = ""
    flagged: tuple[bool, bool] | None = None


@dataclass(frozen=True)
class AnswerComparison:
    """Question by question: what changed, how many kept their answer, and what could not be compared."""

    changed: tuple[ChangedAnswer, ...]
    unchanged: int
    answered_in_neither: int  # asked by both checklists, answered in neither audit (not shown, or skipped)
    not_comparable: int       # asked by only one of the two checklists

    @property
    def compared(self) -> int:
        return len(self.changed) + self.unchanged + self.answered_in_neither


def compare_answers(before: Checklist, before_answers: Mapping[str, Answer], after: Checklist,
                    after_answers: Mapping[str, Answer]) -> AnswerComparison:
    """Compare the answers to every question both checklists ask, in the later checklist's order."""
    earlier = {question.id: question for question in before.questions()}
    later = after.questions()
    shared = [question for question in later if question.id in earlier]
    changed: list[ChangedAnswer] = []
    unchanged = neither = 0
    for question in shared:
        old, new = before_answers.get(question.id), after_answers.get(question.id)
        old_value, new_value = (old.value if old else None), (new.value if new else None)
        share = _shares(Counted(before, before_answers, earlier[question.id]), Counted(after, after_answers, question))
        if share is not None:
            changed += [share] if share.before != share.after or share.direction else []
            unchanged += share.before == share.after and not share.direction
        elif old_value is None and new_value is None:
            neither += 1
        elif old_value == new_value:
            unchanged += 1
        else:
            changed.append(changed_answer(earlier[question.id], old_value, question, new_value))
    not_comparable = len(earlier) + len(later) - 2 * len(shared)
    return AnswerComparison(tuple(changed), unchanged, neither, not_comparable)


@dataclass(frozen=True)
class Counted:
    """One audit's answer to a count question, with its checklist and answers (for the count it is a part of)."""

    checklist: Checklist
    answers: Mapping[str, Answer]
    question: Question

    def share(self) -> tuple[Fraction, str] | None:
        """"1 of 1 (100%)" and its share, for a count that is a part of an answered earlier count (`at_most`); None
        for a plain count, an earlier count of 0 or an answer that is not a number."""
        bound = bound_of(self.checklist, self.answers, self.question)
        given = self.answers.get(self.question.id)
        part = number(given.value) if given is not None else None
        if bound is None or part is None or bound.value <= 0:
            return None
        share = Fraction(part) / Fraction(bound.value)
        return share, f"{format(part, 'f')} of {format(bound.value, 'f')} ({round(share * 100)}%)"


def _shares(was: Counted, now: Counted) -> ChangedAnswer | None:
    """Trial 59 (F4): "1 → 6 (worse)" for 1 of 1 and 6 of 6 late decisions. A count that is a part of an earlier
    count is compared as a share of it: "1 of 1 (100%) → 6 of 6 (100%)", the same; a larger share of a count the
    checklist flags is worse. None when either audit's count is not such a part (compared as before)."""
    before, after = was.share(), now.share()
    if before is None or after is None:
        return None
    direction: Direction = ""
    if before[0] == after[0]:
        direction = "same" if before[1] != after[1] else ""
    elif was.question.flag_at_least is not None and now.question.flag_at_least is not None:
        direction = "worse" if after[0] > before[0] else "better"
    return ChangedAnswer(now.question, before[1], after[1], direction)


def changed_answer(was: Question, old: str | None, now: Question, new: str | None) -> ChangedAnswer:
    """One changed answer, both as people read them, better or worse where the answer has an order; an answer that
    grows with time between audits (weeks in pre-proceedings, plans before this one: Question.growth) is set
    against the question's flag instead, since 11 weeks between audits add 11 weeks whatever the practice."""
    growth = grows_between(was, old, now, new)
    if not growth or old is None or new is None:
        return ChangedAnswer(now, _label(was, old), _label(now, new), answer_direction(was, old, now, new))
    flagged = (was.flags(old), now.flags(new)) \
        if was.flag_at_least is not None and now.flag_at_least is not None else None
    return ChangedAnswer(now, _label(was, old), _label(now, new), "", growth, flagged)


def grows_between(was: Question, old: str | None, now: Question, new: str | None) -> str:
    """'duration' or 'total' when both answers are numbers to a question that grows with time in the later
    checklist (the earlier one may be a snapshot stored before checklists could say so), else ''."""
    if old is None or new is None or was.type != "number" or now.type != "number":
        return ""
    if number(old) is None or number(new) is None:
        return ""
    return now.growth


def answer_direction(was: Question, old: str | None, now: Question, new: str | None) -> Direction:
    """Better or worse, only where the answer has an order: a scale question's grades, a yes/no question whose
    checklist says which answer is a concern (`flag_if`; all but a handful do), and a count flagged at a threshold.
    Not applicable, a missing answer, a question whose type changed, or a yes/no or number the checklist does not
    judge, get no mark rather than a guess."""
    if old is None or new is None or NOT_APPLICABLE in (old, new) or was.type != now.type:
        return ""
    if now.type == "scale" and old in GRADE_ORDER and new in GRADE_ORDER:
        return "better" if GRADE_ORDER.index(new) > GRADE_ORDER.index(old) else "worse"
    if now.type == "yes_no":
        old_concern, new_concern = was.flags(old), now.flags(new)
        if old_concern != new_concern:
            return "worse" if new_concern else "better"
    if now.type == "number" and was.flag_at_least is not None and now.flag_at_least is not None:
        return _count_direction(old, new)
    return ""


def _count_direction(old: str, new: str) -> Direction:
    """A count the checklist flags at a threshold (`flag_at_least`, "decisions not made within a working day"):
    more is worse, fewer better. Trial 35: "1 → 4" got no mark. An answer that is not a number gets none."""
    try:
        before, after = float(old), float(new)
    except ValueError:
        return ""
    return "" if before == after else ("worse" if after > before else "better")


def _label(question: Question, value: str | None) -> str:
    if value is None:
        return NOT_ANSWERED
    return clip(question.answer_label(value), LONG_ANSWER)
