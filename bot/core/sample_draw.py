"""Drawing a moderation sample: every audit graded Inadequate (those always get a second look) and a share of the
others at random. One draw for a campaign's sample (bot.campaigns.sample: the share of all its audits, Inadequate ones
counted in it) and the monthly sample of each team's month (bot.audits.monthly_sample: the share of the rest).

Pure: the random generator is passed in (the services object's seeded one), so a test reproduces a draw.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Drawable(Protocol):
    """What a draw needs of an audit: its number (the order) and its grade."""

    @property
    def audit_id(self) -> int: ...

    @property
    def grade(self) -> str | None: ...


T = TypeVar("T", bound=Drawable)


def sample_size(total: int, share: float) -> int:
    """How many audits a share (0-100 %) of `total` is, rounded up: 10 % of 3 audits is one, not none. Rounded to
    9 places first, so a share read as 0.07 (7.000000000000001 %) of 100 is 7, not 8."""
    return min(total, math.ceil(round(total * share / 100, 9)))


def draw(submitted: Sequence[T], share: float, rng: random.Random, *, of_the_rest: bool = False) -> list[T]:
    """Every Inadequate audit, then random others: up to the share of all of them (a campaign's), or, `of_the_rest`,
    the share of those others (the monthly sample's: at least one whenever there are others). In audit order."""
    ordered = sorted(submitted, key=lambda s: s.audit_id)
    inadequate = [s for s in ordered if s.grade == "inadequate"]
    others = [s for s in ordered if s.grade != "inadequate"]
    if of_the_rest:
        wanted = sample_size(len(others), share)
    else:
        wanted = max(0, sample_size(len(ordered), share) - len(inadequate))
    chosen = rng.sample(others, min(wanted, len(others)))
    return sorted(inadequate + chosen, key=lambda s: s.audit_id)
