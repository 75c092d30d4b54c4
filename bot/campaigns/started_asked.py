"""Who has not started a campaign's audits, and a nudge for it, asked in words: "who hasnt started the neglect audits
yet", "can you nudge tm south to start the neglect audits".

Trial 35: the first got the knowledge-base entry "What is a themed audit?", the second South's team digest. Both are
about the campaign the words name (as "how is the neglect campaign going" finds it: bot.campaigns.progress_asked), so
both get `/audit campaign N`, its progress by team and auditor. There is no nudge for a campaign beyond the daily
reminders each auditor with cases to do already gets, so the nudge says so and who to message instead.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.campaigns import render
from bot.campaigns.asked import matches
from bot.campaigns.feature import visible
from bot.campaigns.progress_asked import asked_progress
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import campaigns as store

PRIORITY = 26  # before the team questions in words (27), which read "tm south" as South's digest
_AUDITS = r"(?:the\s+|our\s+)?(?P<named>[a-z][a-z' -]*?)\s+(?:campaign\s+)?(?:audits?|cases|campaign)"
NOT_STARTED = re.compile(rf"^(?:who|which\s+(?:auditors?|managers?|teams?|people))\s+(?:hasnt|havent|has\s+not|"
                         rf"have\s+not|hasn\s+t|haven\s+t|is\s+yet\s+to|are\s+yet\s+to)\s+(?:started|start|begun|"
                         rf"begin|done|finished|completed|do)\s+(?:on\s+)?{_AUDITS}(?:\s+yet)?$")
NUDGE = re.compile(rf"^(?:can\s+(?:u|you)\s+|could\s+(?:u|you)\s+|please\s+|pls\s+)?(?:nudge|chase|remind|prod|poke)"
                   rf"\s+(?P<who>.+?)\s+(?:to|about)\s+(?:start|do|begin|finish|complete|get\s+on\s+with|get\s+going"
                   rf"\s+on)?\s*(?:on\s+)?{_AUDITS}$")
VAGUE = frozenset({"their", "my", "the", "our", "his", "her", "these", "those", "all", "all the", "any"})


def asked(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The named campaign's progress (with the word on nudging for a nudge); None for other words, or a campaign
    not named ("who hasnt done their audits" is the auditors' figure)."""
    said = plainly(text or "")
    found = NOT_STARTED.match(said) or NUDGE.match(said)
    if found is None or found.group("named").strip() in VAGUE or engine.commands.get("campaign") is None:
        return None
    named = found.group("named").strip()
    shown = [c for c in store.list_campaigns(services.storage) if visible(services, turn.person, c)]
    if not any(matches(campaign, named) for campaign in shown):  # the words are not said back: they could hold a name
        today = services.local_now().date()
        lines = [f"• {render.campaign_heading(c, today)}: `campaign {c.id}`" for c in shown]
        return [Reply(text="\n".join(["No campaign you can see matches those words. The campaigns:", *lines])
                      if lines else "There is no audit campaign for you to see.")]
    replies = asked_progress(engine, services, turn, f"progress on the {named} campaign")
    if replies is None or "who" not in found.groupdict() or found.group("who") is None:
        return replies
    return [*replies, Reply(kind="notice", text=(
        "I don't send a separate nudge for a campaign: every auditor with campaign cases still to do gets a daily "
        "reminder with their cases until the deadline. The progress above shows who has started; to add a word of "
        "your own, message them directly. `chase 12` nudges the owner of an open action."))]


def install(engine: Engine, services: Services) -> None:
    """Register the campaign words above, before the team questions and the knowledge base."""
    engine.add_message_handler(lambda turn, text: asked(engine, services, turn, text), priority=PRIORITY)
