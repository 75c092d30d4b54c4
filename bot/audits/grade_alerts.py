"""What an overall grade set by the auditor means for the people an Inadequate grade alerts: who a grade would alert
now (asked first, bot.audits.alert_confirm), and the alert or the word that it no longer stands once it is stored.

Shared by the overall grade step of a draft (bot.audits.finish) and `/audit edit 12 grade …` on a submitted audit
(bot.audits.regrade_check), so an Inadequate grade reaches the same people by the same words whichever way it is
given, and a grade changed from Inadequate tells them the same.
"""

from __future__ import annotations

from bot.audits.core import Ctx
from bot.audits.questions import inadequate_grade_alerts, inadequate_grade_withdrawals, inadequate_targets
from bot.core.replies import Reply
from bot.core.services import Services


def alert_targets(services: Services, ctx: Ctx, grade: str) -> list[str]:
    """Who an overall grade would alert now, to be confirmed first (bot.audits.alert_confirm): the Inadequate
    people when the grade newly becomes Inadequate, else nobody."""
    if grade != "inadequate" or ctx.audit.overall_grade == "inadequate":
        return []
    return inadequate_targets(services, ctx)


def with_inadequate_alerts(services: Services, ctx: Ctx, grade: str, replies: list[Reply]) -> list[Reply]:
    """An overall grade newly set to Inadequate alerts the managers at once, whatever the checklist; one changed from
    Inadequate tells them the alert no longer stands. `ctx` is the audit as it was before the grade was stored, and
    `replies` what storing it said (none: a second press, which did nothing)."""
    if replies and ctx.audit.overall_grade == "inadequate" and grade != "inadequate":
        withdrawn = inadequate_grade_withdrawals(services, ctx, grade)
        told = ", ".join(services.directory.label(w.to_user or "") for w in withdrawn)
        note = [Reply(kind="notice", text=f"I've told {told} that the Inadequate grade no longer stands.")]
        return withdrawn + (note if withdrawn else []) + replies
    if not replies or grade != "inadequate" or ctx.audit.overall_grade == "inadequate":
        return replies
    alerts = inadequate_grade_alerts(services, ctx)
    if alerts:
        told = ", ".join(services.directory.label(a.to_user or "") for a in alerts)
        alerts.append(Reply(kind="notice", text=f"I've alerted {told} about the Inadequate grade now.{_stands(ctx)}"))
    return alerts + replies


STANDS = (" The alert is not held until you resubmit, because an Inadequate grade is urgent: it stands whatever "
          "happens to this edit, and if you change the grade back I'll tell them it no longer stands.")


def _stands(ctx: Ctx) -> str:
    """On an audit reopened for changes, that the alert went now and stands, though the edit is not resubmitted yet
    (trial 43: a manager could not tell whether leaving the edit would leave the alert out)."""
    return STANDS if ctx.audit.submitted_at is not None and ctx.audit.status == "draft" else ""
