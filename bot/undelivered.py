"""Messages Slack would not take even after the retries: remember them, and tell the person once.

Only the kind of message and the time are kept, never its text, so nothing said in an audit lingers in
the database because Slack was down. The delivery layer calls `remember` on a failure and
`take_notice` before it next posts to that person.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.replies import Reply
from bot.services import Services
from bot.storage.undelivered import Undelivered, claim_undelivered, record_undelivered, release_undelivered

KIND_LABELS = {"info": "a reply", "error": "an error message", "question": "a question", "notice": "a notice"}


def undelivered_kind(reply: Reply) -> str:
    """What sort of message it was, in words a person recognises, never what it said."""
    if reply.image is not None:
        return "a chart"
    if reply.to_channel:
        return "a channel post"
    label = KIND_LABELS.get(reply.kind, "a message")
    return f"{label} sent to you because of someone else's action" if reply.to_user else label


def remember(services: Services, requester: str, reply: Reply) -> None:
    """The person the message was for is told later: the recipient of a DM to someone else, else the requester."""
    record_undelivered(services.storage, reply.to_user or requester, undelivered_kind(reply), services.clock())


def take_notice(services: Services, user_id: str) -> tuple[Reply, list[int]] | None:
    """The notice to post now, if any, with the ids to `give_back` should posting it fail too."""
    pending = claim_undelivered(services.storage, user_id, services.clock())
    if not pending:
        return None
    text = notice_text(pending, services.clock(), services.settings.timezone)
    return Reply(text=text, kind="notice"), [notice.id for notice in pending]


def give_back(services: Services, ids: list[int]) -> None:
    release_undelivered(services.storage, ids)


def notice_text(pending: list[Undelivered], now: datetime, timezone: ZoneInfo) -> str:
    """One message listing each failure by local time and kind."""
    today = now.astimezone(timezone).date()

    def when(moment: datetime) -> str:
        local = moment.astimezone(timezone)
        return f"{local:%H:%M}" if local.date() == today else f"{local:%H:%M} on {local:%a %d %b}"

    if len(pending) == 1:
        notice = pending[0]
        return (
            f"A message I tried to send you at {when(notice.failed_at)} could not be delivered ({notice.kind}): "
            "Slack was not reachable then. If you were waiting for something, ask me again."
        )
    lines = "\n".join(f"• {when(n.failed_at)}: {n.kind}" for n in pending)
    return (
        "Some messages I tried to send you could not be delivered (Slack was not reachable then):\n"
        f"{lines}\nIf you were waiting for something, ask me again."
    )
