"""Trial 28 (MEDIUM): "whats overdue", "overdue actions" and "who in my team is behind" got "I'm not sure which of these
you mean". For a team manager they list the team's open actions, overdue first, and say how many are overdue
(bot.audits.overdue_asked); for a practitioner, their own."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.overdue_asked import asked
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 5, 17, 0, tzinfo=LONDON)
MANAGER = "U0MGRN001"
WORKER = "U0PRAN001"


def _said(engine: Engine, user: str, text: str) -> str:
    return flat("\n".join(reply.text for reply in engine.message(user, text, surface="terminal")))


@pytest.mark.parametrize("typed", ["whats overdue", "overdue actions", "who in my team is behind",
                                   "What's overdue?", "which actions are overdue", "anything overdue in my team"])
def test_a_manager_gets_the_teams_actions_overdue_first(engine: Engine, services: Services, typed: str) -> None:
    open_action(services.storage, date(2026, 12, 20), text="Review the plan")
    open_action(services.storage, date(2026, 11, 1), owner="U0PRAN002", text="Update the chronology",
                case_ref="CR-100300")
    with time_machine.travel(NOW, tick=False):
        said = _said(engine, MANAGER, typed)
    assert "1 open action in your teams is overdue" in said
    assert "Open actions in your teams" in said
    assert said.index("Update the chronology") < said.index("Review the plan")
    assert "Social worker N2: Update the chronology" in said and "(**overdue**)" in said
    assert "not sure which" not in said


def test_a_practitioner_gets_their_own(engine: Engine, services: Services) -> None:
    open_action(services.storage, date(2026, 11, 1))
    with time_machine.travel(NOW, tick=False):
        said = _said(engine, WORKER, "whats overdue")
    assert "1 open action of yours is overdue" in said and "Your open actions" in said


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_reading_any_text_never_fails_and_questions_of_audits_are_not_taken(text: str) -> None:
    assert asked(text) in (None, "own", "team")
    assert asked(f"how do i {text} audit targets") is None
