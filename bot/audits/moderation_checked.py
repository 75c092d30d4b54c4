"""The decision a moderator's check before saving was asked about (bot.audits.moderation_alert, the alert;
bot.audits.moderation_concern, a Good over an immediate concern), read back when its button is pressed.

Each check holds the decision in the moderator's conversation and puts a token on its buttons naming that decision
(a hash of the fields it holds), so a button from an earlier question saves nothing: both checks read it the same
way, so the reading is here once (fix41d: `duplicates` found the two `held` the same).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from bot.core import buttons
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.errors import StaleAction
from bot.storage import audits as store

BUTTON_HINT = "type `/audit moderate` to carry on with the moderation you hold"


def token(data: Mapping[str, Any], fields: tuple[str, ...]) -> str:
    """A short token naming the decision held (its `fields`), put on the check's buttons."""
    said = json.dumps([data.get(k) for k in fields])
    return hashlib.sha256(said.encode()).hexdigest()[:12]


def held(services: Services, turn: Turn, value: str, state: str, fields: tuple[str, ...],
         stale: str) -> dict[str, Any]:
    """The decision a check's button (`value`: "<audit>:<token>") was asked about, while the conversation still
    waits at `state` on it; StaleAction (saying `stale`) for an older question, or another audit's."""
    audit_id, said = buttons.id_and_key(value, BUTTON_HINT)
    data = store.conversation(services.storage, turn.user_id)
    if data.get("awaiting") != state or data.get("audit_id") != audit_id or token(data, fields) != said:
        raise StaleAction(stale)
    return dict(data)
