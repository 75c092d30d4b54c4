"""Trial 35 (M2): a quarterly or monthly digest gave no good-or-better share and nothing to compare it with. It now
gives the share of graded audits Good or Outstanding, with its count, beside the period before's, in the total and
in each team's line."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SATURDAY = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)


def _graded(services: Services) -> None:
    """Q2 (July to September): 1 of 4 Good. Q3 so far: 3 of 5 Good or better, 2 of them in November and 1 of 2 in
    October."""
    rows = AuditRows(services)
    for month, grade in ((7, "good"), (8, "inadequate"), (9, "requires_improvement"), (9, "inadequate")):
        rows.audit(submitted=datetime(2026, month, 10, 10, tzinfo=UTC), grade=grade)
    for month, grade in ((10, "good"), (10, "inadequate"), (11, "outstanding"), (11, "good"),
                         (12, "requires_improvement")):
        rows.audit(submitted=datetime(2026, month, 2, 10, tzinfo=UTC), grade=grade)


def _digest(engine: Engine, typed: str) -> str:
    with time_machine.travel(SATURDAY, tick=False):
        return flat("\n".join(r.text for r in engine.command("U0ADMIN01", typed, surface="terminal")))


def test_a_quarter_gives_good_or_better_beside_the_quarter_before(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _graded(services)
    said = _digest(engine, "digest this quarter")
    assert "Good or better 3 of 5 (60%), against 25% (1 of 4) in the quarter before (Q2 2026/27)" in said
    assert ("North Assessment Team**: 5 audits completed by its auditors (target 6; pro-rata share to date 4.3); "
            "grades: Outstanding 1, Good 2, Requires improvement to be good 1, Inadequate 1; good or better 3 of 5 "
            "(60%), against 25% (1 of 4) in the quarter before (Q2 2026/27)") in said
    assert "good or better: none graded, against none graded in the quarter before (Q2 2026/27)" in said  # South


def test_a_month_gives_good_or_better_beside_the_month_before(engine: Engine, services: Services) -> None:
    with time_machine.travel(SATURDAY, tick=False):
        _graded(services)
    said = _digest(engine, "digest november")
    assert "Good or better 2 of 2 (100%), against 50% (1 of 2) in the month before (October 2026)" in said
