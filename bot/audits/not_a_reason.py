"""Lines that are plainly no reason for a grade change: putting it off, or a command in words.

Trial 36: at "Why change audit #131 from Outstanding to Good?" a manager typed `let me check the file first`, and it
was stored as the reason, the grade changed and the worker told; a prompt left from an earlier session took `chase up
action 18` the same way. Putting it off (`let me check the file first`, `hang on`, `later`, or the leaving words of
bot.audits.leaving_words) drops the change, as `pause` does, saying how to make it later; a command typed in words
(`chase up action 18`, `show 131`, `extend 94 to 18/12`) runs as it would anywhere, and the reason is still asked.

Pure: bot.audits.regrade_reason reads it before taking a line as the reason.
"""

from __future__ import annotations

import re

from bot.audits.action_chase import WORDED as CHASE_WORDED
from bot.audits.leaving_words import leaving

_LEAD = r"^\s*(?:(?:ok|okay|oh|sorry|actually|um+|hmm+|right|wait|no)\b[\s,.!-]*)*"
_PUT_OFF = re.compile(
    _LEAD + r"(?:let\s+me\s+(?:check|look|think|see|have\s+a\s+look|get\s+back|come\s+back|ask|find\s+out|speak)"
    r"|(?:i'?ll|ill|i\s+will|i\s+need\s+to|need\s+to|i\s+must|i\s+have\s+to|gotta)\s+"
    r"(?:check|look|think|ask|come\s+back|get\s+back|find\s+out|speak|re-?read)\b"
    r"|(?:hang|hold)\s+on\b|one\s+(?:sec|second|moment|min|minute)\b"
    r"|give\s+me\s+a\s+(?:sec|second|moment|min|minute)\b)",
    re.IGNORECASE)
# Words that put it off only as the whole line: "not sure the plan was ever outstanding" is a reason.
_PUT_OFF_ALONE = re.compile(_LEAD + r"(?:wait|not\s+(?:now|yet|sure)|later|tbc|idk|(?:i\s+)?don'?t\s+know|no\s+idea"
                            r"|(?:i'?m\s+|im\s+)?not\s+sure|checking|(?:i'?m\s+|im\s+)?thinking)"
                            r"(?:\s+(?:yet|now|sorry|thanks))?\s*[.!]*\s*$", re.IGNORECASE)
# A command's verb, then a number within a few words: `chase 18`, `show audit 131`, `extend 94 to 18/12`,
# `mark action 45 done`. A reason names what changed in the audit, not an action's or an audit's number first.
_COMMAND = re.compile(r"^\s*(?:(?:can|could|would|will)\s+(?:you|u)\s+|please\s+|pls\s+)?"
                      r"(?:chase|nudge|remind|extend|done|undo|show|open|view|list|start|resume|edit|redact|moderate"
                      r"|compare|re-?audit|grant|approve|refuse|remove|delete|mark|close)\b(?:\s+\S+){0,3}?\s+#?\d+\b",
                      re.IGNORECASE)


def putting_off(text: str) -> bool:
    """Whether `text` puts the reason off (`let me check the file first`, `hang on`, `got to go`): no reason."""
    said = (text or "").replace("\u2019", "'")
    return leaving(said) or _PUT_OFF.match(said) is not None or _PUT_OFF_ALONE.match(said) is not None


def command_in_words(text: str) -> bool:
    """Whether `text` is a command typed in words (`chase up action 18`, `show 131`), to run, not a reason."""
    said = text or ""
    return CHASE_WORDED.match(said) is not None or _COMMAND.match(said) is not None
