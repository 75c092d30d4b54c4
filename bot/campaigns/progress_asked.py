"""A campaign's progress asked for in words, by its name or theme: "how is the voice of the child campaign going?",
"progress on the voice campaign", "how far along is the neglect campaign", "voice campaign progress".

Trial 28: a QA lead's first two got "I don't know that yet" and went onto the unanswered list. One campaign matching
(every word typed in its name or theme, as the report asked for in words matches: bot.campaigns.asked) runs
`/audit campaign N` with its checks, which shows each person what they may see of it; several or none are said, with
the command for each of the campaigns they may see.
"""

from __future__ import annotations

import re

from bot.asking.asked_plainly import plainly
from bot.campaigns import render
from bot.campaigns.asked import matches
from bot.campaigns.feature import visible
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import campaigns as store

PRIORITY = 27  # with the other campaign words, before the knowledge base (90)
_GOING = r"(?:going|doing|getting\s+on|coming\s+along|progressing|looking|shaping\s+up)"
_CAMPAIGN = (r"(?:the\s+|our\s+)?(?:(?P<named>[\w' -]+?)\s+(?:audit\s+)?campaign|"
             r"campaign\s+(?:no\s+|number\s+)?#?(?P<number>\d{1,9}))")
SHAPES = (
    re.compile(rf"^(?:how\s+(?:is|s)|hows|how\s+far\s+along\s+is|how\s+far\s+is)\s+{_CAMPAIGN}(?:\s+{_GOING})?"
               rf"(?:\s+so\s+far)?$"),
    re.compile(rf"^(?:whats\s+the\s+|what\s+is\s+the\s+|show(?:\s+me)?\s+(?:the\s+)?|any\s+|an?\s+)?"
               rf"(?:progress|update|status)\s+(?:on|of|for|with)\s+{_CAMPAIGN}(?:\s+so\s+far)?$"),
    re.compile(rf"^(?:show(?:\s+me)?\s+)?{_CAMPAIGN}(?:s)?\s+(?:progress|status|update)(?:\s+so\s+far)?$"),
    re.compile(rf"^where\s+(?:are\s+we|is\s+it|are\s+things)\s+(?:up\s+to\s+)?(?:with|on)\s+{_CAMPAIGN}$"),
)


def named_in(text: str) -> str | None:
    """The words naming the campaign a question about its progress asks after ('voice of the child'), or None."""
    said = plainly(text)
    for shape in SHAPES:
        found = shape.match(said)
        if found is not None:
            named = (found.group("named") or found.group("number")).strip()
            return None if named in {"my", "this", "that", "a", "the"} else named
    return None


def asked_progress(engine: Engine, services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """`/audit campaign N` for the one campaign named that the person may see; which match, or which they may see,
    otherwise; None for anything else."""
    named = named_in(text)
    if named is None:
        return None
    if named.isdigit():  # "how is campaign 1 going"
        return engine.dispatch_command(turn, "campaign", named)
    shown = [c for c in store.list_campaigns(services.storage) if visible(services, turn.person, c)]
    found = [c for c in shown if matches(c, named)]
    if len(found) == 1:
        return engine.dispatch_command(turn, "campaign", str(found[0].id))
    today = services.local_now().date()
    if not shown:
        return [Reply(text=f"There is no audit campaign for you to see, so none called “{named}”.")]
    head = (f"{len(found)} campaigns match “{named}”: which one?" if found
            else f"No campaign you can see has “{named}” in its name or theme. The campaigns:")
    lines = [f"• {render.campaign_heading(c, today)}: `campaign {c.id}`" for c in found or shown]
    return [Reply(text="\n".join([head, *lines]))]


def install(engine: Engine, services: Services) -> None:
    """Register a campaign's progress asked for in words, before the knowledge base answers."""
    engine.add_message_handler(lambda turn, text: asked_progress(engine, services, turn, text), priority=PRIORITY)
