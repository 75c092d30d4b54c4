"""Trial 30 (item 6): no month or quarter view for the DCS. `digest november` and `digest last month` were "There is
no team november". They now give every team's figures over that period, with its dates: audits completed against
target, grades, moderation agreement, themes and overdue actions (bot.digests.period_digest). The weekly digest is
unchanged. The clock is pinned to the trial's Saturday, so these pass under AUDITBOT_TEST_NOW too."""

from __future__ import annotations

import re

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

HEAD, SOUTH_MANAGER = "U0ADMIN01", "U0MGRS001"


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


def submitted_in(services: Services, first: str, last: str, team: str | None = None) -> int:
    """Completed audits submitted between two local days, as the database holds them (UTC; November is GMT)."""
    where = "status IN ('submitted', 'in_moderation', 'moderated') AND submitted_at >= ? AND submitted_at < ?"
    params = [first, last]
    if team:
        where, params = where + " AND team_id = ?", [*params, team]
    return services.storage.db.execute(f"SELECT COUNT(*) FROM audits WHERE {where}", params).fetchone()[0]


@pytest.mark.parametrize("typed", ["digest november", "digest last month", "/audit digest november"])
def test_november_gives_every_team_over_the_month_with_its_dates(demo: Services, engine: Engine, typed: str) -> None:
    reply = said(engine, HEAD, typed)
    assert "There is no team" not in reply, reply
    assert "November 2026 (1 Nov 2026 to 30 Nov 2026)" in reply
    expected = submitted_in(demo, "2026-11-01", "2026-12-01")
    [(auditors, others)] = re.findall(r"(\d+) audits completed by the teams' auditors against a target of 6 "
                                      r"\(\+(\d+) of their cases by others, not counted against it\)", reply)
    assert int(auditors) + int(others) == expected  # demo auditors audit their own teams' cases
    for team in ("North Assessment Team", "South Child in Need and Protection", "Children in Care Team"):
        assert team in reply
    assert re.search(r"moderation agreement \d+% \(\d+ of \d+ moderated agreed, of audits submitted in November 2026",
                     reply)  # and the direction of the rest after it (trial 62 F2)
    assert "overdue actions at its end:" in reply and "grades: " in reply
    assert nothing_unanswered(demo)


@pytest.mark.parametrize(("typed", "label"), [("digest this quarter", "Q3 2026/27 (1 Oct 2026 to 5 Dec 2026, so far)"),
                                              ("digest q3", "Q3 2026/27 (1 Oct 2026 to 5 Dec 2026, so far)")])
def test_a_quarter_runs_to_today_and_says_so(demo: Services, engine: Engine, typed: str, label: str) -> None:
    reply = said(engine, HEAD, typed)
    assert label in reply and "overdue actions now:" in reply, reply


def test_one_team_over_a_month(demo: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "digest last month south")
    expected = submitted_in(demo, "2026-11-01", "2026-12-01", "south-cin-cp")
    assert "South Child in Need and Protection, November 2026" in reply
    [(auditors, others)] = re.findall(r"(\d+) audits completed by the team's auditors against a target of 2 "
                                      r"\(\+(\d+) of its cases by others", reply)
    assert int(auditors) + int(others) == expected and "North Assessment Team" not in reply


def test_a_manager_sees_their_own_teams_over_the_month(demo: Services, engine: Engine) -> None:
    reply = said(engine, SOUTH_MANAGER, "digest november")
    assert "Your teams, November 2026" in reply and "North Assessment Team" not in reply


def test_the_weekly_digest_is_unchanged(demo: Services, engine: Engine) -> None:
    reply = said(engine, HEAD, "digest last week")  # plain `digest` at a weekend is this week's (fix50b)
    assert "This is last week's digest" in reply and "November 2026 (1 Nov" not in reply
