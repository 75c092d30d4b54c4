"""A count typed with a note after it: `2 (one was day 5, one never offered)`, `all 3`, `none, not offered`.

Trial 32 typed these at "How many …?" questions and was told "Please type a number", and the note was lost, though a
yes/no, a grade or an option takes its note the same way. A leading count (a number, a count in words, "all 3",
"both", "none") is the answer; the rest, after a comma, a dash, a colon or in brackets, is its note.

Trial 56 (F7): `n, 3 placement moves in 12 months, no stability meeting held` was refused (note lost), while
`plan for permanence in place but 3 moves with no stability meeting` was read as 3 with its note dropped. A stray
`n,` or `no,` before a count is set aside (the count leads); a line holding exactly one number is that number with
the whole line as its note, said back as a yes/no answer's note is.

Trial 57 (F5): `no moves this year and the carers have support …` was read as 0 with "moves this year and …" as its
note, which says the opposite. A count in words followed by a space only (`no moves …`, `three visits …`) is a
sentence: the whole line is its note; only a leading answer word with a comma or a dash (`none, not offered`) is
taken off.
"""

from __future__ import annotations

import re

from bot.audits.flow import A_NUMBER, BOUND_BEFORE, AnswerError, counted, parse_number, parse_text
from bot.audits.hedged_answers import note_long_enough, note_refused
from bot.audits.note_labels import without_label
from knowledge.checklist_schema import Question

_ALL = re.compile(r"^(?:all|all\s+of(?:\s+the)?|every\s+one\s+of)\s+(?=\S)", re.IGNORECASE)
_BOTH = re.compile(r"^(?:both|both\s+of\s+them)$", re.IGNORECASE)
_BREAK = re.compile(r"\s*(?:\(|[,;:]|\s[-–—]+|\.\s)\s*")
_STRAY_NO = re.compile(r"^(?:(?:n|no|nope)\s*[,;:.\-–—]+\s*|n\s+)(?=\d)", re.IGNORECASE)  # `n, 3 moves`


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
    said = _STRAY_NO.sub("", text.strip())
    if (alone := _count(question, said)) is not None:
        return alone, None
    starts = [(m.start(), m.end()) for m in _BREAK.finditer(said) if m.start() > 0]
    if (first := re.match(r"\S+", said)) is not None:
        starts.append((first.end(), first.end()))
    for head_end, note_start in sorted(starts, key=lambda start: (start[0], -start[1])):  # a break before a space
        value = _count(question, said[:head_end])
        note = _note_after(said, head_end, note_start)
        if value is not None and note:
            return value, _checked(value, note)
    return _one_in_line(question, said)


def _note_after(said: str, head_end: int, note_start: int) -> str:
    """The note after a count: the rest after a comma, a dash or a bracket (`none, not offered`); after a word count
    and a space only, the whole line, as a sentence (trial 57 F5: `no moves this year and …` was said back as
    "moves this year and …", the opposite)."""
    if head_end == note_start and not any(ch.isdigit() for ch in said[:head_end]):
        return said
    return said[note_start:].strip().strip("()").strip()


def numbers_in(text: str) -> list[str]:
    """Every number written in digits in `text` (not a date's or a range's parts), in order."""
    return [found.group(0) for found in A_NUMBER.finditer(text or "")]


def _one_in_line(question: Question, text: str) -> tuple[str, str] | None:
    """The one number a line holds, with the whole line as its note (`plan in place, but 3 moves …`); None when it
    holds none or more than one, a bound (`more than 3`) or too few words to be a note."""
    found = list(A_NUMBER.finditer(text))
    if len(found) != 1 or BOUND_BEFORE.search(text[:found[0].start()]) or not _worded(text):
        return None
    try:
        value = counted(parse_number(found[0].group(0)), question.decimals)
    except AnswerError:
        return None
    return value, parse_text(without_label(" ".join(text.split()), "evidence"), "evidence note")


def _worded(text: str) -> bool:
    """Whether the words round a line's number are enough to be a note (`all 3` is not)."""
    return note_long_enough(A_NUMBER.sub(" ", text))


def sentence_note(question: Question, text: str) -> str | None:
    """The note a number read from a sentence goes with: the whole line (`plan in place but 3 moves with no
    stability meeting` is 3, noted so), never lost; None for a count alone (`3`, `about 14 months`) or a line with
    too few words to be evidence."""
    if question.type != "number" or len(numbers_in(text)) != 1 or not _worded(text):
        return None
    if _count(question, text) is not None:  # `all 3`, `all of the 3`: the count alone
        return None
    try:
        parse_number(text)
    except AnswerError:
        return parse_text(without_label(" ".join(text.split()), "evidence"), "evidence note")
    return None


def _checked(value: str, note: str) -> str:
    if not note_long_enough(note):
        raise AnswerError(f"I read **{value}**, but the note after it is {note_refused(note)}, so nothing was "
                          f"saved. To answer without a note, type just "
                          f"`{value}`; to add one, write a few words on what you saw on the file after it, like "
                          f"`{value} (one was seen late)`.")
    return parse_text(without_label(" ".join(note.split()), "evidence"), "evidence note")
