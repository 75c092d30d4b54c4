"""Home counts every audit of the teams' cases (trial 40 H3, trial 39 M11): after the head of service's own audit of
a South case and a QA lead's, Home still said "Audits this month: 5 in December" while the digest said "+2 by
others". Home's service and team figures now count them in, say how many were by others, and give the digest's
numbers."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.digest_rows import AuditRows

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=LONDON)  # Sunday 6 December
SOUTH = {"team": "south-cin-cp", "worker": "U0PRAS001"}


def _home(engine: Engine, services: Services, user: str, title: str) -> Reply:
    person = services.directory.person(user)
    return next(r for p in engine.home_providers for r in p(person) if r.title == title)


def _audits(services: Services) -> None:
    """Each team's manager 1 of their own cases; the head of service and a QA lead 1 South case each."""
    rows = AuditRows(services)
    rows.audit(submitted=datetime(2026, 12, 1, 9, tzinfo=UTC))
    rows.audit(auditor="U0MGRS001", submitted=datetime(2026, 12, 2, 9, tzinfo=UTC), **SOUTH)
    rows.audit(auditor="U0MGRC001", team="children-in-care", worker="U0PRAC001",
               submitted=datetime(2026, 12, 3, 9, tzinfo=UTC))
    rows.audit(auditor="U0ADMIN01", submitted=datetime(2026, 12, 6, 9, tzinfo=UTC), **SOUTH)
    rows.audit(auditor="U0QALEAD1", submitted=datetime(2026, 12, 4, 9, tzinfo=UTC), **SOUTH)


def test_the_service_picture_counts_audits_by_others_and_says_how_many(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        picture = _home(engine, services, "U0ADMIN01", "Whole service")
        digest = engine.command("U0ADMIN01", "digest this week", surface="terminal")[0].text
    assert dict(picture.fields)["Audits this month"].startswith(
        "5 in December (to 6 December) across 3 teams: 3 by the teams' auditors (target 6, 3 to go), +2 of their "
        "cases by others, not counted against the target; 3 teams behind their target for the whole month")
    assert "South Child in Need and Protection 1 (+2 of its cases by others)" in picture.text
    # the digest's numbers, the same audits
    assert ("3 in December (to 6 December); target 6, 3 to go (+2 this week so far, +2 in the month by others"
            in " ".join(digest.split()))


def test_a_managers_team_figure_counts_its_cases_audited_by_others(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        _audits(services)
        team = _home(engine, services, "U0MGRS001", "South Child in Need and Protection")
    assert dict(team.fields)["Month vs target"] == (
        "3 in December (to 6 December): 1 by its auditors (target 2, 1 to go), +2 of its cases by others, not "
        "counted against the target")
