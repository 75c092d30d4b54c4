"""The case's actions still open from earlier audits, shown at a re-audit's actions step (trial 21).

A re-audit asks whether practice improved, and the last audit's actions are the first thing to check. The step said
"Actions (0 so far)" with no sign of them, and `carry forward action 1 from last audit` became a new action of its
own. An open action stays open on its own audit and is chased until it is marked done, so carrying it forward would
only chase its owner twice: the step lists them, says `done N` closes one the file shows is done, and a request to
carry one forward is told it needs no adding (nothing is stored).
"""

from __future__ import annotations

import re
from datetime import date

from bot.audits.core import Ctx
from bot.core.action_due import due_shown, is_overdue
from bot.core.services import Services
from bot.errors import UserError
from bot.storage import actions as action_store
from bot.storage.actions import ActionRow

SHOWN = 5  # a case audited often may have many; the rest are in `/audit actions team`
# "carry forward action 1", "carry over #1 from the last audit", "bring forward 1", "roll over the open actions",
# "keep action 1 open", "re-add action 1": asked of an earlier audit's action. `carry on visiting`, `bring forward the
# review to 12/1` and `keep the school informed` are ordinary actions: the line must name an action by number, the
# last audit or its open actions.
_CARRY = re.compile(r"^\s*(?:(?:carry|bring|roll|copy|move)\s+(?:it\s+|them\s+|these\s+|those\s+)?"
                    r"(?:forward|over|across)|keep|re-?add|add\s+back)\b(?:\s+#?(?P<bare>\d{1,9})\b)?", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:last|previous|earlier|old|open)\s+(?:audit'?s?\s+)?actions?\b"
                      r"|\b(?:last|previous|earlier|old)\s+audit", re.IGNORECASE)
# "carry forward the rest", "bring over the remaining ones", "roll them all forward" (trial 36 stored the first as a new
# action): the earlier audits' open actions, with no number, after carrying words only (never `keep the rest …`).
_THE_REST = re.compile(r"^\s*(?:please\s+|pls\s+|just\s+)?(?:carry|bring|roll|copy|move)\s+"
                       r"(?:(?:forward|over|across)\s+)?(?:the\s+rest|(?:the\s+)?remaining(?:\s+ones|\s+actions)?|the\s+others|the\s+other\s+ones|"
                       r"(?:them\s+)?all(?:\s+of\s+them)?|them|everything(?:\s+else)?|the\s+lot)"
                       r"(?:\s+(?:forward|over|across))?\s*(?:please|pls|too|as\s+well)?\s*[.!]?\s*$", re.IGNORECASE)
_NUMBERED = re.compile(r"\baction\s*#?(?P<id>\d{1,9})\b|#(?P<hash>\d{1,9})\b", re.IGNORECASE)


def still_open(services: Services, ctx: Ctx) -> list[ActionRow]:
    """The case's open actions from its other submitted audits, soonest due first."""
    return action_store.open_actions_of_case(services.storage, ctx.audit.case_ref, ctx.audit.id)


def text(services: Services, ctx: Ctx, today: date) -> str:
    """The lines for the actions step, or "" when the case has no open action from an earlier audit."""
    actions = still_open(services, ctx)
    if not actions:
        return ""
    lines = "".join(f"\n• Action {a.id} (audit #{a.audit_id}): {a.description} — "
                    f"{services.directory.label(a.owner_id)}, {_due(a, today)}" for a in actions[:SHOWN])
    more = (f"\n…and {len(actions) - SHOWN} more: `/audit actions team` lists them all."
            if len(actions) > SHOWN else "")
    return (f"\n\n**Still open from earlier audits of {ctx.audit.case_ref}**{lines}{more}\nThey stay open and are "
            f"chased until marked done, so there is no need to add them again: if the file shows one is done, type "
            f"`done {actions[0].id}` (with its number).")


def typed(services: Services, ctx: Ctx, text_typed: str) -> None:
    """`carry forward action 1` at the actions step: nothing is stored, and the person is told why (a UserError);
    any other text is left for the step."""
    if not carries(text_typed):
        return
    actions = still_open(services, ctx)
    numbers = [a.id for a in actions]
    named = _named(text_typed)
    if named is not None and named in numbers:
        raise UserError(f"Action {named} stays open on its own audit and is chased until it is marked done, so "
                        f"there is no need to add it here: type `done {named}` once the file shows it is done. Add an "
                        "action here only for something new. Nothing was stored.")
    which = _which(ctx.audit.case_ref, [str(n) for n in numbers])
    named_text = f"Action {named} is not one of them. " if named is not None else ""
    raise UserError(f"{named_text}{which} Type a new action, or `done` when there are no more. Nothing was stored.")


def carries(text_typed: str) -> bool:
    """Whether the line asks to carry an earlier audit's action forward rather than naming a new action."""
    return ((_CARRY.match(text_typed) is not None and (_named(text_typed) is not None
                                                       or _EARLIER.search(text_typed) is not None))
            or _THE_REST.match(text_typed) is not None)


def _named(text_typed: str) -> int | None:
    """The action number the line names: `action 1`, `#1`, or a number straight after the verb (`carry over 1`)."""
    verb = _CARRY.match(text_typed)
    if verb is not None and verb.group("bare"):
        return int(verb.group("bare"))
    found = _NUMBERED.search(text_typed)
    return None if found is None else int(found.group("id") or found.group("hash"))


def _due(action: ActionRow, today: date) -> str:
    due = date.fromisoformat(action.due_date)
    if is_overdue(due, today):
        return f"overdue since {due_shown(action.due_date)}"
    return f"due {due_shown(action.due_date)}"


def _which(case_ref: str, numbers: list[str]) -> str:
    """Which actions are open from earlier audits, read naturally for one (trial 36: "…are numbered 19") or more."""
    if not numbers:
        return f"{case_ref} has no open actions from earlier audits."
    if len(numbers) == 1:
        return (f"The one open action from earlier audits of {case_ref} is action {numbers[0]}: it stays open and is "
                "chased until marked done, so it needs no adding here.")
    listed = f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    return (f"The open ones from earlier audits of {case_ref} are actions {listed}: they stay open and are "
            "chased until marked done, so none needs adding here.")
