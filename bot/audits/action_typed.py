"""An action's line as typed, with its owner and due date in it, read the same way wherever an action is typed.

At an audit's actions step (bot.audits.finish) an owner typed first (`me - raise drift with …`, bot.audits.owner_first)
or last (`chase health - sw s1 by 18/12`, bot.audits.owner_last, a label such as `owner me` too) leaves the action's
text, as does a due date at its end (bot.audits.action_fields.due_in_text). Trial 27 found a moderator's first action
(bot.audits.inadequate_action) kept "- sw s1" in its text and asked the owner anyway: both now read a line here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.audits import owner_first, owner_last
from bot.audits.action_fields import action_due, due_in_text, due_not_a_day
from bot.audits.flow import AnswerError
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage.audits import AuditRow


@dataclass(frozen=True)
class ActionTyped:
    """What a typed action line holds: its text without the owner or due date, the owner as typed (None when not
    given) and the due date (the words typed and the day; None when not given)."""

    description: str
    owner: str | None
    due_typed: str | None = None
    due: date | None = None


def read(services: Services, turn: Turn, audit: AuditRow, text: str) -> ActionTyped:
    """The action's text, owner and due date from one line: the owner first, then a due date at its end, then an
    owner left at the end (`… sw s1 by 18/12/2026`)."""
    first = owner_first.split(services, audit, text)
    description = first[1] if first else text
    due = due_in_text(services, turn, description)
    if due is None and (why := due_not_a_day(services, turn, description)) is not None:
        raise UserError(why)  # `ring dad by the 31st` in November: said once, nothing stored
    if due is not None:
        description = due[0]
    last = owner_last.split(services, audit, description) if first is None else None
    if last is not None:
        description = last[1]
    owner = first[0] if first else last[0] if last else None
    if owner is None and due is None and (between := _owner_then_due(services, turn, audit, description)) is not None:
        return between
    return ActionTyped(description, owner, due[1] if due else None, due[2] if due else None)


def _owner_then_due(services: Services, turn: Turn, audit: AuditRow, text: str) -> ActionTyped | None:
    """`update the risk assessment - the worker, 2 weeks`: the owner before a last comma and a due date after it, a
    bare count of days or weeks read as from today (trial 32 kept "- the worker, 2 weeks" in the text and asked both);
    None when either is not there. A dash set apart does as the comma (`… - S1 - 25/12`, trial 63 F8)."""
    for mark in (",", " - ", " – ", " — "):
        head, comma, tail = text.rpartition(mark)
        when = tail.strip(" .!")
        last = owner_last.split(services, audit, head.strip()) if comma and when else None
        if last is None:
            continue
        for said in (when, f"in {when}"):
            try:
                return ActionTyped(last[1], last[0], when, action_due(services, turn, said))
            except AnswerError:
                continue
    return None
