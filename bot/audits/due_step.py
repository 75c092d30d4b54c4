"""Whole commands typed at an audit's "When is it due?" (trial 17, F3).

At the due date of a new action a manager typed `action 2 due 23/12`, the way the actions step tells them to change
one, and `done`; both were refused as dates ("I could not read 'action 2 due 23/12' as a date"). Here:

- `action N due <date>` for an open action of the audit changes that one, as at the actions step, and the due date
  is asked again; for a number no open action has, it is the action being added (which gets its number once it is
  added), so its date is this action's due date, said so, and the action is added;
- `action N owner …` runs as at the actions step (an open action's owner changes; another number is told which
  actions there are);
- `done`, `next`, `no more actions`: the action being added still needs its due date, said plainly with how to drop
  it instead, never "I could not read 'done' as a date".

Pure of Slack: finish.typed calls `command_typed` before reading the line as a date.
"""

from __future__ import annotations

from bot.audits import action_edit
from bot.audits.action_fields import finishes
from bot.audits.core import Ctx
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError
from bot.storage import actions as action_store


def command_typed(services: Services, turn: Turn, ctx: Ctx, text: str) -> list[Reply] | None:
    """What a whole command typed at the due date does (see the module), or None when the line is to be read as the
    due date itself (`for_this_action` then gives the date's words)."""
    edit = action_edit.parse(text)
    if edit is not None and (edit.field != "due" or edit.action_id in _open_ids(services, ctx) or not edit.value):
        return action_edit.typed_in_draft(services, turn, ctx, text)
    if edit is None and finishes(text):
        description = (ctx.audit.state.get("action_draft") or {}).get("description", "")
        raise UserError(f"The action you are adding (“{description}”) needs its due date before the actions are "
                        "done, so nothing is stored yet: type the date, like 18/12 or in two weeks. To leave it out, "
                        "type `back` twice, then `done`.")
    return None


def for_this_action(services: Services, ctx: Ctx, text: str) -> tuple[str, list[Reply]]:
    """The due date's words in `text`, and what to say first: `action 2 due 23/12` typed for the action being added
    (no open action has that number) is `23/12`, and it is said that the date is taken for this action."""
    edit = action_edit.parse(text)
    if edit is None or edit.field != "due" or edit.action_id in _open_ids(services, ctx) or not edit.value:
        return text, []
    said = Reply(kind="notice", text=f"Action {edit.action_id} is not added yet, so I've taken {edit.value} as the "
                                     "due date of the action you are adding.")
    return edit.value, [said]


def _open_ids(services: Services, ctx: Ctx) -> set[int]:
    return {a.id for a in action_store.actions_of_audit(services.storage, ctx.audit.id) if not a.done_at}
