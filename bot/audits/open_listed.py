"""`open 45` typed under the moderation queue: the audit opened for moderation, as its *Open #45* button does.

Trial 33: the queue's buttons say "Open #45", so a QA lead typed `open 45` and was asked "Did you mean show 45?"
(`open` is a word people use for `show`). Right after `/audit moderate` lists the queue (the list this person last
saw, bot.audits.pages), `open 45`, `open #45` or `open audit 45` is `/audit moderate 45`; anywhere else it is still
read as `show`, which opens nothing for moderation by surprise.
"""

from __future__ import annotations

import re

from bot.audits import moderation
from bot.core.buttons import TYPED_DIGITS
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

OPEN_WORDS = re.compile(rf"^\s*open\s+(?:audit\s+)?#?(?P<id>\d{{1,{TYPED_DIGITS}}})\s*[.!]?\s*$", re.IGNORECASE)


def typed_open(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The moderation of audit N for `open N` typed right after the moderation queue was listed; None otherwise
    (the line goes on to be read as `show N`)."""
    said = OPEN_WORDS.match(text or "")
    if said is None:
        return None
    listing = store.last_listing(services.storage, turn.user_id)
    if listing is None or listing.get("command") != "moderate":
        return None
    return moderation.list_command(services, turn, said.group("id"))
