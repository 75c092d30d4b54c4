"""Moderation agreement auditor by auditor: the query behind "which auditors do we disagree with most"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.storage.common import utc_text
from bot.storage.db import Storage
from bot.storage.reports.digests import agreement_counts


def agreement_by_auditor(storage: Storage, start: datetime, end: datetime,
                         team_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
    """auditor -> (agreed, decided) of these teams' completed audits submitted in [start, end): each audit once, at
    its latest decision, counted as bot.storage.reports.digests.moderation_agreement counts a team's."""
    if not team_ids:
        return {}
    return agreement_counts(storage, "a.auditor_id", ["a.submitted_at >= ? AND a.submitted_at < ?"],
                            [utc_text(start), utc_text(end)], team_ids)
