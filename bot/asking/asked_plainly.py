"""A leader's question as the figure routes read it: lower case, without punctuation or apostrophes, and without the
words people put before or after one ("help - how do i see…", "hi, who is behind", "…please").

Trial 26: `help - how do i see which managers are behind on audits?` reached the knowledge base, as the "help" before
it hid the question's own start from every route that reads a question from its first word.
"""

from __future__ import annotations

import re

from knowledge.smalltalk import normalise

_OPENING = re.compile(r"^(?:(?:help|hi|hiya|hello|hey|morning|good\s+morning|afternoon|good\s+afternoon|ok|okay|so|"
                      r"right|please|pls|quick\s+question|question|q|sorry|"
                      r"can\s+you\s+(?:tell|show)\s+me|tell\s+me|show\s+me|i\s+want\s+to\s+know|"
                      r"i\s+(?:would|d)\s+like\s+to\s+know)\s+)+")
_CLOSING = re.compile(r"(?:\s+(?:please|pls|thanks|thank\s+you|cheers|now|at\s+the\s+moment|right\s+now))+$")


def plainly(text: str) -> str:
    """`text` as the figure routes read it: 'Help - how do I see which managers are behind?' -> 'how do i see which
    managers are behind'."""
    said = normalise(text)
    return _CLOSING.sub("", _OPENING.sub("", said))
