"""Whole commands typed at a new action's "Who owns this action?" (trial 28).

A manager whose sentence had been taken for a new action typed `thats all` at its owner question and was told "I
don't know that person", which read as if the bot had not understood that they were finished. `done`, `that's all`,
`no more actions` (bot.audits.action_fields.finishes) there now say that the action being added needs an owner
first, and how to leave it out instead (`back`, then `done`), as `done` at its due date does (bot.audits.due_step).
Nothing is stored. Pure of Slack: finish.typed calls `command_typed` before reading the line as an owner.
"""

from __future__ import annotations

from bot.audits.action_fields import finishes
from bot.audits.core import Ctx
from bot.errors import UserError


def command_typed(ctx: Ctx, text: str) -> None:
    """UserError saying what is wanted when `text` says the actions are done; nothing for an owner's words."""
    if not finishes(text):
        return
    description = (ctx.audit.state.get("action_draft") or {}).get("description", "")
    raise UserError(f"The action you are adding (“{description}”) needs an owner before the actions are done, so "
                    "nothing is stored yet: pick who owns it, or type `the worker`, `the manager`, `me` or their "
                    "name. To retype it or leave it out, type `back`, then the action again or `done`.")
