"""Trial 49 (fix50a #3): a QA lead typing `actions north` (no `team`) in chat was told "That isn't how /audit actions
is typed"; `actions team north` worked. A team's id or part of its name alone now lists its actions, and an unknown
one says "There is no team `west`" with the team ids, as `actions team west` does."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive

QA = "U0QALEAD1"
WORKING_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday, in working hours
TEAMS = {"north": "north-assessment", "north-assessment": "north-assessment", "south": "south-cin-cp",
         "children-in-care": "children-in-care", "north assessment": "north-assessment"}


def _flat(out: str) -> str:
    return " ".join(out.split())


def test_actions_north_typed_by_a_qa_lead_lists_the_north_team(engine: Engine) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, ["actions north", "actions west"], user=QA)
    said = _flat(out)
    assert "That isn't how" not in said
    assert "North Assessment Team (north-assessment):" in said
    assert ("There is no team west. Teams: north-assessment (North Assessment Team), south-cin-cp (South Child in "
            "Need and Protection), children-in-care (Children in Care Team).") in said


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(TEAMS)), st.sampled_from([str.lower, str.upper, str.title]),
       st.sampled_from(["", " overdue"]))
def test_a_team_alone_reads_as_the_team_word_and_that_team(engine: Engine, team: str, case: object,
                                                           late: str) -> None:
    typed = case(team)  # type: ignore[operator]
    with time_machine.travel(WORKING_DAY, tick=False):
        _, alone = drive(engine, [f"actions {typed}{late}"], user=QA)
        _, worded = drive(engine, [f"actions team {typed}{late}"], user=QA)
    assert "That isn't how" not in alone
    assert TEAMS[team] in alone
    assert _flat(alone) == _flat(worded)
