"""`open 2` typed under an auditor's campaign cases: the second case's Start (or Resume) button pressed.

fix41e: `/audit campaign mine 1` lists the cases with buttons, which the terminal chat numbers (1, 2, …), so an
auditor typed `open 2` and was asked "Did you mean show 2?". Right after that list (the list this person last saw,
bot.storage.audits.remember_listing), `open 2`, `open #2` or `open case 2` starts or resumes the case of the list's
second button, through the same service call as the button (bot.campaigns.service.start), in Slack and the terminal
alike. Anywhere else `open N` is read as it was (`show N`, or a moderation under the moderation queue).
"""

from __future__ import annotations

import re

from bot.campaigns import service
from bot.campaigns.model import not_open_yet
from bot.core.buttons import TYPED_DIGITS
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as audit_store
from bot.storage import campaigns as store

COMMAND = "campaign mine"
OPEN_WORDS = re.compile(rf"^\s*open\s+(?:(?:the\s+)?case\s+)?(?:no\.?\s*|number\s+)?#?(?P<n>\d{{1,{TYPED_DIGITS}}})"
                        r"\s*[.!]?\s*$", re.IGNORECASE)


def remember(services: Services, turn: Turn, campaign_id: int, reply: Reply) -> None:
    """Keep the allocations of the list's buttons, in their order, so `open N` means the Nth button."""
    allocations = [int(choice.value) for choice in reply.choices if choice.action == "campaign.start"]
    audit_store.remember_listing(services.storage, turn.user_id,
                                 {"command": COMMAND, "campaign": campaign_id, "allocations": allocations}, turn.now)


def typed_open(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The Nth listed case started or resumed for `open N` typed right after `/audit campaign mine`; None otherwise."""
    said = OPEN_WORDS.match(text or "")
    if said is None:
        return None
    listing = audit_store.last_listing(services.storage, turn.user_id)
    if listing is None or listing.get("command") != COMMAND:
        return None
    campaign_id = listing.get("campaign")
    kept = [a for a in listing.get("allocations") or [] if isinstance(a, int)]
    n = int(said.group("n"))
    if not kept:
        campaign = store.get_campaign(services.storage, campaign_id) if isinstance(campaign_id, int) else None
        waiting = not_open_yet(campaign, services.local_now().date()) if campaign and campaign.is_open else None
        raise UserError(f"{waiting or 'None of the cases listed has a Start button.'} Nothing was opened; type "
                        f"`/audit campaign mine {campaign_id}` to see your cases again.")
    if not 1 <= n <= len(kept):
        choices = "`open 1`" if len(kept) == 1 else f"`open 1` to `open {len(kept)}`"
        raise UserError(f"There is no case {n} in the list: it has {len(kept)} with a button, so type {choices} "
                        "(the button's place in the list), or `start allocation` and the allocation's number. "
                        "Nothing was opened.")
    allocation = store.get_allocation(services.storage, kept[n - 1])
    if allocation is None:
        raise UserError("That case is no longer part of a campaign. Type `/audit campaign` to see your campaigns.")
    return service.start(services, turn, allocation)
