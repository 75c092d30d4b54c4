"""A count typed with a note after it: `2 (one was day 5, one never offered)`, `all 3`, `none, not offered`.

Trial 32 typed these at "How many …?" questions and was told "Please type a number", and the note was lost, though a
yes/no, a grade or an option takes its note the same way. A leading count (a number, a count in words, "all 3",
"both", "none") is the answer; the rest, after a comma, a dash, a colon or in brackets, is its note.
"""

from __future__ import annotations

import re

from bot.audits.flow import AnswerError, counted, parse_number, parse_text
from bot.audits.hedged_answers import note_long_enough, note_refused
from bot.audits.note_labels import without_label
from knowledge.checklist_schema import Question

_ALL = re.compile(r"^(?:all|all\s+of(?:\s+the)?|every\s+one\s+of)\s+(?=\S)", re.IGNORECASE)
_BOTH = re.compile(r"^(?:both|both\s+of\s+them)$", re.IGNORECASE)
_BREAK = re.compile(r"\s*(?:\(|[,;:]|\s[-–—]+|\.\s)\s*")


def _count(question: Question, head: str) -> str | None:
    """The stored count `head` says ("all 3": 3, "both": 2, "none": 0), or None when it says none."""
    said = _ALL.sub("", " ".join(head.split()))
    if _BOTH.match(said):
        said = "2"
    try:
        return counted(parse_number(said), question.decimals)
    except AnswerError:
        return None


def number_with_note(question: Question, text: str) -> tuple[str, str | None] | None:
    """The count and the note after it (None for "all 3" alone), or None when the text does not start with a count.
    A note shorter than MIN_NOTE_WORDS is refused, saying the count was read."""
    said = text.strip()
    if (alone := _count(question, said)) is not None:
        return alone, None
    starts = [(m.start(), m.end()) for m in _BREAK.finditer(said) if m.start() > 0]
    if (first := re.match(r"\S+", said)) is not None:
        starts.append((first.end(), first.end()))
    for head_end, note_start in sorted(starts, key=lambda start: (start[0], -start[1])):  # a break before a space
        value = _count(question, said[:head_end])
        note = said[note_start:].strip().strip("()").strip()
        if value is not None and note:
            return value, _checked(value, note)
    return None


def _checked(value: str, note: str) -> str:
    if not note_long_enough(note):
        raise AnswerError(f"I read **{value}**, but the note after it is {note_refused(note)}, so nothing was "
                          f"saved. To answer without a note, type just "
                          f"`{value}`; to add one, write a few words on what you saw on the file after it, like "
                          f"`{value} (one was seen late)`.")
    return parse_text(without_label(" ".join(note.split()), "evidence"), "evidence note")
