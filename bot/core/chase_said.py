"""A chase held until the working morning, in words: "chase held until 08:00 Mon 7 Dec" beside the action in
`my actions`, `actions team` and on the audit's card, and "08:00 on Monday 7 December" in the chaser's replies.

Here, not in bot.audits, because the actions are listed by sibling features that may not import each other (as
bot.core.more_time_said). The chased owner is not shown it: the point of holding it is that it reaches them in
working hours.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.action_named import action_named
from bot.core.replies import Reply
from bot.core.services import Services
from bot.storage import held_chases
from bot.storage.actions import ActionRow, get_action


def morning(services: Services, moment: datetime) -> str:
    """'08:00 on Monday 7 December': when a held chase reaches its owner, as the chaser is told."""
    local = moment.astimezone(services.settings.timezone)
    return f"{local:%H:%M on %A} {local.day} {local:%B}"


def short_morning(services: Services, moment: datetime) -> str:
    """'08:00 Mon 7 Dec', for a list's line."""
    local = moment.astimezone(services.settings.timezone)
    return f"{local:%H:%M %a} {local.day} {local:%b}"


def notes_for(services: Services, actions: list[ActionRow], viewer: str) -> dict[int, str]:
    """"chase held until 08:00 Mon 7 Dec (Team manager (North))" for each open action with a chase waiting, except
    for its owner."""
    shown = [action.id for action in actions if not action.done_at and action.owner_id != viewer]
    by = services.directory.label
    return {action_id: f"chase held until {short_morning(services, held.send_at)}"
                       + ("" if held.chased_by == viewer else f" ({by(held.chased_by)})")
            for action_id, held in held_chases.waiting(services.storage, shown).items()}


def merged(services: Services, actions: list[ActionRow], viewer: str, notes: dict[int, str]) -> dict[int, str]:
    """`notes` (more time asked, bot.core.more_time_said) with each held chase's note added: one line per action."""
    held = notes_for(services, actions, viewer)
    return {action_id: "; ".join(said for said in (notes.get(action_id), held.get(action_id)) if said)
            for action_id in {*notes, *held}}


def yours_waiting(services: Services, viewer: str) -> list[Reply]:
    """Under `my actions`: the chases the viewer has waiting (on others' actions, so in no list of their own), with
    how to take one back; nothing when there are none."""
    lines = []
    for held in held_chases.held_by(services.storage, viewer):
        action = get_action(services.storage, held.action_id)
        if action is not None and not action.done_at:
            lines.append(f"• {action_named(action, capital=True)}, {services.directory.label(action.owner_id)}'s: "
                         f"chase held until {short_morning(services, held.send_at)}; `withdraw chase {action.id}` "
                         "takes it back")
    return [Reply(text="\n".join(["**Your chases waiting for the working morning**", *lines]))] if lines else []
