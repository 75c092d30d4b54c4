"""How a message names an action: its number with its words and its case, never the number alone.

Action numbers count across the whole service (a team with 4 actions sees "action 150"), so a number on its own
tells a worker or a manager nothing about which child's case it is. The numbers stay as they are (`done 150`,
`extend 150 …` take them); every message naming one also gives what it says and where it came from (trial 43).
Here, in bot.core, because the actions are named by sibling features (bot.audits, bot.digests, bot.reminders),
which may not import each other.
"""

from __future__ import annotations

from bot.core.markup import audit_and_case
from bot.storage.actions import ActionRow


def action_named(action: ActionRow, capital: bool = False) -> str:
    """"action 150 (_Arrange the statutory visit_, audit #12, CR-123456)"; "Action 150 (…)" to open a sentence."""
    word = "Action" if capital else "action"
    return f"{word} {action.id} (_{action.description}_, {audit_and_case(action.audit_id, action.case_ref)})"
