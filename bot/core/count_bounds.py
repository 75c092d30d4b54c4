"""Counts that are a part of an earlier count, as pure rules: no more contacts can be late than were sampled.

A checklist marks such a question `at_most: <question id>` (knowledge.checklist_schema). The audit conversation
refuses a larger answer (bot.audits.count_bound), and `submission_breaks` (bot.core.audit_rules) holds invented demo
audits to it, so no digest counts "5 of 2 contacts" as a theme (trial 30).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from knowledge.checklist_schema import Answer, Checklist, Question

# "How many contacts did you sample?" → "You sampled 2 contacts"; other counts are named by their question
_SAMPLED = re.compile(r"^how many (?P<what>.+?) did you sample\b", re.IGNORECASE)


@dataclass(frozen=True)
class Bound:
    """The earlier count a count is a part of, and what it was answered."""

    question: Question
    value: Decimal

    def said(self) -> str:
        """"You sampled 2 contacts" or "You answered 2 to “How many times …?”", for the messages."""
        shown = format(self.value, "f")
        found = _SAMPLED.match(self.question.text)
        if found is not None:
            what = found.group("what")
            return f"You sampled {shown} {_one(what) if self.value == 1 else what}"
        return f"You answered {shown} to “{self.question.text}”"

    def type_one(self) -> str:
        """What to type instead: "Type a number from 0 to 2." ("Type 0." when nothing was sampled)."""
        return "Type 0." if self.value == 0 else f"Type a number from 0 to {format(self.value, 'f')}."


def number(value: str) -> Decimal | None:
    """A stored number answer as a number; None for anything else."""
    try:
        return Decimal(value)
    except (InvalidOperation, ValueError):
        return None


def _one(what: str) -> str:
    """"contacts" → "contact", "section 47 enquiries" → "section 47 enquiry" (not "enquirie", trial 33)."""
    if what.endswith("ies"):
        return what[:-3] + "y"
    return what[:-1] if what.endswith("s") else what


def bound_of(checklist: Checklist, answers: Mapping[str, Answer], question: Question) -> Bound | None:
    """The answered earlier count `question` may not exceed, or None (no `at_most`, or that count not answered)."""
    if not question.at_most:
        return None
    try:
        earlier = checklist.question(question.at_most)
    except KeyError:
        return None
    given = answers.get(earlier.id)
    value = number(given.value) if given is not None else None
    return Bound(earlier, value) if value is not None else None


def over_bound(checklist: Checklist, answers: Mapping[str, Answer]) -> list[Question]:
    """The answered counts larger than the count they are a part of, in question order."""
    found = []
    for question in checklist.questions():
        bound = bound_of(checklist, answers, question)
        given = number(answers[question.id].value) if question.id in answers else None
        if bound is not None and given is not None and given > bound.value:
            found.append(question)
    return found
