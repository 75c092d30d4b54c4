"""An audit's summary and grade changes for its worker, held out of their working hours (trial 43, finding 24).

On a Sunday the trial's ASYE worker got three DMs in minutes (the new audit's summary, "changed … to Inadequate",
"changed from Inadequate to Requires improvement"), while a chase typed at the same moment was held until 08:00 on
Monday. Now such news is held as a chase is (the worker's own working days and hours, else the service's; weekends
and bank holidays: bot.audits.chase_nudge.working_morning), and several held about one audit are sent as one summary
of the audit as it then stands, once (bot.storage.held_news). The one who made the change is told when it will
reach the worker. Only the worker's DMs are held: a manager's copy and urgent alerts to leaders go at once.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from bot.audits import what_changed
from bot.audits.chase_nudge import working_morning
from bot.audits.core import load, summary_reply
from bot.audits.handed_over import Handed, comes_at
from bot.core.chase_said import morning
from bot.core.outgoing import Outgoing
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn
from bot.storage import audits as store
from bot.storage import held_news
from bot.storage.audits import AuditRow


def held(services: Services, turn: Turn, audit: AuditRow, replies: list[Reply], kind: str) -> list[Reply]:
    """`replies` as they go now: out of the worker's hours, those to the worker are held (`kind`: "new" for a first
    summary, else "changed") and a line telling the one who made the change when they will reach them takes their
    place; in hours, or for nobody but the worker themself, `replies` unchanged."""
    worker = audit.worker_id
    mine = [reply for reply in replies if worker and reply.to_user == worker]
    if not worker or not mine or worker == turn.user_id:
        return replies
    send_at = working_morning(services, turn.now.astimezone(services.settings.timezone), worker)
    if send_at is None:
        return replies
    waiting = held_news.hold(services.storage, worker, audit.id, kind, turn.user_id, turn.now, send_at)
    chat = (" In the terminal chat it is sent by the bot's scheduler, so only if this chat (or the bot) is running "
            "then." if turn.surface == "terminal" else "")
    told = Reply(kind="notice", text=(
        f"Held: it is out of {services.directory.label(worker)}'s working hours, so they get audit #{audit.id} at "
        f"{morning(services, waiting.send_at)}, or sooner if they use the bot before then, as it stands then, in one "
        f"message (any later change before then goes in the same message).{chat}"))
    return [reply for reply in replies if reply.to_user != worker] + [told]


def due_outgoing(services: Services, now: datetime) -> list[tuple[held_news.HeldNews, Outgoing]]:
    """The held news due by `now`, claimed, each as the audit's summary as it stands, to its worker; news of an
    audit no longer submitted (reopened, cancelled) is settled unsent: its resubmission tells the worker."""
    outgoing = []
    for news in held_news.claim_due(services.storage, now):
        summary = _summary(services, news, now)
        if summary is not None:
            outgoing.append((news, Outgoing(news.worker_id, (summary,))))
    return outgoing


def _summary(services: Services, news: held_news.HeldNews, now: datetime) -> Reply | None:
    """The claimed news as the audit's summary as it stands, to its worker; None (settled unsent) for an audit no
    longer submitted."""
    audit = store.get_audit(services.storage, news.audit_id)
    if audit is None or audit.submitted_at is None or audit.status in ("draft", "cancelled"):
        held_news.settle(services.storage, news, True, now)
        return None
    by = services.directory.label(news.by_user)
    heading = (f"{by} has audited one of your cases. Here is the summary: you can add your reflections on it with "
               f"`/audit reflect {audit.id}`."
               if news.kind == "new" else f"{by} has changed the audit of one of your cases after submitting "
                                          "it. Here is the summary as it stands now.")
    ctx = load(services, audit.id)
    return summary_reply(services, ctx, heading, to_user=news.worker_id,
                         choices=(Choice("Add my reflections", "audit.reflect", str(audit.id)),),
                         changed=what_changed.since_sent(services, ctx) if news.kind != "new" else None)


def handed_over(services: Services, turn: Turn) -> list[Handed]:
    """The news held for the worker who is here now, claimed (fix48e: it waited for 08:00 while she used the bot),
    each as the audit's summary as it stands; settled as sent once posted, else released for the run at her time."""
    handed = []
    for news in held_news.claim_for(services.storage, turn.user_id, turn.now):
        summary = _summary(services, news, turn.now)
        if summary is not None:
            handed.append(Handed(summary, partial(settle, services, news, True, turn.now),
                                 partial(held_news.release, services.storage, news), held_at=news.held_at,
                                 send_at=comes_at(news.send_at, turn.now, services.settings.timezone)))
    return handed


def settle(services: Services, news: held_news.HeldNews, delivered: bool, now: datetime) -> None:
    """A claimed piece of news went, or will be tried again (bot.storage.held_news.settle)."""
    held_news.settle(services.storage, news, delivered, now)
    if delivered:
        what_changed.mark_sent(services, news.audit_id)  # the next summary says what changed since this one
