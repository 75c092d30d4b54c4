"""A moderation waiting at its alert check says it is not saved, above whatever else the moderator does meanwhile.

A moderator's Inadequate is held at "This sends an urgent alert now to <names>. Send it?" (bot.audits.moderation_alert)
until `send` or `no`; nothing is saved before. Trial 52 (F15): the head of service typed `home` at that question and
Home came with its options numbered from 3), the question still open above it and nothing said; the moderation was
never saved, so the agreement rate did not move. The Home tab (Block Kit, and `home` typed) carries one line at its
top saying so.

fix57b: after any other command, message or button while the check waits (`/audit list`), the line only pointed to
the check, which was no longer on screen. Now the check itself, its question and its Send / No, is asked again below
that turn's replies (`Engine.add_turn_tail`), so `send`, `no` or its buttons answer it as before. Only when that turn
asked a yes-or-no question of its own (which a typed `yes` must still answer) is it the one line, leading the replies
(`Engine.add_turn_watch`), so the turn's own question stays last.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.audits import moderation_alert
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine import confirmations
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
    """Around a command, message or button while the alert check waits: the line first, when the check still waits
    for the same decision, the turn was not the check itself and it asked a yes-or-no question of its own."""
    return _around(services, turn, shown_again=False)


def tail(services: Services, turn: Turn) -> Callable[[list[Reply]], list[Reply]] | None:
    """As `watch`, when the turn asked no yes-or-no question of its own: the check asked again, after its replies."""
    return _around(services, turn, shown_again=True)


def _around(services: Services, turn: Turn, shown_again: bool) -> Callable[[list[Reply]], list[Reply]] | None:
    held = _waiting(services, turn.user_id)
    if held is None:
        return None
    confirming = held.get(confirmations.KEY)

    def afterwards(replies: list[Reply]) -> list[Reply]:
        now = _waiting(services, turn.user_id)
        if _decision(now) != _decision(held) or now is None or _said_already(replies):
            return []
        own_question = now.get(confirmations.KEY) not in (None, confirming)
        if own_question != (not shown_again):
            return []
        if shown_again:
            return [moderation_alert.asked_again(services, turn, now)]
        return [Reply(kind="notice", text=line(int(held["audit_id"])))]

    return afterwards


def _decision(held: Mapping[str, Any] | None) -> tuple[Any, ...] | None:
    """The decision the check holds (what the other features keep beside it in the conversation left out)."""
    return None if held is None else tuple(held.get(key) for key in moderation_alert.HELD)


def _said_already(replies: list[Reply]) -> bool:
    """The check already among the turn's replies: its question (shown again by `/audit moderate`, or under "Back to
    your moderation" once another question is answered), or its own "not saved" help, or Home, which carries the
    line."""
    mine = [reply for reply in replies if reply.is_for_requester]
    if any(choice.action == moderation_alert.SEND for reply in mine for choice in reply.choices):
        return True
    return any("is not saved" in reply.text for reply in mine)


def home_section(services: Services, user_id: str) -> list[Reply]:
    """The line at the top of Home while the check waits (F15: Home was where the moderator went)."""
    held = _waiting(services, user_id)
    return [] if held is None else [Reply(kind="notice", text=line(int(held["audit_id"])))]


def install(engine: Engine, services: Services) -> None:
    """The check asked again after another turn's replies (or the line before them), and the line at the top of
    Home."""
    engine.add_turn_watch(lambda turn, _typed: watch(services, turn))
    engine.add_turn_tail(lambda turn, _typed: tail(services, turn))
    engine.add_home_section("moderation_unsaved", lambda person: home_section(services, person.user_id), priority=6)
