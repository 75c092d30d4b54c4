"""`more` typed after `/audit list`: the next page of that same list.

In a user trial `more` typed under a paged list was taken for a knowledge question, answered "I don't know that
yet" and put on the QA leads' unanswered list. `/audit list` keeps which list and page it showed
(bot.storage.audits.remember_listing); typed `more`, `more please`, `next page`, `show more` or `older ones` shows
the next page. When there is no list to go on with, or the last page was shown, one message says so and how to
list; either way it is never a question.

The handler runs after the audit and moderation conversations (see `install` in bot.audits.feature), so `more`
typed where an audit waits for a typed answer is that answer, as `home` is.
"""

from __future__ import annotations

import re

from bot.audits import readback
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store

MORE_WORDS = re.compile(r"^\s*(?:(?:show |see |list )?more(?: audits)?|next(?: page)?|older(?: ones)?)"
                        r"(?:,? please)?\s*[.!]?\s*$", re.IGNORECASE)
HOW_TO_LIST = ("`/audit list` lists the audits you can read, 10 a page (`mine`, `team` or `case CR-123456` narrow "
               "it); type `more` after it for the next page.")


def is_more(text: str) -> bool:
    """Whether typed text asks for the next page of a list."""
    return MORE_WORDS.match(text or "") is not None


def _kept_page(listing: dict[str, object] | None) -> tuple[list[str], int, bool] | None:
    """(the list's own words such as `team` or `case CR-123456`, the page shown, whether it was the last) as kept;
    None when nothing is kept or the kept row is not one `more` can use."""
    if listing is None:
        return None
    words, page = listing.get("words"), listing.get("page")
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        return None
    if not isinstance(page, int) or isinstance(page, bool) or page < 1:
        return None
    return words, page, bool(listing.get("last"))


def typed_more(services: Services, turn: Turn, text: str) -> list[Reply] | None:
    """The next page of the list this person last saw, a clear message when there is none, or None when the text
    is not asking for more."""
    if not is_more(text):
        return None
    kept = _kept_page(store.last_listing(services.storage, turn.user_id))
    if kept is None:
        return [Reply(kind="notice", text="There is no list to show more of. " + HOW_TO_LIST)]
    words, page, last = kept
    if last:
        named = f"`/audit list{''.join(' ' + word for word in words)}`"
        return [Reply(kind="notice", text=f"That was the last page of {named}: there are no more. " + HOW_TO_LIST)]
    return readback.list_command(services, turn, " ".join([*words, "page", str(page + 1)]))
