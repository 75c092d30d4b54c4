"""Fix70a C: the Home's team line named one question as the most often answered badly when two tied at the same
count, while the digest and `themes` (one ranking, bot.digests.digest.weak_questions) list both. Home now says the
tie. Clock pinned to a Wednesday, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.digests.dashboard import team_figures
from tests.support.digest_rows import AuditRows
from tests.support.text import flat

WEDNESDAY = datetime(2026, 11, 25, 12, tzinfo=ZoneInfo("Europe/London"))  # last complete week: 16 to 22 Nov
PLAN = "(Full case audit) Is the plan specific, measurable and time-bound? answered “No”"
SEEN = "(Full case audit) Was the child seen alone at the last visit? answered “No”"


def _north_home(services: Services) -> str:
    with time_machine.travel(WEDNESDAY, tick=False):
        [north] = team_figures(services, services.directory.person("U0MGRN001"))
    return flat(north.text)


def test_two_questions_at_the_same_count_are_both_named_as_a_tie(services: Services) -> None:
    rows = AuditRows(services)
    for day in (17, 18):
        rows.audit(submitted=datetime(2026, 11, day, 11, tzinfo=UTC), flagged=("plan-smart", "child-seen"))
    said = _north_home(services)
    assert said.endswith(f": 2 questions tie, each in 2 audits: {PLAN}; {SEEN}"), said


def test_one_question_ahead_is_named_alone(services: Services) -> None:
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 11, 16, 11, tzinfo=UTC), flagged=("plan-smart",))
    for day in (17, 18):
        rows.audit(submitted=datetime(2026, 11, day, 11, tzinfo=UTC), flagged=("plan-smart", "child-seen"))
    said = _north_home(services)
    assert said.endswith(f": {PLAN} in 3 audits"), said
    assert "tie" not in said
