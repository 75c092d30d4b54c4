"""A request for a reminder of one's own ("remind me on friday to audit another case", "set a reminder for 3pm"):
said honestly that the bot cannot set one (trial 48, F2).

The trial's manager got the knowledge-base entry "How do I pause reminders while I am on leave?" as a confident answer.
The "personal reminders" out-of-scope topic (knowledge/vocabulary.yaml) says so when the search finds nothing better,
but a confident match on the words "remind" and "friday" came first. A request for a reminder is now read before the
search, whatever its words: the topic's own reply (kept by the QA leads, with its related entry), then what the bot
does send (`my reminders`), how to pause them, and Slack's own `/remind`, which can. Nothing is noted for the QA
leads: it is no gap in the knowledge base. A question about something ("remind me how grading works",
"remind me what the ICPC timescale is") is still the knowledge base's, and asking someone else to be reminded
("remind sw s1 about action 18") is chasing (bot.audits.action_chase), registered earlier.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.asking.feature import knowledge_of, out_of_scope_reply
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine

TOPIC = "personal reminders"  # the out-of-scope topic (knowledge/vocabulary.yaml) whose reply leads

PRIORITY = 28  # after pausing said in words (27), before typed commands and the knowledge base
_ASKING = r"(?:(?:hey|hi|ok|okay|pls|please|can|could|will|would|u|you|bot|just|also)[\s,]+)*"
_QUESTION_WORD = r"(?:how|what|whats|what's|when|whens|where|who|whos|why|which|whether|if|is|are|does|do)\b"
# "remind me on friday to …", "can you remind me tomorrow", "nudge me about it next week", "ping me at 3pm"; never
# "remind me how/what …", a question asked in the polite way
REMIND_ME = re.compile(rf"^\s*{_ASKING}(?:remind|nudge|ping|prompt)\s+(?:me|us)\b(?!\s+{_QUESTION_WORD})",
                       re.IGNORECASE)
# "set a reminder for friday", "can you set me a reminder", "i need a reminder to …", "add a reminder", "put a
# reminder in for monday", "create reminder"
SET_REMINDER = re.compile(rf"^\s*{_ASKING}(?:(?:i|we)\s+(?:need|want|would\s+like|'?d\s+like)\s+|(?:can|could|how\s+do)"
                          r"\s+(?:i|we)\s+)?(?:set|add|make|create|put|schedule|give|get|book)\s+(?:me\s+|us\s+)?(?:up\s+)?"
                          r"(?:a\s+|an\s+|another\s+|some\s+|my\s+(?:own\s+)?)?(?:personal\s+|quick\s+)?reminders?\b"
                          rf"|^\s*{_ASKING}(?:i|we)\s+(?:need|want|would\s+like|'?d\s+like)\s+(?:a\s+|another\s+)?reminders?\b",
                          re.IGNORECASE)
CANNOT_REMIND = "I can't set reminders of your own."  # said when the topic is not in the knowledge base
REMINDERS_SENT = ("The reminders I do send are about your audit work: drafts left unfinished, actions due or overdue, "
                  "moderations waiting, and your monthly audit target. `my reminders` shows what is coming; `pause "
                  "reminders till monday` (or `/audit away until DATE`) pauses them. For a reminder of your own, "
                  "Slack's `/remind` can: `/remind me on friday to …`.")


def asks_for_reminder(text: str) -> bool:
    """Whether the text asks the bot to remind the person of something of their own, or to set them a reminder."""
    said = text.replace("\u2019", "'")
    return REMIND_ME.match(said) is not None or SET_REMINDER.match(said) is not None


def asked(services: Services, text: str) -> list[Reply] | None:
    """What the bot says to a request for a reminder of one's own, in one message (trial 49 F15: two, the second
    going over the first's ground): the "personal reminders" topic's reply with its related entry, then the
    reminders it does send, how to pause them and Slack's `/remind`; None for other text."""
    if not asks_for_reminder(text):
        return None
    live = knowledge_of(services).current
    topic = next((topic for topic in live.kb.out_of_scope.topics if topic.topic == TOPIC), None)
    first = out_of_scope_reply(live, topic) if topic is not None else Reply(text=CANNOT_REMIND)
    return [replace(first, text=f"{first.text}\n\n{REMINDERS_SENT}", note="Nothing was noted for the QA leads.")]


def install(engine: Engine, services: Services) -> None:
    """Register the honest reply to "remind me …", before the knowledge base."""
    engine.add_message_handler(lambda turn, text: asked(services, text), priority=PRIORITY)
