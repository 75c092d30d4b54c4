"""A moderation waiting at its alert check says it is not saved, above whatever else the moderator does meanwhile.

A moderator's Inadequate is held at "This sends an urgent alert now to <names>. Send it?" (bot.audits.moderation_alert)
until `send` or `no`; nothing is saved before. Trial 52 (F15): the head of service typed `home` at that question and
Home came with its options numbered from 3), the question still open above it and nothing said; the moderation was
never saved, so the agreement rate did not move. So any other command, message or button while the check waits is led
by one line (`Engine.add_turn_watch`), and the Home tab (Block Kit, and `home` typed) carries the same line at its top.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.audits import moderation_alert
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine, Turn
from bot.storage import audits as store


def line(audit_id: int) -> str:
    """The one line: which moderation, that it is not saved, and the two words that finish it."""
    return (f"Your moderation of #{audit_id} is not saved yet: `send` to save it (and send the alert) or `no`.")


def _waiting(services: Services, user_id: str) -> Mapping[str, Any] | None:
    held = store.conversation(services.storage, user_id)
    if held.get("feature") != "audit" or held.get("awaiting") != moderation_alert.STATE:
        return None
    return held


def watch(services: Services, turn: Turn) -> Callable[[list[Reply]], list[Reply]] | None:
    """Around a command, message or button while the alert check waits: afterwards, when the check still waits for
    the same decision and the turn was not the check itself (asked again, or told the two ways on), the line first."""
    held = _waiting(services, turn.user_id)
    if held is None:
        return None

    def afterwards(replies: list[Reply]) -> list[Reply]:
        if _decision(_waiting(services, turn.user_id)) != _decision(held) or _said_already(replies):
            return []
        return [Reply(kind="notice", text=line(int(held["audit_id"])))]

    return afterwards


def _decision(held: Mapping[str, Any] | None) -> tuple[Any, ...] | None:
    """The decision the check holds (what the other features keep beside it in the conversation left out)."""
    return None if held is None else tuple(held.get(key) for key in moderation_alert.HELD)


def _said_already(replies: list[Reply]) -> bool:
    """The check's own replies: its question first (shown again by `/audit moderate`), or its own "not saved" help,
    or Home, which carries the line."""
    mine = [reply for reply in replies if reply.is_for_requester]
    if mine and any(choice.action == moderation_alert.SEND for choice in mine[0].choices):
        return True
    return any("is not saved" in reply.text for reply in mine)


def home_section(services: Services, user_id: str) -> list[Reply]:
    """The line at the top of Home while the check waits (F15: Home was where the moderator went)."""
    held = _waiting(services, user_id)
    return [] if held is None else [Reply(kind="notice", text=line(int(held["audit_id"])))]


def install(engine: Engine, services: Services) -> None:
    """The line before another turn's replies, and at the top of Home."""
    engine.add_turn_watch(lambda turn, _typed: watch(services, turn))
    engine.add_home_section("moderation_unsaved", lambda person: home_section(services, person.user_id), priority=6)
