"""Messages Slack would not take even after the retries: remember them, and tell the person once.

Only the kind of message and the time are kept, never its text, so nothing said in an audit lingers in
the database because Slack was down. The delivery layer calls `remember` on a failure and
`take_notice` before it next posts to that person.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.core.replies import Reply
from bot.core.services import Services
from bot.settings.people import Person, Role
from bot.storage.undelivered import (
    Failure,
    Undelivered,
    claim_admin_failures,
    claim_undelivered,
    recent_failures,
    record_undelivered,
    release_admin_failures,
    release_undelivered,
)

HOME_DAYS = 7

KIND_LABELS = {"info": "a reply", "error": "an error message", "question": "a question", "notice": "a notice"}


def undelivered_kind(reply: Reply) -> str:
    """What sort of message it was, in words a person recognises, never what it said."""
    if reply.image is not None:
        return "a chart"
    if reply.file is not None:
        return "a file"
    if reply.to_channel:
        return "a channel post"
    label = KIND_LABELS.get(reply.kind, "a message")
    return f"{label} sent to you because of someone else's action" if reply.to_user else label


def remember(services: Services, requester: str, reply: Reply) -> None:
    """The person the message was for is told later: the recipient of a DM to someone else, else the requester.

    A channel post with nobody asking (a scheduled digest) is kept under the channel, so admins still see it.
    """
    recipient = reply.to_user or requester or reply.to_channel or "(unknown)"
    record_undelivered(services.storage, recipient, undelivered_kind(reply), services.clock())


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


def _recipient(services: Services, recipient: str) -> str:
    if recipient.startswith(("C", "G")):
        return f"channel <#{recipient}>"
    return services.directory.label(recipient) if services.directory.person(recipient) else recipient


def _failure_line(services: Services, failure: Failure, now: datetime) -> str:
    timezone = services.settings.timezone
    local = failure.failed_at.astimezone(timezone)
    when = f"{local:%H:%M}" if local.date() == now.astimezone(timezone).date() else f"{local:%H:%M} on {local:%a %d %b}"
    return f"• {when}: {failure.kind} for {_recipient(services, failure.recipient)}"


def take_admin_notice(services: Services, user_id: str) -> tuple[Reply, list[int]] | None:
    """For an admin: one summary of messages Slack refused since the last one, with ids to give back on failure."""
    person = services.directory.person(user_id)
    if person is None or person.role is not Role.ADMIN:
        return None
    now = services.clock()
    failures = claim_admin_failures(services.storage, now)
    if not failures:
        return None
    lines = "\n".join(_failure_line(services, f, now) for f in failures[:20])
    more = f"\n…and {len(failures) - 20} more." if len(failures) > 20 else ""
    text = (f"**Messages Slack would not deliver** ({len(failures)} since I last told an admin):\n{lines}{more}\n"
            "Each person is told when they next talk to me. Check that these people are still in the workspace "
            "and that I am still in those channels. The Home tab keeps the last week's list.")
    return Reply(text=text, kind="notice"), [f.id for f in failures]


def give_back_admin(services: Services, ids: list[int]) -> None:
    release_admin_failures(services.storage, ids)


def admin_home(services: Services, person: Person) -> list[Reply]:
    """The admin's Home tab: messages Slack refused in the last week, by kind, recipient and time."""
    if person.role is not Role.ADMIN:
        return []
    now = services.clock()
    total, latest = recent_failures(services.storage, now - timedelta(days=HOME_DAYS))
    if not total:
        text = f"None in the last {HOME_DAYS} days."
    else:
        lines = "\n".join(_failure_line(services, f, now) for f in latest)
        more = f"\n…and {total - len(latest)} earlier." if total > len(latest) else ""
        text = f"{total} in the last {HOME_DAYS} days (kind and time only; the text is never kept):\n{lines}{more}"
    return [Reply(title="Messages Slack would not deliver", text=text)]
