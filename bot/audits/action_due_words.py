"""An action's due date changed in a manager's own words at the actions step (trial 28, HIGH).

A manager typed `actually make 136 due 17/12, im off after that` at "What needs to happen next for the child?"; it was
stored as a NEW action, "actually make 136, im off after that", due 17/12, and the action's owner was told of it. Here
`(actually) make/change/move/set/push (action) N due <date>` (or `move N to <date>`) is read, with any note after the
date (`, im off after that`) left out:

- when N is one of this audit's actions, it runs as `action N due <date>` does (bot.audits.action_edit), said so;
- otherwise nothing is stored and the manager is asked whether they meant an action of this audit (which numbers it
  has), never given a new action made of the sentence.

Only a sentence that is plainly a change of date is read: the word `due` or `action` is in it, or a moving verb
(`move`, `push`, `bring`) with `to`; `change 9` stays a change of answer 9 (bot.audits.questions.CHANGE_WORDS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.audits import action_edit
from bot.audits.action_fields import action_due
from bot.audits.action_removal import numbers_text
from bot.audits.core import Ctx
from bot.audits.flow import AnswerError
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store

_LEAD = r"^\s*(?:(?:actually|sorry|oops|oh|ok|okay|wait|no|also|and|so|pls|please|can\s+you|could\s+you)[\s,.!:-]+)*"
REWORDED = re.compile(
    _LEAD + r"(?P<verb>make|change|move|set|put|push|bring|update|switch)\s+(?:(?:the|my)\s+)?"
    r"(?:(?P<action>action)\s*)?#?(?P<id>\d{1,9})(?:['’]s)?"
    r"(?:\s+(?P<due>(?:due\s+date|deadline|(?:to\s+be\s+)?due(?:\s+(?:on|by|to))?)(?:\s+to)?)"
    r"|\s+(?:back\s+|forward\s+)?(?P<to>to|until|till|til|for))"
    r"\s+(?P<when>.+)$", re.IGNORECASE | re.DOTALL)
_MOVING = frozenset({"move", "push", "bring", "put"})
_NOTE_AFTER = re.compile(r"\s*(?:[,;(]|\s-\s|\s–\s|\s—\s)")
MAX_DATE_WORDS = 5


@dataclass(frozen=True)
class DueChange:
    """A change of an action's due date read from a sentence: the number named and the date's words as typed."""

    action_id: int
    when: str


def parse(services: Services, turn: Turn, text: str) -> DueChange | None:
    """`actually make 136 due 17/12, im off after that` -> DueChange(136, "17/12"); None when the sentence is not
    plainly a change of an action's due date. The date's words are the longest start of what follows that reads as
    a due date; when none does, all of it (up to a note after a comma), so the date's own error is said."""
    found = REWORDED.match(" ".join((text or "").split()))
    if found is None:
        return None
    if not (found.group("due") or found.group("action") or found.group("verb").lower() in _MOVING):
        return None
    clause = _NOTE_AFTER.split(found.group("when"), maxsplit=1)[0].strip(" .!")
    words = clause.split()
    for count in range(min(len(words), MAX_DATE_WORDS), 0, -1):
        try:
            action_due(services, turn, " ".join(words[:count]))
        except AnswerError:
            continue
        return DueChange(int(found.group("id")), " ".join(words[:count]))
    if not found.group("due") or not clause:  # `move 3 to the school`: not a date, so perhaps an action after all
        return None
    return DueChange(int(found.group("id")), clause)


def typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """At the actions step: the change run as `action N due <date>` for one of this audit's actions; UserError
    asking which action was meant for another number; None for any other text."""
    change = parse(services, turn, text)
    if change is None:
        return None
    command = f"action {change.action_id} due {change.when}"
    ids = {a.id for a in action_store.actions_of_audit(services.storage, ctx.audit.id)}
    if change.action_id not in ids:
        example = max(ids) if ids else "<number>"
        raise UserError(f"Did you mean action {change.action_id}? It is not one of audit #{ctx.audit.id}'s actions, "
                        f"so I haven't stored anything. {numbers_text(services, ctx.audit.id, 'change')} To change "
                        f"an action's due date, type `action` and its number, then `due` and the date, like "
                        f"`action {example} due {change.when}`; to add an action, type what needs to happen.")
    replies = action_edit.typed_in_draft(services, turn, ctx, command) or []
    return [Reply(kind="notice", text=f"I've read that as `{command}`."), *replies]
