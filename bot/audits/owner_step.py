"""Whole commands typed at a new action's "Who owns this action?" (trial 28).

A manager whose sentence had been taken for a new action typed `thats all` at its owner question and was told "I
don't know that person", which read as if the bot had not understood that they were finished. `done`, `that's all`,
`no more actions` (bot.audits.action_fields.finishes) there now say that the action being added needs an owner
first, and how to leave it out instead (`back`, then `done`), as `done` at its due date does (bot.audits.due_step).
Nothing is stored. Pure of Slack: finish.typed calls `command_typed` before reading the line as an owner.

An owner typed (`the worker`, `me`, a name) is said back, as the owner typed with the action is (trial 31: `the
worker` was taken without a word, so who it meant was seen only in the list of actions).
"""

from __future__ import annotations

from bot.audits import action_owners
from bot.audits.action_fields import finishes
from bot.audits.core import Ctx
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import UserError


def command_typed(ctx: Ctx, text: str) -> None:
    """UserError saying what is wanted when `text` says the actions are done; nothing for an owner's words."""
    if not finishes(text):
        return
    description = (ctx.audit.state.get("action_draft") or {}).get("description", "")
    raise UserError(f"The action you are adding (“{description}”) needs an owner before the actions are done, so "
                    "nothing is stored yet: pick who owns it, or type `the worker`, `the manager`, `me` or their "
                    "name. To retype it or leave it out, type `back`, then the action again or `done`.")


def said_back(services: Services, turn: Turn, ctx: Ctx, text: str, shown: list[Reply]) -> list[Reply]:
    """`shown` (what choosing the owner typed as `text` showed) led by who owns the action, "Got it: Social worker N2
    (the case's worker) owns “…”."; as it was when nothing was taken (a second press) or the manager is asked."""
    owner = action_owners.resolve(services, ctx.audit, text, turn.user_id) if shown else None
    if not isinstance(owner, str):
        return shown
    description = (ctx.audit.state.get("action_draft") or {}).get("description", "")
    return [Reply(kind="notice", text=f"Got it: {action_owners.label(services, ctx.audit, owner)} owns "
                                      f"“{description}”."), *shown]
