"""Alerts in the audit trail: who an urgent alert, or word that it no longer stands, went to, for which audit.

An alert sends managers to a child's case now; a council must be able to say who was told and when (trial 18: the
trail showed the audit started, submitted and moderated, and nothing of the alert sent and later withdrawn). Ids and
the kind only, never the answer or the case's content.
"""

from __future__ import annotations

from bot.audits.core import Ctx
from bot.core.replies import Reply
from bot.core.services import Services
from bot.storage.trail import record_trail


def trailed(services: Services, ctx: Ctx, action: str, kind: str, replies: list[Reply],
            actor: str | None = None) -> list[Reply]:
    """`replies` unchanged, with their recipients kept in the trail under `action` (`audit.alert` or
    `audit.alert_withdrawn`) and `kind` (`answer` or `inadequate`); `actor` is who caused it (the auditor unless a
    moderator). Nothing is kept when nobody is told."""
    told = [reply.to_user for reply in replies if reply.to_user]
    if told:
        record_trail(services.storage, actor or ctx.audit.auditor_id, action,
                     {"audit": ctx.audit.id, "kind": kind, "to": told}, at=services.clock())
    return replies
