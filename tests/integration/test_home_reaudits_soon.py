"""Home's "Re-audits due" leads with what is to do now (trial 40 L20): it said "68 cases", every case due however far
off, when 18 were overdue or due within 2 weeks. The longer count is still given, named as such."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine

from bot.core.services import Services
from bot.engine.home import home_sections
from bot.engine.routing import Engine
from tests.integration.test_reaudits import Cases

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2026, 12, 6, 12, 0, tzinfo=LONDON)  # Sunday 6 December


def test_home_counts_overdue_and_due_soon_apart_from_every_case_due(engine: Engine, services: Services) -> None:
    cases = Cases(services)
    cases.audit("CR-100070", "inadequate", TODAY - timedelta(weeks=8))  # due 26 Oct: overdue
    cases.audit("CR-100071", "inadequate", TODAY - timedelta(weeks=5))  # due in a week
    cases.audit("CR-100072", "requires_improvement", TODAY - timedelta(weeks=1))  # due in 11 weeks: later
    with time_machine.travel(TODAY, tick=False):
        home = {s.title: s for s in home_sections(engine, services, "U0MGRN001")}["Re-audits due"].text
    assert home.splitlines()[0] == ("2 cases overdue or due in the next 2 weeks (1 overdue, 1 due by Sat 19 Dec); "
                                    "3 cases due for re-audit in all, counting those due later")


def test_a_case_due_after_the_next_2_weeks_is_listed_under_due_later(engine: Engine, services: Services) -> None:
    """Trial 56 F13: "2 cases overdue or due in the next 2 weeks" headed three cases, the third due in 16 days."""
    cases = Cases(services)
    cases.audit("CR-100070", "inadequate", TODAY - timedelta(weeks=8))  # overdue
    cases.audit("CR-100071", "inadequate", TODAY - timedelta(weeks=5))  # due in a week
    cases.audit("CR-100072", "inadequate", TODAY - timedelta(weeks=3, days=5))  # due in 16 days: later
    with time_machine.travel(TODAY, tick=False):
        home = {s.title: s for s in home_sections(engine, services, "U0MGRN001")}["Re-audits due"].text
    lines = home.splitlines()
    assert lines[0].startswith("2 cases overdue or due in the next 2 weeks")
    assert [line.split(":")[0] for line in lines[1:]] == ["• CR-100070", "• CR-100071", "Due later", "• CR-100072"]
