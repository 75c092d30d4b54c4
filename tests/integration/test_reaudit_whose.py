"""A case's re-audit is for those who may start an audit of it: the case team's managers (or a colleague in that
team, as a peer audit), QA leads and admins. A manager who audited another team's case through a campaign may not
audit it outside one, so Home does not tell them its re-audit is due, and `/audit reaudits` says whose it is. Trial
11, F18: South's manager audited North's CR-482913 in a campaign (Requires improvement, 14 December 2026); on 24
December Home said "Re-audits due: 1 case … CR-482913", `reaudits` said "your cases and your teams' cases", and
starting it was refused at the worker ("You can audit cases in the teams you manage…")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_reaudits import NORTH_MANAGER, NORTH_WORKER, QA, SOUTH_MANAGER, Cases, at, reaudits

LONDON = ZoneInfo("Europe/London")
AUDITED = datetime(2026, 12, 14, 10, 20, tzinfo=LONDON)
THURSDAY = datetime(2026, 12, 24, 17, 0, tzinfo=LONDON)
CASE = "CR-482913"
WHOSE = ("North Assessment Team's case: its re-audit is for its manager (Team manager (North)), a QA lead or an "
         "admin")


@pytest.fixture
def audited_by_south(services: Services) -> int:
    return Cases(services).audit(CASE, "requires_improvement", AUDITED, auditor=SOUTH_MANAGER, worker=NORTH_WORKER)


def _home_lists(engine: Engine, services: Services, user: str) -> bool:
    sections = {s.title: s for s in home_sections(engine, services, user)}
    return "Re-audits due" in sections and CASE in sections["Re-audits due"].text


def _may_start(engine: Engine, user: str) -> bool:
    _, out = drive(engine, ["start audit early-help-spot", CASE, NORTH_WORKER, "cancel", "yes"], user=user)
    return "This is the re-audit of CR-482913" in out and "You can audit cases in the teams" not in out


@pytest.mark.parametrize("user", [SOUTH_MANAGER, NORTH_MANAGER, QA])
def test_home_says_a_re_audit_is_due_exactly_to_those_who_may_start_it(engine: Engine, services: Services,
                                                                      audited_by_south: int, user: str) -> None:
    with at(THURSDAY):
        listed = _home_lists(engine, services, user)
        allowed = _may_start(engine, user)
    assert listed == allowed == (user != SOUTH_MANAGER)


def test_the_campaign_auditors_reaudits_list_says_whose_it_is(engine: Engine, services: Services,
                                                             audited_by_south: int) -> None:
    with at(THURSDAY):
        south = reaudits(engine, SOUTH_MANAGER)
        north = reaudits(engine, NORTH_MANAGER)
    assert "Re-audits due in your teams' cases, your audits and your cases" in south
    assert f"{CASE}: due by Monday 8 March 2027" in south and WHOSE in south
    assert "your cases and your teams' cases" not in south
    assert f"{CASE}: due by Monday 8 March 2027" in north and WHOSE not in north
