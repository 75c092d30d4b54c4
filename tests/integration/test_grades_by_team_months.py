"""Trial 62 F9: a head of service asking "show me grades by team over the last 6 months" got six months' totals. In
the terminal chat on the trial day (the clock pinned: tests.support.trial_day), a team breakdown asked with months now
gets each team's months, per month its audits and Good or better with its counts, and the line for every team the
reader may see; a manager sees their own team; the wordings answered before are answered as before."""

from __future__ import annotations

import re

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.trial_day import nothing_unanswered, said, with_demo_data

HEAD, QA, MANAGER_NORTH = "U0ADMIN01", "U0QALEAD1", "U0MGRN001"
MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?: \(so far\))?: (?:no graded audits|(\d+) "
                   r"audits?, Good or better (\d+) of (\d+) \(\d+%\))")


@pytest.fixture
def demo(services: Services) -> Services:
    return with_demo_data(services)


@pytest.mark.parametrize("typed", ["show me grades by team over the last 6 months", "grades by team month by month"])
def test_grades_by_team_give_each_teams_months(demo: Services, engine: Engine, typed: str) -> None:
    for user in (HEAD, QA):
        reply = said(engine, user, typed)
        teams = re.findall(r"• ([^:•]+): ([^•]*)", reply)  # said() joins the reply's lines with spaces
        assert [name for name, _ in teams] == ["North Assessment Team", "South Child in Need and Protection",
                                               "Children in Care Team", "Every team"], reply
        for _, months in teams:
            found = MONTH.findall(months)
            assert len(found) >= 4 and all(audits == whole for audits, _, whole in found if audits), months
        assert "Good or better" in reply and "Requires improvement or Inadequate" not in reply
    assert "July 2026 to December 2026" in said(engine, HEAD, "show me grades by team over the last 6 months")
    assert nothing_unanswered(demo)


def test_a_team_named_gets_its_months_and_a_manager_their_own(demo: Services, engine: Engine) -> None:
    reply = said(engine, QA, "how have norths grades changed since june")
    assert "June 2026 to December 2026" in reply and "• North Assessment Team: Jun:" in reply, reply
    assert "South Child in Need" not in reply and "• Every team:" in reply
    own = said(engine, MANAGER_NORTH, "how have souths grades changed since october")
    assert "You can see your own team's figures, not South Child in Need and Protection's" in own, own
    assert "• North Assessment Team: Oct:" in own and "Every team" not in own


@pytest.mark.parametrize(("typed", "expected"), [
    ("are grades getting better across the service since september?", "• September 2026: Good or better"),
    ("grades this quarter", "Every team, Q3 2026/27"),
    ("audits by team last 6 months", "Every team, the last 6 months"),
])
def test_the_wordings_answered_before_are_answered_as_before(demo: Services, engine: Engine, typed: str,
                                                             expected: str) -> None:
    reply = said(engine, HEAD, typed)
    assert expected in reply and "by team, month by month" not in reply, reply
