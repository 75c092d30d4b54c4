"""Moderation agreement auditor by auditor, asked in words: "which auditors do we disagree with most".

Trial 33: a QA lead's question got a worker-facing entry about disagreeing with your own grade. Counted as every
agreement figure is (bot.core.agreement: the audits submitted in the last complete week and the 4 weeks before it,
each once at its latest decision), for the audits of the teams whose digest the reader may read, lowest first.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.core import agreement as figures
from bot.core.replies import Reply
from bot.core.services import Services
from bot.digests.render import count_share
from bot.storage.reports import auditor_agreement as store


def auditor_agreement(services: Services, team_ids: list[str]) -> list[Reply]:
    """Each auditor's agreed of moderated audits over the digest's window, lowest rate first (then most moderated)."""
    monday = figures.last_complete_week(services.local_now().date())
    zone = services.settings.timezone
    start = datetime.combine(monday - timedelta(weeks=figures.WEEKS_BEFORE), time(0), tzinfo=zone)
    end = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=zone)
    counts = store.agreement_by_auditor(services.storage, start, end, team_ids)
    label = services.directory.label
    order = sorted(counts, key=lambda who: (counts[who][0] / counts[who][1], -counts[who][1], label(who)))
    lines = [f"• **{label(who)}**: the moderator agreed with {count_share(*counts[who])}" for who in order]
    if not lines:
        lines = ["No audit in these weeks has been moderated yet."]
    head = f"Moderation agreement by auditor, of {figures.basis(monday)} (lowest first):"
    return [Reply(title="Moderation agreement by auditor", text="\n".join([head, *lines]),
                  note="Read the counts: with 2 moderated audits, one disagreement halves the rate. Agreement is "
                       f"against the auditor's grade; the target is {figures.TARGET_PERCENT}% or more. "
                       "`/audit moderate` lists each moderation; `agreement rates by team?` gives each team's.")]
