"""Paged lists, one way for every list that pages: `page N` at the end of the command, and `more` typed next.

`/audit list`, `/audit actions`, `/audit moderate` and `/audit reminders` (trial 60 F14) read `page N` here, keep the
page they showed for `more` (bot.storage.audits.remember_listing, under the command's name) and say how to see the
next page the same way; bot.audits.list_pages shows the next page of whichever list was kept. `/audit reaudits` reads
`page N` here too, and all five refuse a page past the end in the same words (no_such_page).
"""

from __future__ import annotations

from bot.core.replies import count_of
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import audits as store

MAX_PAGE = 10_000


def page_of(words: list[str]) -> tuple[list[str], int]:
    """The words before a trailing `page N`, and N (1 when not given)."""
    if len(words) >= 2 and words[-2].lower() == "page" and words[-1].isdigit() and int(words[-1]) >= 1:
        return words[:-2], min(int(words[-1]), MAX_PAGE)
    return words, 1


def next_page_command(command: str, words: list[str], page: int) -> str:
    """The slash command for the page after `page`, as it is shown: `/audit actions team page 3`."""
    return f"`/audit {' '.join([command, *words, 'page', str(page + 1)])}`"


def no_such_page(page: int, what: str, total: int, per_page: int, command: str, words: list[str]) -> UserError:
    """The one refusal of a page past a list's end, for every list that pages: how many pages `what` fills, and
    the command for the first page (`/audit actions team page 4` when the team's actions fill 3)."""
    first = f"`/audit {' '.join([command, *words])}`"
    return UserError(f"There is no page {page}: {what} fill {count_of(-(-total // per_page), 'page')} of {per_page}. "
                     f"Type {first} for the first.")


def more_hint(services: Services, turn: Turn, command: str) -> str:
    """How to see the next page. `more` is offered only while the bot waits for nothing else from this person:
    inside an audit, `more` typed at a step that takes text is that step's answer (Agree / Disagree takes none)."""
    if store.conversation(services.storage, turn.user_id).get("awaiting") not in (None, "moderation_decision"):
        return command
    if turn.surface in ("dm", "terminal"):
        return f"type `more`, or {command}"
    return f"{command} (or `more` in your messages with me)"


def remember(services: Services, turn: Turn, command: str, words: list[str], page: int, last_page: bool) -> None:
    """Keep which list (`list`, `actions` or `moderate`, with its own words) and page this person just saw, for
    `more`."""
    store.remember_listing(services.storage, turn.user_id,
                           {"command": command, "words": words, "page": page, "last": last_page}, turn.now)
