"""An owner's word that an action isn't theirs (bot.audits.not_mine), said beside the action in `my actions` while it
waits for whoever was told (trial 37: the claim showed nowhere, so the worker could not see it had been passed on).

Here, not in bot.audits, as more_time_said is: the actions are listed by sibling features, which may not import each
other.
"""

from __future__ import annotations

from bot.core.services import Services
from bot.storage import trail
from bot.storage.actions import ActionRow
from knowledge.dates import short_date


def notes_for(services: Services, actions: list[ActionRow]) -> dict[int, str]:
    """"you said it isn't yours on 6 Dec, and Team manager (South) was told", by action, for those of these actions
    whose owner said so and had no *It stays theirs* since (an action given to someone else leaves the list)."""
    said = trail.not_mine_said(services.storage, [action.id for action in actions])
    owners = {action.id: action.owner_id for action in actions}
    notes = {}
    for action_id, row in said.items():
        if row.actor != owners[action_id]:
            continue
        day = short_date(row.at.astimezone(services.settings.timezone).date(), year=False)
        told = f", and {services.directory.label(row.detail['told'])} was told" if row.detail.get("told") else ""
        notes[action_id] = f"you said it isn't yours on {day}{told}"
    return notes
