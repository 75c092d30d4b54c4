"""Catch-up questions: "what did i miss last week", "back from leave what have i missed", "catch me up", "anything i
need to do today", "whats on my plate".

Trial 41: the South manager got the missing-children entry for the first two ("miss"), "What is audit moderation?"
for "catch me up", and "anything i need to do today" went onto the QA leads' list. Each asks after the person's own
picture, not practice: what `/audit reminders` and `/audit home` show them, in that order (what is due or overdue
first, then their drafts, actions and teams' figures). Never a knowledge-base entry, never noted for the QA leads.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.core.replies import Reply
from bot.engine.routing import Engine, Turn

PRIORITY = 27  # after an audit or a moderation waiting for typed text; before the shortcuts' "whats on my plate"

# "back from leave", "just back off holiday", "im back from annual leave and": said before the question, or alone
_BACK = (r"(?:(?:i\s+am\s+|im\s+|just\s+)*back\s+(?:from|off)\s+(?:my\s+)?(?:annual\s+|sick\s+|maternity\s+)?"
         r"(?:leave|holiday|hols|holidays|training|a\s+course|being\s+off|sick)(?:\s+(?:today|now))?\s*(?:and\s+|so\s+)?)")
_WHEN = (r"(?:\s+(?:(?:last|this)\s+week|today|yesterday|this\s+morning|over\s+the\s+weekend|recently|lately"
         r"|while\s+i\s+(?:was|have\s+been|ve\s+been)\s+(?:away|off|out|on\s+leave)|since\s+\w+(?:\s+\w+)?))?")
_ASKED = (
    # "what did i miss (last week)", "what have i missed", "did i miss anything", "anything i missed"
    rf"(?:what\s+(?:did\s+i|have\s+i|ive|i\s+have)\s+miss(?:ed)?|did\s+i\s+miss\s+anything|anything\s+i\s+"
    rf"(?:missed|need\s+to\s+know(?:\s+about)?)|what\s+(?:has\s+|s\s+|)(?:happened|changed|been\s+happening)){_WHEN}",
    # "catch me up", "can you catch me up on things", "bring me up to speed"
    r"(?:(?:can|could)\s+(?:you|u)\s+)?(?:catch\s+me\s+up|bring\s+me\s+up\s+to\s+speed|get\s+me\s+up\s+to\s+speed)"
    r"(?:\s+on\s+(?:things|everything|what\s+i\s+missed|what\s+ive\s+missed))?",
    # "anything i need to do today", "what do i need to do this week", "is there anything i need to do"
    rf"(?:is\s+there\s+)?(?:anything|what|what\s+else)\s+(?:do\s+)?i\s+(?:need|have|ve\s+got|got)\s+to\s+"
    rf"(?:do|deal\s+with|look\s+at|sort(?:\s+out)?){_WHEN}",
    rf"(?:is\s+there\s+)?anything\s+(?:for\s+me\s+)?(?:to\s+do|due|waiting(?:\s+for\s+me)?){_WHEN}",
    # "whats on my plate (today)", "whats on for me this week", "what have i got on today"
    rf"(?:whats|what\s+is)\s+on\s+(?:my\s+plate|for\s+me){_WHEN}",
    r"what\s+(?:have\s+i\s+got|do\s+i\s+have|ive\s+got)\s+on\s+(?:today|this\s+week|tomorrow)",
)
ASKED = re.compile(rf"^{_BACK}?(?:{'|'.join(_ASKED)})$|^{_BACK}$")


def asks_catch_up(text: str) -> bool:
    """Whether `text` asks after the person's own picture rather than practice ('catch me up', 'what did i miss')."""
    said = plainly(text)
    return bool(said) and ASKED.match(said) is not None


def routed(engine: Engine, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit reminders` then `/audit home` for a catch-up question; None for anything else."""
    if not asks_catch_up(text):
        return None
    return [*engine.dispatch_command(turn, "reminders", ""), *engine.dispatch_command(turn, "home", "")]


def install(engine: Engine) -> None:
    """Read catch-up questions before the knowledge base (and the shortcuts' 'whats on my plate': actions only)."""
    engine.add_message_handler(lambda turn, text: routed(engine, turn, text), priority=PRIORITY)
