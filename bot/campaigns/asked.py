"""A campaign's report asked for in words, by the campaign's name or theme: "show me the report for the voice
campaign" (trial 25: it got "I don't know that yet" and went onto the QA unanswered list). One campaign matching runs
`/audit campaign N report` with its checks; several or none are said, with the command for each."""

from __future__ import annotations

import re

from bot.campaigns import render
from bot.core import policy
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.errors import AccessDenied
from bot.storage import campaigns as store

ASKED = re.compile(
    r"^\s*(?:(?:can\s+i\s+(?:see|have)|(?:show|give|send|get)(?:\s+me)?)\s+)?(?:the\s+)?"
    r"(?:report\s+(?:for|on|of|from)\s+(?:the\s+)?(?P<named>.+?)\s+campaign|(?P<before>.+?)\s+campaign(?:['’]?s)?"
    r"\s+report)(?:\s*,?\s*please)?\s*[.!?]*\s*$", re.IGNORECASE)
SMALL_WORDS = frozenset({"the", "of", "a", "an", "and", "on", "for"})


def matches(campaign: store.Campaign, named: str) -> bool:
    """Every word typed (small words aside) is in the campaign's name or theme: `voice` finds "Voice winter"."""
    words = [w for w in re.findall(r"[\w']+", named.casefold()) if w not in SMALL_WORDS]
    said = f"{campaign.name} {campaign.theme}".casefold()
    return bool(words) and all(w in said for w in words)


def asked_report(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The report of the one campaign named, or which campaigns match (none: each campaign, to pick from); None for
    anything else. For QA leads and admins, as `/audit campaign N report` is."""
    asked = ASKED.match(text)
    if asked is None:
        return None
    named = (asked.group("named") or asked.group("before")).strip()
    if named.lower().startswith("campaign") or named.isdigit():
        return None  # "campaign 3 report": the command itself
    if not policy.may_read_campaign_report(turn.person):
        raise AccessDenied("The whole campaign report is for QA leads and admins; `/audit campaign` lists the "
                           "campaigns you can see, with your teams' progress.")
    campaigns = store.list_campaigns(services.storage)
    found = [c for c in campaigns if matches(c, named)]
    if len(found) == 1:
        return engine.dispatch_command(turn, "campaign", f"{found[0].id} report")
    today = services.local_now().date()
    head = (f"{len(found)} campaigns match “{named}”: which report?" if found
            else f"No campaign's name or theme matches “{named}”." + (" The campaigns:" if campaigns else ""))
    lines = [f"• {render.campaign_heading(c, today)}: `campaign {c.id} report`" for c in found or campaigns]
    return [Reply(text="\n".join([head, *lines]))]


def install(engine: Engine, services: Services) -> None:
    """Register the report asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: asked_report(engine, services, turn, text), priority=27)
