"""The audit's own words, typed at any step: back, skip, pause and cancel, read by one reader wherever the audit flow
reads them (bot.audits.conversation).

Trial 30 typed `cancel this audit` at a number question and was told "Please type a number": only `cancel` (and
`cancel audit`) were read. Cancelling in the words people use is read too; it is still asked to be confirmed.
"""

from __future__ import annotations

import re

CONTROL_WORDS = {"back": "back", "skip": "skip", "pause": "pause", "cancel": "cancel", "cancel audit": "cancel"}
# "cancel this audit", "cancel the audit", "stop this audit", "abandon it", "abandon the audit", "scrap this audit"
_CANCEL = re.compile(r"^(?:please\s+)?(?:cancel|stop|abandon|scrap|bin)\s+(?:this|the|my|it)(?:\s+(?:audit|one))?"
                     r"(?:\s+please)?$|^(?:cancel|abandon)\s+audit$", re.IGNORECASE)


def control_word(text: str) -> str | None:
    """"back", "skip", "pause" or "cancel" for a line that is only that word (or cancelling in words: `cancel this
    audit`, `stop this audit`, `abandon it`), else None. Ending punctuation is dropped (`cancel.`, `pause!`)."""
    words = " ".join((text or "").lower().split()).rstrip(".! ")
    if words in CONTROL_WORDS:
        return CONTROL_WORDS[words]
    return "cancel" if _CANCEL.match(words) else None
