"""A request for something the bot cannot do, worded as a task for it ("email my manager the audit", "book me a room
for a meeting", "can you call my manager"): "I can't do that here", never an unrelated entry (trial 48, F2).

Trial 48: "remind me on friday…" got the entry on pausing reminders as a confident answer (bot.reminders.remind_asked
now answers that). Tasks outside the chat went the same way: `email my manager the audit` got "How do I challenge
another agency's decision?". Such a line is an instruction to the bot (it opens with the task, or with "can you"), not
a practice question, so it is told plainly what the bot cannot do and what it can, as an out-of-scope topic is
(bot.asking.feature.out_of_scope_reply), and nothing is noted for the QA leads. A question about the same things ("can
I email my manager about a case?", "should I call the family") is not claimed: the knowledge base answers it.
"""

from __future__ import annotations

import re

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine

PRIORITY = 29  # after a request for a reminder (28), before typed commands and the knowledge base
_ASKING = r"(?:(?:hey|hi|ok|okay|pls|please|can|could|will|would|u|you|bot|just)[\s,]+)*"
# the task opening the line, then whom or what for: "email my manager", "book me a room", "ring us back", "send an
# email to my manager", "arrange a meeting with"
TASK = re.compile(rf"^\s*{_ASKING}(?:(?:e-?mail|book|ring|phone|call|text|whatsapp)\s+(?:me|my|us|our)\b"
                  r"|(?:send|write|draft)\s+(?:an?\s+)?e-?mail\b|(?:book|arrange|schedule|organise|organize|set\s+up)\s+"
                  r"(?:me\s+|us\s+)?(?:a|an)\s+(?:meeting|room|call|appointment|visit|supervision|session)\b)",
                  re.IGNORECASE)  # a diary or calendar entry is a personal reminder (bot.asking.remind_asked)
CANNOT = ("I can't do that here: I don't send emails, make calls or book anything. In this chat I run case audits, "
          "answer practice and audit questions, and keep track of your actions and reminders; type `help` to see "
          "everything I can do.")


def asks_a_task(text: str) -> bool:
    """Whether the text asks the bot to do something outside the chat: an email, a call, a booking."""
    return TASK.match(text.replace("\u2019", "'")) is not None


def asked(text: str) -> list[Reply] | None:
    """"I can't do that here" for a task outside the chat; None for other text."""
    if not asks_a_task(text):
        return None
    return [Reply(text=CANNOT, note="Nothing was noted for the QA leads.")]


def install(engine: Engine, services: Services) -> None:
    """Register the honest reply to a task the bot cannot do, before the knowledge base."""
    del services  # the same reply for everyone
    engine.add_message_handler(lambda turn, text: asked(text), priority=PRIORITY)
