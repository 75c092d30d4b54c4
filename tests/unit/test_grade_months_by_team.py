"""Trial 62 F9: "show me grades by team over the last 6 months" gave the six months' totals. bot.digests.grade_months
now gives each team's months when a team breakdown is asked: per month the audits graded and the share Good or better
with its counts, and the line for every team the reader may see. The clock is frozen (the suite also runs moved)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.digests import grade_months
from tests.support.digest_rows import AuditRows

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
NORTH, SOUTH = "north-assessment", "south-cin-cp"


@pytest.fixture
def rows(services: Services) -> AuditRows:
    made = AuditRows(services)
    for day, grade in ((3, "good"), (10, "outstanding"), (17, "good"), (24, "inadequate")):
        made.audit(submitted=datetime(2026, 11, day, 11, tzinfo=UTC), grade=grade)  # North, November
    made.audit(submitted=datetime(2026, 10, 6, 11, tzinfo=UTC), grade="requires_improvement")  # North, October
    made.audit(auditor="U0MGRS001", team=SOUTH, submitted=datetime(2026, 11, 5, 11, tzinfo=UTC), grade="good",
               worker="U0PRAS001")
    made.audit(status="draft", updated=datetime(2026, 11, 6, 11, tzinfo=UTC))  # a draft is not counted
    return made


def _text(services: Services, team_ids: list[str], shown: list[str], since: str | None) -> str:
    with time_machine.travel(NOW, tick=False):
        return grade_months.by_team(services, team_ids, shown, since)[0].text


def test_each_team_gets_its_months_with_counts_and_the_service_line(services: Services, rows: AuditRows) -> None:
    every = list(services.directory.teams)
    text = _text(services, every, every, "last 6 months")
    assert text.startswith("Grades month by month by team, July 2026 to December 2026")
    north = next(line for line in text.splitlines() if line.startswith("• **North Assessment Team**"))
    assert "Oct: 1 audit, Good or better 0 of 1 (0%)" in north
    assert "Nov: 4 audits, Good or better 3 of 4 (75%)" in north
    assert "Jul: no graded audits" in north and "Dec (so far): no graded audits" in north
    service = text.splitlines()[-1]
    assert service.startswith("• **Every team**:") and "Nov: 5 audits, Good or better 4 of 5 (80%)" in service


def test_the_default_is_the_three_months_before_this_one(services: Services, rows: AuditRows) -> None:
    text = _text(services, list(services.directory.teams), list(services.directory.teams), None)
    assert "September 2026 to December 2026" in text and "Aug:" not in text and "Sep: no graded audits" in text


def test_a_team_named_shows_its_months_and_the_readers_teams_line(services: Services, rows: AuditRows) -> None:
    every = list(services.directory.teams)
    text = _text(services, every, [NORTH], "since october")
    assert "South Child in Need" not in text
    assert [line.split("**")[1] for line in text.splitlines()[1:]] == ["North Assessment Team", "Every team"]
    assert "October 2026 to December 2026" in text


def test_a_manager_with_one_team_gets_that_team_alone(services: Services, rows: AuditRows) -> None:
    text = _text(services, [NORTH], [NORTH], None)
    assert len(text.splitlines()) == 2 and "Every team" not in text and "Your teams" not in text


@pytest.mark.parametrize(("said", "team_named", "asked"), [
    ("show me grades by team over the last 6 months", False, True),
    ("grades by team month by month", False, True),
    ("how have norths grades changed since june", True, True),
    ("grades for each team since september", False, True),
    ("are grades getting better since september", False, False),  # the service's months, as before
    ("grades by team this quarter", False, False),  # the digest's totals, as before
    ("audits by team last 6 months", False, False),
    ("grades this quarter", False, False),
])
def test_the_words_that_ask_for_a_team_breakdown(said: str, team_named: bool, asked: bool) -> None:
    assert grade_months.team_months_asked(said, team_named) is asked
