"""A choice question's option named by its key words at the start of a line, with the note running on after it.

Trial 28 typed `continue plan for now, poss step down after next review` at "Based on the file, what does the child
need now?" and was told to pick an option: the words before the comma hold one ("now") that is in no option, so
bot.audits.choice_note found no option there, and the line as a whole names two (continue, step down). A manager puts
the answer first and goes on with the reason; so the longest start of the line whose words (two or more, little
words aside) are all words of exactly one option is that option, and the rest is its note ("for now, poss step down
after next review"). Tried last, after every other reading of an option, so a line another rule reads is read as
before; a start that negates ("not continue the plan…") holds a word in no label, and so names nothing, and an
option denied straight after it ("step up to strategy discussion not needed, …") is not read either.
"""

from __future__ import annotations

import re

from bot.audits.choice_note import checked_note
from bot.audits.option_words import matching_options, named_words
from knowledge.checklist_schema import Question

_WORD_END = re.compile(r"\S+")
# A note that starts by denying the option (`step up to strategy discussion not needed, …`) is no note on it.
_DENIED = re.compile(r"^(?:not|no|never|isn'?t|wasn'?t|aren'?t|won'?t|don'?t|doesn'?t|unnecessary|unneeded)\b",
                     re.IGNORECASE)
MIN_NAMED = 2  # one word ("continue") may start a sentence about anything; two that are one option's say it


def option_then_note(question: Question, text: str, min_words: int) -> tuple[str, str] | None:
    """(option, note) when a start of `text` names exactly one option by two or more of its words and a note
    follows; None otherwise. A note shorter than `min_words` is refused, saying the option was read."""
    if question.type != "choice":
        return None
    ends = [m.end() for m in _WORD_END.finditer(text)]
    for end in reversed(ends[:-1]):  # the longest start first, always with something after it
        start = text[:end]
        options = matching_options(question.options, start)
        if len(options) != 1 or len(named_words(start)) < MIN_NAMED:
            continue
        named = named_words(start)  # little words at the end of the start are the note's ("… for now")
        end = next(e for e in ends if e <= end and named_words(text[:e]) == named)
        note = " ".join(text[end:].split()).lstrip(",;:-–— ")
        if _DENIED.match(note.replace("’", "'")):
            return None
        return options[0], checked_note(question, options[0], note, min_words)
    return None
