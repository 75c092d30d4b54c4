"""The moderation sample: the configured share of a campaign's submitted audits, drawn at random, and every
audit graded Inadequate whatever the share (those always get a second look). The draw is bot.core.sample_draw's,
shared with the monthly sample (`/audit moderate sample`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.sample_draw import draw, sample_size

__all__ = ["Submitted", "draw", "sample_size"]


@dataclass(frozen=True)
class Submitted:
    """A submitted campaign audit as the sample sees it."""

    allocation_id: int
    audit_id: int
    grade: str | None
