"""A changed note typed after its answer's word: `/audit edit 137 note 3 no - analysis doesnt say …` (trial 28).

The manager wrote the answer first, as at the question itself (`no - …`), and the note was stored as "no - analysis
doesnt say …". The answer is not what `edit … note` changes (`change 3` does that), so a leading answer word that
is the answer on file (a yes or no before a mark, `no - `, `yes, `; a grade before one, `RI, `) is left out of the
note; any other word is the note's own, kept as typed.
"""

from __future__ import annotations

from bot.audits.flow import AnswerError
from bot.audits.questions import YES_NO_WITH_NOTE, answer_with_note
from knowledge.checklist_schema import Question


def without_answer_word(question: Question, value: str, note: str) -> str:
    """`note` without a leading word that gives `value`, the answer on file, and the mark after it, read as an answer
    with its note is at the question (bot.audits.questions.answer_with_note); a `no` run into the note's words (`no
    plan on file`) is the note's own."""
    if question.type == "yes_no" and YES_NO_WITH_NOTE.match(note) is None:
        return note
    try:
        said = answer_with_note(question, note)
    except AnswerError:
        return note  # a note too short after the word: read as typed, as before
    return said[1] if said is not None and said[0] == value and said[1] else note
