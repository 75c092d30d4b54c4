"""One of a choice question's options typed with a note after it: `still continuing, core groups not happening`.

Trial 26 typed that at "Is there evidence of drift or delay in the child protection plan?" and was told "Please pick
one of the options", though the words before the comma name one option (Delay that is still continuing) as plainly
as they would alone, and a yes/no or a grade takes its note the same way ("no, core groups lapsed"). The words before
a break (a comma, a colon, a semicolon, a dash) that name exactly one option are the answer, the rest is its note;
the longest such start wins, so an option with a comma in it ("Some delay, now resolved") is read whole.
"""

from __future__ import annotations

import re

from bot.audits.flow import AnswerError, parse_text
from bot.audits.hedged_answers import MIN_NOTE_WORDS, note_long_enough, note_refused, vague_note
from bot.audits.note_labels import without_label
from bot.audits.option_words import matching_options
from knowledge.checklist_schema import Question

_BREAK = re.compile(r"\s*(?:[,;:]|\s[-–—]+|[-–—]+\s|\.\s)\s*")


def option_with_note(question: Question, text: str, min_words: int) -> tuple[str, str] | None:
    """The option and the note after it, or None when no start of `text` before a break names exactly one option.
    A note shorter than `min_words` is refused, as after a yes or a no, saying the option was read."""
    breaks = [m for m in _BREAK.finditer(text) if text[:m.start()].strip() and text[m.end():].strip()]
    for found in reversed(breaks):  # the longest start first
        options = matching_options(question.options, text[:found.start()])
        if len(options) != 1:
            continue
        note = " ".join(text[found.end():].split())
        return options[0], checked_note(question, options[0], note, min_words)
    return None


def checked_note(question: Question, option: str, note: str, min_words: int) -> str:
    """The note typed after `option`, as stored; AnswerError, saying the option was read, when it is shorter than
    `min_words` (also for bot.audits.option_start)."""
    short = len(note.split()) < min_words and not (min_words == MIN_NOTE_WORDS and note_long_enough(note))
    if short or vague_note(note):  # `ok i guess` is refused as vague however many words it has (trial 48)
        number = question.options.index(option) + 1
        why = note_refused(note) if vague_note(note) else f"too short to be evidence (at least {min_words} words)"
        raise AnswerError(f"I read **{option}**, but the note after it is {why}, so nothing was saved. To answer "
                          f"without a note, type just "
                          f"`{number}`; to add one, write a few words on what you saw on the file after it, like "
                          f"`{number}, core groups have not met since October`.")
    return parse_text(without_label(note, "evidence"), "evidence note")
