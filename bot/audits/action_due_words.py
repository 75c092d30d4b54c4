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

Trial 32: right after adding an action, `actually make that one due fri 18th` was stored as a new action, "actually
make that one", and its owner asked. "that one", "that action", "it", "the last one" (`make that one due …`, `move
it to …`) and "the date" (`change the date to …`, `move the deadline to fri`) name the audit's last action, read as
its number would be, with any verb so long as a date follows; with no action yet, nothing is stored and that is said.
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
# "make that one due", "move it to", "change the date to": the audit's last action, without its number.
_THAT = re.compile(_LEAD + r"(?:make|change|move|set|put|push|bring|update|switch)\s+(?P<that>(?:that|this|the\s+last|"
                   r"the\s+new|the)\s+(?:one|action)|it|that)\s+(?=(?:due|to|until|till|for|back|forward)\b)",
                   re.IGNORECASE)
_THE_DATE = re.compile(_LEAD + r"(?:make|change|move|set|push|bring|update|put)\s+(?P<that>(?:the|its|it['’]?s|that|"
                       r"(?:the\s+)?(?:last\s+)?action['’]?s)\s+(?:due\s+)?(?:date|deadline)(?:\s+(?:to|for))?)\s",
                       re.IGNORECASE)
_MOVING = frozenset({"move", "push", "bring", "put"})
_NOTE_AFTER = re.compile(r"\s*(?:[,;(]|\s-\s|\s–\s|\s—\s)")
MAX_DATE_WORDS = 5


@dataclass(frozen=True)
class DueChange:
    """A change of an action's due date read from a sentence: the number named and the date's words as typed."""

    action_id: int
    when: str


def parse(services: Services, turn: Turn, text: str, referring: bool = False) -> DueChange | None:
    """`actually make 136 due 17/12, im off after that` -> DueChange(136, "17/12"); None when the sentence is not
    plainly a change of an action's due date. The date's words are the longest start of what follows that reads as
    a due date; when none does, all of it (up to a note after a comma), so the date's own error is said. With
    `referring` (the number stood for "that one") any verb reads, as the sentence named an action already."""
    found = REWORDED.match(" ".join((text or "").split()))
    if found is None:
        return None
    if not (found.group("due") or found.group("action") or found.group("verb").lower() in _MOVING or referring):
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
    change = parse(services, turn, text) or _that_one(services, turn, ctx, text)
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


def _that_one(services: Services, turn: Turn, ctx: Ctx, text: str) -> DueChange | None:
    """`make that one due fri 18th`, `move it to 18/12`, `change the date to fri`: the change for the audit's last
    action, its number put where the words named it; UserError when the audit has no action yet."""
    found = _THAT.match(text) or _THE_DATE.match(text)
    if found is None:
        return None
    ids = [a.id for a in action_store.actions_of_audit(services.storage, ctx.audit.id)]
    number = f"{max(ids)}" if ids else "0"
    start, end = found.span("that")
    numbered = f"{text[:start]}{number}{' due' if found.re is _THE_DATE else ''}{text[end:]}"
    change = parse(services, turn, numbered, referring=True)
    if change is not None and not ids:
        raise UserError(f"Audit #{ctx.audit.id} has no action yet, so there is no due date to change and I haven't "
                        "stored anything. Type what needs to happen to add an action; its due date is asked next.")
    return change
