"""The worker told of a change made to their submitted audit with `/audit edit N note …` (trial 43, finding 25).

A manager added a note to question 9 of a submitted audit and the worker heard nothing: the worker now gets the
summary as it stands, with what changed since they were last sent it at the top (bot.audits.what_changed), held out
of their working hours as any news of their audit is (bot.audits.held_news).
"""

from __future__ import annotations

from bot.audits import held_news, what_changed
from bot.audits.core import load, summary_reply
from bot.audits.escalation import told_line
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.engine.routing import Turn


def worker_told(services: Services, turn: Turn, audit_id: int) -> list[Reply]:
    """The worker's DM with the updated summary and the line telling the one who changed it, or (out of the worker's
    hours) the line saying when it goes; nothing when the audit has no other worker."""
    ctx = load(services, audit_id)
    worker = ctx.audit.worker_id
    if not worker or worker == turn.user_id:
        return []
    heading = (f"{services.directory.label(turn.user_id)} has changed the audit of one of your cases after "
               "submitting it. Here is the updated summary.")
    summary = summary_reply(services, ctx, heading, to_user=worker, changed=what_changed.since_sent(services, ctx),
                            choices=(Choice("Add my reflections", "audit.reflect", str(audit_id)),))
    going = held_news.held(services, turn, ctx.audit, [summary], "changed")
    if going != [summary]:
        return going
    what_changed.mark_sent(services, audit_id)
    return [summary, told_line(services, [summary], "of the change, with the updated summary")]
