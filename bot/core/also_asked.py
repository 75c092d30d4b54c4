"""The other questions in a line that also held a command (trial 43, finding 7).

"sorry loads of questions - which of my actions are overdue, how do i do a good chronology, and can i get more time
on 34 till the 20th cos of the conference" asked for more time, and the two questions before it were dropped without a
word. A line is split where a new question or request starts (after "?", ";", a dash between spaces, a new line, or a
comma or "and" before a question's first words: ", how do i", " and can i"); the command runs from its own part, and
one line names the parts not done and how to ask them. Only one thing is done a message: several answers at once
would bury the one acted on. Pure: no Slack, no storage.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# The first words of a question or a request: what starts a new part after a comma or "and".
_OPENERS = (r"(?:how|what|which|when|where|who|whom|whose|why|can|could|may|should|shall|would|will|do|does|did|is|"
            r"are|was|were|have|has|i\s+need|i\s+want|i(?:['\u2019]d|\s+would)\s+like|please|pls|tell\s+me|show\s+me)")
_SPLIT = re.compile(rf"\s*(?:[?;\n]+|\s[-\u2013\u2014]+\s|,?\s*\b(?:and|also|plus|then)\s+(?:also\s+)?(?={_OPENERS}\b)"
                    rf"|,\s*(?=(?:and\s+|also\s+)?{_OPENERS}\b))\s*", re.IGNORECASE)
_QUESTION = re.compile(rf"^\s*(?:and\s+|also\s+|so\s+)?{_OPENERS}\b", re.IGNORECASE)
# What leads a message and asks nothing: "sorry loads of questions", "hi", "quick one", "thanks".
_PREAMBLE = re.compile(r"^\s*(?:(?:sorry|hi|hiya|hello|hey|morning|afternoon|ok|okay|right|thanks|thank\s+you|ta|"
                       r"quick\s+(?:one|question)|a\s+few\s+things?)\b[^?]*|[^?]*\b(?:questions|things)\b\s*:?)\s*$",
                       re.IGNORECASE)


_SPACES = re.compile(r"[^\S\n]+")  # a run of spaces or tabs (not a new line, which splits)


def parts(text: str) -> list[str]:
    """The line split where a new question or request starts, each part trimmed of its punctuation; empty parts
    are left out. Runs of spaces are made one first: `_SPLIT` tried at every space of a long run goes over the rest
    of it each time (20,000 spaces typed after `compare 1` took minutes once every line was split)."""
    text = _SPACES.sub(" ", text or "")
    return [part for piece in _SPLIT.split(text) if (part := piece.strip(" ,.!:-\u2013\u2014"))]


# What follows a request and asks nothing of its own: "is that ok", "would that be alright", "can you".
_COURTESY = re.compile(r"^\s*(?:(?:and\s+)?(?:is|would|will|does|do)\s+(?:that|this|it|you)\s+(?:be\s+)?(?:ok|okay|"
                       r"alright|all\s+right|fine|possible|mind|agree)|(?:can|could|would)\s+you|please|pls|thanks?(?:\s+you)?"
                       r"|ta|cheers)\b[\s\w]{0,12}$", re.IGNORECASE)


def is_preamble(part: str) -> bool:
    """Whether a part only leads the message ("sorry loads of questions", "hi") or follows a request ("is that ok"),
    and asks nothing of its own."""
    return bool(_COURTESY.match(part)) or (bool(_PREAMBLE.match(part)) and not _QUESTION.match(part))


def others(text: str, used: Callable[[str], bool]) -> list[str]:
    """The parts of a line holding several that are questions or requests the command did not use (`used` says
    whether a part belongs to the command); none when the line is one part."""
    pieces = parts(text)
    if len(pieces) < 2:
        return []
    return [part for part in pieces if not used(part) and not is_preamble(part) and _QUESTION.match(part)]


def kept(text: str, used: Callable[[str], bool]) -> str:
    """The line with the other questions (`others`) and its preamble left out: what the command reads (the reason
    for more time is then never "which of my actions are overdue")."""
    left = set(others(text, used))
    if not left:
        return text
    return ", ".join(part for part in parts(text) if part not in left and not is_preamble(part))


def line(asked: list[str], passes: Callable[[str], bool]) -> str:
    """'You also asked “which of my actions are overdue” and “how do i do a good chronology”: send each on its own
    line and I'll answer it.' A part the privacy screen finds something in is never quoted back ("another
    question")."""
    quoted = [f"\u201c{part}\u201d" if passes(part) else "another question" for part in asked]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" and {quoted[-1]}"
    each = "send each on its own line" if len(asked) > 1 else "send it on its own line"
    return f"You also asked {listed}: {each} and I'll answer it."
