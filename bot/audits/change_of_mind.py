"""A change of mind typed at the worker step of a new audit: `actually no, leave that for the TM`, `leave it`, `not
now`, `never mind`.

Trial 35: `re-audit cr667874`, then `actually no, leave that for the TM` at "Whose case is it?" was "I don't know that
person", and the draft stayed, marking the re-audit as under way. Such words are never a worker's name, so they are
read as the start of a change of mind: the existing cancel question is asked (Yes, cancel / No, keep it), with a line
saying why. Leaving words (`leave it for now`, `got to go`) still pause (bot.audits.leaving_words, read first).

Pure reading here; bot.audits.conversation asks the question (bot.audits.start.cancel).
"""

from __future__ import annotations

import re

_OPENING = r"^\s*(?:(?:actually|oh|hmm+|wait|sorry|um+|ah|ok|okay)\b[\s,.!:;-]*)*"
_MIND = re.compile(_OPENING + r"(?:no|nah|nope|not\s+now|not\s+yet|never\s*mind|nvm|forget\s+(?:it|that|this)"
                   r"|scrap\s+(?:it|that|this)|leave\s+(?:it|that|this)|don'?t\s+bother|changed\s+my\s+mind"
                   r"|change\s+of\s+plan)\b", re.IGNORECASE)


def changed_mind(text: str) -> bool:
    """Whether `text` at the worker step takes back starting the audit, rather than naming whose case it is."""
    return bool(_MIND.match((text or "").replace("\u2019", "'")))


def said_why(audit_id: int) -> str:
    """The line before the cancel question, so the auditor sees their words were not taken as a worker."""
    return (f"That sounds like a change of mind, so I haven't taken it as the worker. Cancel audit #{audit_id} if you "
            "don't want it, or keep it and pick the worker.")
