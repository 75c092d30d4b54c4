"""Trial 28 (MEDIUM): "whats overdue", "overdue actions" and "who in my team is behind" got "I'm not sure which of these
you mean". For a team manager they list the team's overdue actions only (trial 40), and say how many of how many are
overdue (bot.audits.overdue_asked); for a practitioner, their own."""

from __future__ import annotations

from datetime import date, datetime, timedelta
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
    assert "1 of the 2 open actions in your teams is overdue" in said
    assert "Overdue actions in your teams" in said
    assert "Review the plan" not in said  # only the overdue ones (trial 40), and how many are due later
    assert "1 more open action is due later: `/audit actions team`" in said
    assert "Social worker N2: Update the chronology" in said and "(**overdue**)" in said
    assert "not sure which" not in said


def test_a_practitioner_gets_their_own(engine: Engine, services: Services) -> None:
    open_action(services.storage, date(2026, 11, 1))
    with time_machine.travel(NOW, tick=False):
        said = _said(engine, WORKER, "whats overdue")
    assert "1 open action of yours is overdue" in said and "Your overdue actions" in said


@pytest.mark.parametrize("typed", ["which of my actions are overdue", "Which of my actions are still overdue?"])
def test_a_practitioner_asking_which_of_their_actions_are_overdue_gets_them(engine: Engine, services: Services,
                                                                            typed: str) -> None:
    """Trial 43 (13): "which of my actions are overdue" got knowledge-base options; `my overdue actions` worked."""
    open_action(services.storage, date(2026, 11, 1))
    with time_machine.travel(NOW, tick=False):
        said = _said(engine, WORKER, typed)
    assert "1 open action of yours is overdue" in said and "Your overdue actions" in said, said
    assert "Did you mean" not in said


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40))
def test_reading_any_text_never_fails_and_questions_of_audits_are_not_taken(text: str) -> None:
    assert asked(text) in (None, "own", "team")
    assert asked(f"how do i {text} audit targets") is None


def _late_and_later(services: Services, late: int, later: int) -> None:
    """`late` overdue actions in South (due in October and November), and `later` due after NOW."""
    for n in range(late):
        open_action(services.storage, date(2026, 10, 1) + timedelta(days=2 * n), owner="U0PRAS001",
                    auditor="U0MGRS001", team="south-cin-cp", text=f"Late visit {n}", case_ref=f"CR-2{n:05}")
    for n in range(later):
        open_action(services.storage, date(2026, 12, 10) + timedelta(days=n), owner="U0PRAS001",
                    auditor="U0MGRS001", team="south-cin-cp", text=f"Later visit {n}", case_ref=f"CR-3{n:05}")


def test_overdue_actions_for_a_named_team_lists_only_the_overdue_ones(engine: Engine, services: Services) -> None:
    """Trial 40: `overdue actions south` listed all 16 open actions, not only the 8 overdue."""
    _late_and_later(services, 3, 2)
    with time_machine.travel(NOW, tick=False):
        said = _said(engine, "U0ADMIN01", "overdue actions south")
    assert said.startswith("**Overdue actions in team south-cin-cp**")
    assert all(f"Late visit {n}" in said for n in range(3)) and "Later visit" not in said
    assert "2 more open actions are due later: `/audit actions team south-cin-cp`" in said
    with time_machine.travel(NOW, tick=False):
        assert "Later visit 1" in _said(engine, "U0ADMIN01", "open actions south")  # open ones: all of them


def test_every_overdue_page_says_truly_what_comes_next(engine: Engine, services: Services) -> None:
    """Trial 40: page 1 of 31 overdue ended "Due later: type more" though page 2 began with 11 more overdue."""
    _late_and_later(services, 25, 3)
    with time_machine.travel(NOW, tick=False):
        first = _said(engine, "U0MGRS001", "overdue actions")
        second = _said(engine, "U0MGRS001", "more")
        [everything] = engine.command("U0MGRS001", "actions team", surface="terminal")
    assert "25 of the 28 open actions in your teams are overdue" in first
    assert "(1 to 20 of 25)" in first
    assert "_More overdue: type `more`, or `/audit actions team overdue page 2`._" in first
    assert "Due later" not in first and "Later visit" not in first
    assert "(21 to 25 of 25)" in second and "Later visit" not in second
    assert "3 more open actions are due later: `/audit actions team`" in second
    assert "_More overdue: type `more`, or `/audit actions team page 2`._" in everything.text  # the full list too


def test_why_are_they_overdue_says_where_reasons_are_and_shows_waiting_requests(engine: Engine,
                                                                                  services: Services) -> None:
    """Trial 40: `why are they overdue` after the list went to the knowledge base."""
    _late_and_later(services, 2, 0)
    with time_machine.travel(NOW, tick=False):
        engine.message("U0PRAS001", "extend 1 to 18/12, family away", surface="terminal")
        _said(engine, "U0MGRS001", "overdue actions")
        said = _said(engine, "U0MGRS001", "why are they overdue")
    assert "2 open actions in your teams are overdue. 1 of them has asked for more time:" in said
    assert ("Action 1 (_Late visit 0_, audit #1, CR-200000) — Social worker S1, due 1 Oct 2026: more time asked to "
            "18 Dec, waiting for Team manager (South)") in said
    assert "`done 12 - what was done` keeps a note" in said and "`chase 12`" in said
    assert services.storage.db.execute("SELECT COUNT(*) FROM kb_asks").fetchone()[0] == 0  # never a question
