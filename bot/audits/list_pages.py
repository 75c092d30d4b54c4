"""`more` typed after `/audit list`, `/audit actions`, `/audit moderate` or `/audit reminders`: the next page of that
same list.

In a user trial `more` typed under a paged list was taken for a knowledge question, answered "I don't know that
yet" and put on the QA leads' unanswered list; later `more` under the moderation queue said there was no list. The
paged commands keep which list and page they showed (bot.engine.pages); typed `more`, `more please`, `next page`,
`show more` or `older ones` shows the next page. When there is no list to go on with, or the last page was shown,
one message says so and how to list; either way it is never a question.

The handler runs after the audit and moderation conversations (see `install` in bot.audits.feature), so `more`
typed where an audit waits for a typed answer is that answer, as `home` is.
"""

from __future__ import annotations

import re
from collections.abc import Container

from bot.audits import actions, moderation, readback
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store

MORE_WORDS = re.compile(r"^\s*(?:(?:show |see |list )?more(?: audits)?|next(?: page)?|older(?: ones)?)"
                        r"(?:,? please)?\s*[.!]?\s*$", re.IGNORECASE)
HOW_TO_LIST = ("`/audit list` lists the audits you can read, 10 a page (`mine`, `team` or `case CR-123456` narrow "
               "it); type `more` after it for the next page.")
HOW_TO_LIST_ACTIONS = (f"`/audit actions` lists your open actions, {actions.SHOWN} a page (`team` your teams'); type "
                       "`more` after it for the next page.")
HOW_TO_MODERATE = (f"`/audit moderate` lists the audits waiting for your moderation, {moderation.SHOWN} a page; type "
                   "`more` after it for the next page.")
# The lists `more` can go on with: what shows a page of each, and how to list it again.
PAGED = {"list": (readback.list_command, HOW_TO_LIST), "actions": (actions.list_command, HOW_TO_LIST_ACTIONS),
         "moderate": (moderation.list_command, HOW_TO_MODERATE)}


def is_more(text: str) -> bool:
    """Whether typed text asks for the next page of a list."""
    return MORE_WORDS.match(text or "") is not None


def _kept_page(listing: dict[str, object] | None, others: Container[str] = ()
               ) -> tuple[str, list[str], int, bool] | None:
    """(the command, a key of PAGED; its own words such as `team` or `case CR-123456`; the page shown; whether
    it was the last) as kept; None when nothing is kept or the kept row is not one `more` can use. A row kept
    before lists other than `/audit list` paged has no command: it is `/audit list`'s."""
    if listing is None:
        return None
    command, words, page = listing.get("command", "list"), listing.get("words"), listing.get("page")
    if not isinstance(command, str) or (command not in PAGED and command not in others):
        return None
    if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
        return None
    if not isinstance(page, int) or isinstance(page, bool) or page < 1:
        return None
    return command, words, page, bool(listing.get("last"))


def typed_more(services: Services, turn: Turn, text: str, engine: Engine | None = None) -> list[Reply] | None:
    """The next page of the list this person last saw, a clear message when there is none, or None when the text
    is not asking for more. A list another feature pages the same way (`/audit reminders`, trial 60 F14) is run
    as its command through the engine, which knows it."""
    if not is_more(text):
        return None
    others = engine.commands if engine is not None else ()
    kept = _kept_page(store.last_listing(services.storage, turn.user_id), others)
    if kept is None:
        return [Reply(kind="notice", text="There is no list to show more of. " + HOW_TO_LIST)]
    command, words, page, last = kept
    named = f"`/audit {' '.join([command, *words])}`"
    if last:
        how_to = PAGED[command][1] if command in PAGED else f"{named} shows it again."
        return [Reply(kind="notice", text=f"That was the last page of {named}: there are no more. " + how_to)]
    more = " ".join([*words, "page", str(page + 1)])
    if command in PAGED:
        return PAGED[command][0](services, turn, more)
    return engine.dispatch_command(turn, command, more) if engine is not None else None
