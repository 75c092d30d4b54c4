"""A grade changed at "Why this grade?": `actually RI not good, visits slipped twice`.

Trial 32: a manager pressed Good, then at "Why this grade?" typed `actually RI not good, visits slipped twice`; it
was saved as Good with that line as the evidence. A grade named against the one given ("RI not good": read by
bot.audits.grade_over_other), or named after a correction's lead-in ("actually RI, …", "sorry I meant inadequate -
…", "should be good, …": bot.audits.grade_words), is a change of grade: the new grade is taken, with the rest as its
evidence. Another grade typed on its own (`ri`, `requires improvement`: trial 56, F2, where the flagged-grade hint
said to change it) is the new grade, its evidence asked for again (bot.audits.questions checks it is a grade
question). A note that names no other grade, or only the grade already given, is evidence as before.

Pure: bot.audits.questions reads it at the evidence step.
"""

from __future__ import annotations

import re

from bot.audits.grade_over_other import grade_over_other
from bot.audits.grade_words import read_grade, read_grade_and_note

# The words that say what follows corrects the grade just given; a note starting with a grade name alone
# ("Good visits, but…") is not read as one.
CORRECTION = re.compile(r"^\s*(?:actually|actualy|sorry|oops|correction|no wait|wait|i meant|meant|i mean|"
                        r"change (?:it|that|the grade) to|make (?:it|that)|(?:it |this |that )?should (?:be|have been)|"
                        r"(?:i'?d|i would) (?:say|go with|grade it))\b", re.IGNORECASE)


def changed_grade(text: str, given: str) -> tuple[str, str | None] | None:
    """(new grade, evidence or None) when `text` typed as the note for grade `given` changes the grade instead,
    else None."""
    said = grade_over_other(text)
    if said is None and CORRECTION.match(text or ""):
        said = read_grade_and_note(text, letters=False)
    if said is None or said[0] == given:
        return None
    return said


def grade_alone(text: str, given: str) -> str | None:
    """Another grade typed on its own (`ri`, `requires improvement`) as the note for grade `given`: the new grade
    (trial 56, F2: the flagged-grade hint said to change it, and `ri` was refused as too short a note); else None."""
    alone = read_grade(text)
    return alone if alone is not None and alone != given else None
