"""What people type to take back what they just did: `undo`, `undo that`, `undo please`, `oops undo` (trial 43).

One owner for the phrase, so every reader agrees on it: an offer that takes `undo` runs its button
(bot.engine.confirmations), a Yes-or-No question waiting takes it as its No, and with nothing to undo the line is
answered by bot.audits.undo_nothing. Such a line is never a question for the knowledge base.
"""

from __future__ import annotations

import re

_LEAD = (r"(?:oops|whoops|oopsie|sorry|oh\s+no|oh|no|wait|hang\s+on|please|pls|plz|can\s+you|could\s+you|can\s+u|"
         r"i\s+want\s+to|i\s+need\s+to|id\s+like\s+to|let\s+me)")
_WHAT = r"(?:that|it|this|the\s+last\s+one|last\s+one|the\s+last\s+thing|last|that\s+last\s+one|what\s+i\s+just\s+did)"
_POLITE = r"(?:please|pls|plz|thanks|thank\s+you|ta|now|again)"
UNDO_PHRASE = re.compile(rf"^(?:{_LEAD}\s+)*undo(?:\s+{_WHAT})?(?:\s+{_POLITE})*$")


def normal(text: str) -> str:
    """A typed line as it is compared: lower case, apostrophes dropped, punctuation and spaces squeezed to one."""
    return " ".join(re.sub(r"[^\w/]+", " ", text.lower().replace("'", "").replace("’", "")).split())


def said_undo(text: str) -> bool:
    """Whether the whole line only asks to undo what was just done ("Undo that!", "oops undo please")."""
    return UNDO_PHRASE.match(normal(text)) is not None
