"""An action of the audit named by its words at the actions step: "the minutes one" (trial 41, MEDIUM 8).

`actually make the minutes one due end of this month` became a new action, "actually make the minutes one". A line
that changes "the X one" (make, change, move, set, push … the X one due/to …) names the audit's open action whose
words hold X: its due date is changed as `action N due <date>` would (bot.audits.action_due_words); when no action or
several hold those words, or what to change can't be read, nothing is stored and the reply says which actions there
are and what to type. Never a new action.
"""

from __future__ import annotations

import re

from bot.audits import action_due_words, action_edit
from bot.audits.action_removal import numbers_text
from bot.audits.core import Ctx
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store

_LEAD = r"^\s*(?:(?:actually|sorry|oops|oh|ok|okay|wait|no|also|and|so|pls|please|can\s+you|could\s+you)[\s,.!:-]+)*"
NAMED = re.compile(
    _LEAD + r"(?P<verb>make|change|move|set|put|push|bring|update|switch|edit)\s+(?P<named>the\s+(?P<words>[a-z]"
    r"[\w'’-]*(?:\s+[a-z][\w'’-]*){0,4}?)\s+(?:one|action))(?P<rest>(?:\s+|['’]s\s+)(?:due|to|by|until|till|til|for|"
    r"back|forward|owner|date|deadline)\b.*|\s*[.!]?)$", re.IGNORECASE | re.DOTALL)
_NOT_WORDS = frozenset({"the", "a", "an", "of", "for", "to", "with", "and", "on", "about"})
_POSITIONAL = frozenset({"last", "new", "that", "this", "latest", "other"})  # bot.audits.action_due_words' own


def _stem(word: str) -> str:
    return word.lower().strip("'’-").removesuffix("s")


def _holds(description: str, words: list[str]) -> bool:
    """Whether every word named is in the action's words ("minutes" in "Share the minute of the meeting")."""
    own = {_stem(word) for word in re.findall(r"[\w'’-]+", description)}
    return all(any(mine.startswith(word) or (word.startswith(mine) and len(mine) > 3) for mine in own)
               for word in words)


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """At the actions step: the change of "the X one", run for the one action whose words hold X; UserError (nothing
    stored) when none, or several, do or the change can't be read; None for any other line."""
    line = " ".join((text or "").split())
    found = NAMED.match(line)
    if found is None:
        return None
    words = [_stem(word) for word in found.group("words").split() if word.lower() not in _NOT_WORDS]
    if not words or words[0] in _POSITIONAL:
        return None
    actions = [a for a in action_store.actions_of_audit(services.storage, ctx.audit.id) if not a.done_at]
    matching = [a for a in actions if _holds(a.description, words)]
    named = found.group("words")
    if not matching:
        raise UserError(f"None of audit #{ctx.audit.id}'s open actions mentions “{named}”, so I haven't stored "
                        f"anything. {numbers_text(services, ctx.audit.id, 'change')} To change one, type `action` and "
                        "its number with the change, like `action 3 due 31/12`; to add an action, type what needs to "
                        "happen.")
    if len(matching) > 1:
        listed = "; ".join(f"action {a.id} (“{a.description}”)" for a in matching)
        raise UserError(f"More than one action mentions “{named}”: {listed}. Which one? Type `action` and its number "
                        f"with the change, like `action {matching[0].id} due 31/12`. Nothing was stored.")
    action = matching[0]
    start, end = found.span("named")
    change = action_due_words.parse(services, turn, f"{line[:start]}{action.id}{line[end:]}", referring=True)
    if change is None:
        raise UserError(f"That reads as a change to action {action.id} (“{action.description}”), but I couldn't read "
                        f"what to change, so I haven't stored anything. To change its due date, type `action "
                        f"{action.id} due <date>`; its owner, `action {action.id} owner <name>`.")
    command = f"action {action.id} due {change.when}"
    replies = action_edit.typed_in_draft(services, turn, ctx, command) or []
    return [Reply(kind="notice", text=f"I've read that as `{command}` (the “{named}” one)."), *replies]
