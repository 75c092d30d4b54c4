"""Who hears of a moderation decided again, after its moderator re-opened it to change it (moderation_change).

The earlier decision's alerts were sent and cannot be recalled, so the new one is compared with it, not with the
auditor's grade alone: an Inadequate kept alerts nobody twice; an Inadequate given now, where the earlier decision
was not, alerts as a first one does; an Inadequate dropped tells everyone the alert reached that it no longer stands.
"""

from __future__ import annotations

from typing import Any

from bot.audits.alert_trail import trailed
from bot.audits.core import grade_label, load
from bot.audits.questions import inadequate_grade_alerts, inadequate_targets
from bot.core.markup import emoji
from bot.core.replies import Choice, Reply
from bot.core.services import Services
from bot.storage import audits as store

INADEQUATE = "inadequate"


def alerts(services: Services, moderator: str, audit: store.AuditRow, earlier: dict[str, Any],
           grade: str) -> tuple[list[Reply], list[Reply]]:
    """(alerts, withdrawals) of a changed decision: `earlier` is the decision changed, `grade` the new one."""
    was = str(earlier.get("grade") or audit.overall_grade or "")
    if (was == INADEQUATE) == (grade == INADEQUATE):
        return [], []
    ctx = load(services, audit.id)
    if grade == INADEQUATE:
        return inadequate_grade_alerts(services, ctx, moderator=moderator, earlier=was), []
    label = services.directory.label(moderator)
    text = (f"{emoji('done')} **Update on audit #{audit.id}** ({ctx.checklist.title}, case {audit.case_ref}, auditor "
            f"{services.directory.label(audit.auditor_id)}).\n{label} changed their moderation from **Inadequate** "
            f"to **{grade_label(grade)}**, so Inadequate is no longer its grade of record and the alert no longer "
            "stands. `/audit show` has the new reason.")
    return [], trailed(services, ctx, "audit.alert_withdrawn", INADEQUATE, [
        Reply(text=text, to_user=target, kind="notice", choices=(Choice("Open the audit", "audit.view",
                                                                        str(audit.id)),))
        for target in inadequate_targets(services, ctx, moderator)], actor=moderator)
