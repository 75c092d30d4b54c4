"""What the auditor is told when they try to change an audit that has been moderated.

The lifecycle's rules refuse the change (`lifecycle.Moderated`) from the audit alone. Whether the auditor has already
answered the moderation is on the moderation, so every Slack entry point of the audits feature (commands, buttons,
typed text: bot.audits.feature) words the refusal again here: until they respond it says how (a moderation gets one
response), and once they have it says when they did, never inviting a second one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bot.audits import lifecycle, moderation_hold
from bot.core.services import Services
from bot.errors import UserError
from bot.storage import readback as readback_store
from bot.storage.common import parse_utc

T = TypeVar("T")


def refusal(services: Services, audit_id: int) -> UserError:
    """The refusal for a moderated audit, saying whether and when its auditor answered the moderation."""
    moderation = readback_store.latest_moderation(services.storage, audit_id)
    if moderation is None or moderation.get("response") is None or not moderation.get("responded_at"):
        return lifecycle.Moderated(audit_id)
    how = "accepted it" if moderation["response"] == "accepted" else "replied to it"
    day = moderation_hold.day(services, parse_utc(moderation["responded_at"]))
    respond = f" and your response to the moderation (you {how} on {day})"
    return UserError(lifecycle.MODERATED.format(audit_id=audit_id, respond=respond))


def worded(services: Services, work: Callable[[], T]) -> T:
    """Run `work`; a refusal because the audit is moderated is worded with the auditor's response, if any."""
    try:
        return work()
    except lifecycle.Moderated as moderated:
        raise refusal(services, moderated.audit_id) from None
