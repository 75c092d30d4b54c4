"""The moderation queue asked for in words: "what needs moderating", "whats waiting for moderation?", "moderation
queue", "anything for me to moderate", "which audits are awaiting moderation".

Trial 28: a QA lead typed the first three and each time got the knowledge-base entry "What is audit moderation?";
only the bare `moderate` gave the queue. For someone who moderates (`/audit moderate`'s roles), such words are
`/audit moderate`; anyone else still gets the entry, which is what they are asking after.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.core.replies import Reply
from bot.engine.routing import Engine, Turn

PRIORITY = 27  # with the other questions in words, before the knowledge base (90)

_SUBJECT = (r"(?:what|whats|which(?:\s+(?:audits?|cases?|ones?))?|anything|any(?:\s+(?:audits?|cases?|more))?|"
            r"audits?|cases?|how\s+many(?:\s+(?:audits?|cases?))?|is\s+there\s+anything|"
            r"are\s+there\s+any(?:\s+(?:audits?|cases?))?|(?:do|have)\s+i\s+(?:have|got)\s+any(?:thing)?)")
# words that may sit between the subject and "moderat…": small ones, and at least one saying it waits
_FILLER = r"(?:is|are|s|still|i|ive|have|got|there|me|my|the|in|do|does|audits?|cases?|ones?|be|of)"
_WAITING = r"(?:needs?|needing|waiting|awaiting|left|pending|outstanding|ready|due|to|for|queued)"
_MODERATION = r"(?:moderating|moderation|moderated|moderate|moderations)"
_WHEN = r"(?:\s+(?:by\s+me|for\s+me|today|now|this\s+week|at\s+the\s+moment|still))?"
SHAPES = (
    re.compile(rf"^{_SUBJECT}(?:\s+{_FILLER})*(?:\s+{_WAITING})(?:\s+(?:{_FILLER}|{_WAITING}))*\s+{_MODERATION}"
               rf"{_WHEN}$"),
    re.compile(r"^(?:(?:whats\s+(?:in|on)|what\s+is\s+(?:in|on)|show|see|open|check|view|get|go\s+to|"
               r"take\s+me\s+to)\s+)?(?:(?:my|the|our)\s+)?(?:moderation|moderating|moderator)\s+"
               r"(?:queue|list|backlog|pile|inbox|tray|waiting\s+list)$"),
)


def asks_for_queue(text: str) -> bool:
    """Whether `text` asks which audits wait to be moderated, in any of the shapes above (case, punctuation,
    apostrophes and a 'please' aside); 'what is moderation' does not."""
    said = plainly(text)
    return len(said.split()) <= 14 and any(shape.match(said) for shape in SHAPES)


def routed(engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit moderate` for someone who may use it, when the text asks for the queue; None otherwise, so a
    practitioner's question goes on to the knowledge base."""
    command = engine.commands.get("moderate")
    if command is None or not command.allowed(turn.person) or not asks_for_queue(text):
        return None
    return engine.dispatch_command(turn, "moderate", "")


def install(engine: Engine) -> None:
    """Register the queue asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: routed(engine, turn, text), priority=PRIORITY)
