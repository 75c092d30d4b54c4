"""A late moderation must not hide an overdue re-audit (trial 40 H4): CR-914068, Inadequate in September and overdue
for re-audit from 2 November, was moderated Requires improvement in December; typing the case then said "re-audit
is due by Monday 1 March 2027" and the overdue list lost it. The interval follows the grade of record, counted from
the submission; a re-audit already overdue when the moderator decides stays overdue."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_reaudits import Cases, reaudits
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
SUBMITTED = datetime(2026, 9, 21, 10, 0, tzinfo=LONDON)  # Monday: Inadequate, re-audit due by Monday 2 November
REASON = "RI, young person is in safe accom and has a PA, the gaps are EET and health passport"


def _moderate(engine: Engine, services: Services, grade: str, moment: datetime) -> int:
    """A North manager's audit of case CR-914068 graded Inadequate in September, moderated by the South manager."""
    audit_id = Cases(services).audit("CR-914068", "inadequate", SUBMITTED)
    with time_machine.travel(moment, tick=False):
        _, out = drive(engine, [f"mod {audit_id}", f"disagree - {grade}", "skip"], user="U0MGRS001")
    assert f"Moderation of audit #{audit_id} saved" in out, out
    return audit_id


def test_an_overdue_reaudit_stays_overdue_after_a_late_moderation_to_ri(engine: Engine, services: Services) -> None:
    audit_id = _moderate(engine, services, REASON, datetime(2026, 12, 6, 11, 0, tzinfo=LONDON))
    with time_machine.travel(datetime(2026, 12, 6, 12, 0, tzinfo=LONDON), tick=False):
        listing = reaudits(engine)
        _, typed = drive(engine, ["CR-914068"], user="U0MGRN001")
    assert (f"CR-914068: **overdue** (due by Monday 2 November 2026) · last audit #{audit_id}, Requires improvement to "
            "be good after moderation (auditor: Inadequate)") in listing
    assert "re-audit is overdue: it was due by Monday 2 November 2026" in flat(typed)
    assert "March 2027" not in listing + typed


def test_a_regrade_before_the_due_day_counts_the_new_interval_from_the_submission(
        engine: Engine, services: Services) -> None:
    """Moderated RI in October, before the Inadequate re-audit was due: 12 weeks from the submission (14 December),
    not from the moderation (11 January)."""
    audit_id = _moderate(engine, services, REASON, datetime(2026, 10, 19, 11, 0, tzinfo=LONDON))
    with time_machine.travel(datetime(2026, 12, 6, 12, 0, tzinfo=LONDON), tick=False):
        listing = reaudits(engine)
    assert f"CR-914068: due by Monday 14 December 2026 · last audit #{audit_id}" in listing
