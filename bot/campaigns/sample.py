"""The moderation sample: the configured share of a campaign's submitted audits, drawn at random, and every
audit graded Inadequate whatever the share (those always get a second look).

Pure: the random generator is passed in (the services object's seeded one), so a test reproduces a draw.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Submitted:
    """A submitted campaign audit as the sample sees it."""

    allocation_id: int
    audit_id: int
    grade: str | None


def sample_size(total: int, share: int) -> int:
    """How many audits a share (0-100 %) of `total` is, rounded up: 10 % of 3 audits is one, not none."""
    return min(total, math.ceil(total * share / 100))


def draw(submitted: Sequence[Submitted], share: int, rng: random.Random) -> list[Submitted]:
    """Every Inadequate audit, then random others up to the share; in audit order."""
    ordered = sorted(submitted, key=lambda s: s.audit_id)
    inadequate = [s for s in ordered if s.grade == "inadequate"]
    others = [s for s in ordered if s.grade != "inadequate"]
    wanted = max(0, sample_size(len(ordered), share) - len(inadequate))
    chosen = rng.sample(others, min(wanted, len(others)))
    return sorted(inadequate + chosen, key=lambda s: s.audit_id)
