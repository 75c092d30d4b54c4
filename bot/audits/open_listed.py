"""`open 45` typed under the moderation queue: the audit opened for moderation, as its *Open #45* button does.

Trial 33: the queue's buttons say "Open #45", so a QA lead typed `open 45` and was asked "Did you mean show 45?"
(`open` is a word people use for `show`). Right after `/audit moderate` lists the queue (the list this person last
saw, bot.engine.pages, with its buttons the options last shown), `open 45`, `open #45` or `open audit 45` is `/audit
moderate 45`; anywhere else it never opens a moderation by surprise (bot.campaigns.open_listed reads it).
"""

from __future__ import annotations

import re

from bot.audits import moderation
from bot.core.buttons import TYPED_DIGITS
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store
from bot.storage import shown_options

OPEN = "audit.moderate_open"  # the queue's *Open #45*
OPEN_WORDS = re.compile(rf"^\s*open\s+(?:audit\s+)?#?(?P<id>\d{{1,{TYPED_DIGITS}}})\s*[.!]?\s*$", re.IGNORECASE)


def typed_open(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The moderation of audit N for `open N` typed right after the moderation queue was listed; None otherwise
    (the line goes on to be read as `show N`)."""
    said = OPEN_WORDS.match(text or "")
    if said is None or not queue_shown(services, turn.user_id):
        return None
    return moderation.list_command(services, turn, said.group("id"))


def queue_shown(services: Services, user_id: str) -> bool:
    """Whether the moderation queue is the list last shown to this person: listed last, and its *Open #45* buttons
    the options last shown (trial 43: `home` shown since, `open 9` opened audit 9's moderation, not Home's option 9)."""
    listing = store.last_listing(services.storage, user_id)
    return listing is not None and listing.get("command") == "moderate" and \
        any(action == OPEN for _label, action, _value in shown_options.last(services.storage, user_id))
