"""`yes as above`, `good - see above`, and `see above` at "Why this grade?": the note given just above, not refused.

Trial 29: a manager going quickly through a full audit typed `yes as above` and `good, see above`, and was told the
note was too short to be evidence (at least three words), as `see above` at "Why this grade?" was asked for a
sentence. "As above" points at evidence already written: the note of the nearest question before this one that has
one. That note is taken, marked "As above: …" so the answer reads on its own wherever it is shown (the review, the
moderator's view, an export), and said back with the answer as any note is. With no note above, nothing is stored
and the auditor is told to write one. A text question's answer may be the words "as above", and is left alone.

Pure, apart from reading the audit it is given: bot.audits.questions stores what it reads.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.audits.core import Ctx
from bot.audits.flow import AnswerError, parse_answer
from bot.core.audit_rules import visible_questions
from knowledge.checklist_schema import Question

MARK = "As above: "
NOTED = frozenset({"yes_no", "scale", "choice"})  # the answers that carry a note ("3 as before" is a count's own words)
_AS_ABOVE = (r"(?:(?:as|see|same\s+as|per)\s+(?:per\s+)?"
             r"(?:above|before|previous(?:ly)?(?:\s+(?:answer|note|question|one))?)|ditto)")
_TAIL = re.compile(rf"^\s*(?P<head>.*?)[\s,.;:\-\u2013\u2014(]*\b{_AS_ABOVE}[\s.!)]*$", re.IGNORECASE | re.DOTALL)


def head(text: str) -> str | None:
    """What comes before an "as above" that ends `text` ("yes" in `yes, as above`; "" for `see above` alone); None
    when `text` does not end with one."""
    found = _TAIL.match(text or "")
    return None if found is None else found.group("head").strip()


def note_above(ctx: Ctx, question_id: str) -> str:
    """The note "as above" means at `question_id`: the nearest earlier question's note, marked as taken from above;
    AnswerError, saying what to do, when no question above has a note."""
    position = ctx.checklist.position(question_id)
    earlier = [q for q in visible_questions(ctx.checklist, ctx.answers) if ctx.checklist.position(q.id) < position]
    for question in reversed(earlier):
        answer = ctx.answers.get(question.id)
        if answer is not None and answer.evidence:
            return answer.evidence if answer.evidence.startswith(MARK) else MARK + answer.evidence
    raise AnswerError("“As above” points at the note of an earlier answer, but no answer above this one has a note, so "
                      "nothing was saved. Write a few words on what you saw on the file instead.")


def answer(ctx: Ctx, question: Question, text: str, today: dt.date | None = None) -> tuple[str, str] | None:
    """(the answer, the note above) for `yes as above`, `RI see above`, `2 - as above`; None when `text` is not an
    answer followed by "as above", or the question's answers carry no note (a text answer may be "as above")."""
    said = head(text)
    if not said or question.type not in NOTED:
        return None
    try:
        value = parse_answer(question, said, today)
    except AnswerError:
        return None
    return value, note_above(ctx, question.id)
