"""`the worker` typed at an audit's "Whose case is it?" (trial 28).

A manager typed `the worker` with one worker offered and was told "I don't know that person", though `the worker`
names an action's owner at the actions step (bot.audits.action_owners.WORKER_WORDS). Here the same words (`the
worker`, `the social worker`, `sw`, `the case worker`) are the one worker offered to this auditor, when exactly one
is; with several offered, which is not ours to guess, so the auditor is told to pick one of them, by name.
"""

from __future__ import annotations

from bot.audits.action_owners import WORKER_WORDS
from bot.audits.core import worker_candidates
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.settings.people import folded_name

MOST_NAMED = 4  # workers named in the message asking which; the buttons offer them all


def worker_meant(services: Services, turn: Turn, text: str) -> str | None:
    """The member ID of the one worker offered when `text` is `the worker` (or its like); None for other text.
    UserError, naming the workers offered, when several are."""
    said = " ".join(text.strip().rstrip(".!").casefold().split())
    if WORKER_WORDS.fullmatch(said) is None:
        return None
    offered = [uid for uid in worker_candidates(services, turn.user_id) if uid != turn.user_id]
    if any(folded_name(services.directory.label(uid)).startswith(folded_name(said)) for uid in offered):
        return None  # `social worker`, the start of their names: asked which as any start of a name is
    if len(offered) == 1:
        return offered[0]
    if not offered:
        raise UserError("There is no worker I can offer you to pick from. Type the worker's name as I write it, or "
                        "their Slack member ID (like U0ABC123).")
    names = [f"`{services.directory.label(uid)}`" for uid in offered[:MOST_NAMED]]
    more = " or another" if len(offered) > MOST_NAMED else ""
    raise UserError(f"You can audit the cases of {len(offered)} workers, so “{text.strip()}” could be any of them. "
                    f"Pick one of them from the buttons, or type their name as I write it, like "
                    f"{', '.join(names[:-1])} or {names[-1]}{more}.")
