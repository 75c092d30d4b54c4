"""Reminders turned back on in words: "turn my reminders back on", "im back, turn reminders on", "resume my reminders"
are `/audit away off` (trial 49, F2).

The trial's manager paused her reminders in words (`stop my reminders until 4/1`, bot.reminders.away_worded) but
turning them back on so got knowledge-base suggestions, and both wordings then sat on the QA leads' list of unanswered
questions; only `away off` worked. A request to turn them on (turn, switch or put them (back) on, resume, restart,
unpause or re-enable them), or "i'm back" (from leave), alone or before such a request, is `away off`, whose reply says
what changed ("Welcome back: reminders are on again.", or "You were not marked away."). A question ("how do I turn
reminders back on?") is not claimed: the knowledge base answers it, as it answers how to pause them.
"""

from __future__ import annotations

import re

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.reminders.feature import away_command

PRIORITY = 27  # as pausing said in words (bot.reminders.away_worded): after typed audit text, before the knowledge base
_POLITE = r"(?:(?:pls|please|can\s+(?:u|you)|could\s+(?:u|you)|will\s+(?:u|you)|ok|okay|right|so|and)\s+)*"
_THEM = r"(?:(?:my|the|all\s+(?:my\s+|the\s+)?)\s*)?(?:daily\s+|audit\s+)?(?:reminders?|notifications?)"
_ON = (rf"(?:turn|switch|put|set)\s+(?:{_THEM}\s+(?:back\s+)?on|(?:back\s+)?on\s+{_THEM})"
       rf"|(?:resume|restart|restore|unpause|un-pause|unmute|un-mute|reactivate|re-activate|re-?enable|enable|start)"
       rf"\s+{_THEM}")
_BACK = (r"(?:i'?m|i\s+am|im)\s+back(?:\s+(?:now|at\s+work|in\s+(?:the\s+)?office|from\s+(?:my\s+|annual\s+|study\s+)?"
         r"(?:leave|a/?l|hols?|holidays?|time\s+off|sick(?:\s+leave)?)))?|back\s+from\s+(?:my\s+|annual\s+)?"
         r"(?:leave|a/?l|hols?|holidays?)")
_END = r"(?:\s+(?:again|now|please|pls|thanks|thank\s+you|asap))*\s*[.!?]*\s*$"
RESUME = re.compile(rf"^\s*(?:(?:{_BACK})\s*[,;.!-]*\s+(?:so\s+|and\s+|now\s+)*)?{_POLITE}(?:{_ON}){_END}"
                    rf"|^\s*(?:hi\s+|hello\s+|morning\s+)?(?:{_BACK}){_END}", re.IGNORECASE)


def asks_to_resume(text: str) -> bool:
    """Whether the text asks for reminders to be on again ("turn my reminders back on", "im back") rather than asks
    how (a question is the knowledge base's)."""
    return RESUME.match(text.replace("\u2019", "'")) is not None


def resumed(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit away off` for reminders turned back on in words; None for other text."""
    return away_command(services, turn, "off") if asks_to_resume(text) else None


def install(engine: Engine, services: Services) -> None:
    """Read reminders turned back on in words as `away off`, before the knowledge base."""
    engine.add_message_handler(lambda turn, text: resumed(services, turn, text), priority=PRIORITY)
