"""Trial 50 (fix53d): `action 2 owner 15/1`, a date typed where the new owner goes in the command form, was "I don't
know that person" (a submitted audit) or "I don't know “15/1”" with three people offered (a moderated one), though
`give action 2 to 15/1` said the date is not a person and gave `action 2 due 15/1`. The command form now says the same,
with `action 2 owner` as the way to hand it over. The engine, on pinned clocks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from knowledge.dates import long_date
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import FIRST, THURSDAY, TO_ACTIONS
from tests.integration.test_action_handover import FRIDAY, MANAGER, N1, _action

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _shapes(day: date) -> dict[str, str]:
    """The ways a day is typed: 15/1, 15 Jan, 2027-01-15."""
    return {"slash": f"{day.day}/{day.month}", "month": f"{day.day} {MONTHS[day.month - 1]}",
            "iso": day.isoformat()}


def _unchanged(services: Services, action: int) -> None:
    found = action_store.get_action(services.storage, action)
    assert found is not None and (found.owner_id, found.due_date) == (N1, "2026-12-18")


@pytest.mark.parametrize("status", ["moderated", "submitted"])
def test_a_date_as_the_owner_in_the_command_gets_the_due_date_command(engine: Engine, services: Services,
                                                                      status: str) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        action = _action(services, status=status)
        [reply] = engine.message(MANAGER, f"action {action} owner 15/1", surface="terminal")
    assert reply.text == (f"“15/1” reads as a date, Friday 15 January 2027, not a person, so nothing changed. To make "
                          f"it the due date of action {action} (_Update the chronology_, due Friday 18 December 2026 "
                          f"now), type `action {action} due 15/1`. To give the action to someone, type `action "
                          f"{action} owner` and their name.")
    assert "I don't know" not in reply.text
    _unchanged(services, action)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ahead=st.integers(min_value=1, max_value=300), shape=st.sampled_from(["slash", "month", "iso", "next"]),
       status=st.sampled_from(["moderated", "submitted"]))
def test_any_date_shape_typed_as_the_owner_is_read_back_as_that_day(services: Services, engine: Engine, ahead: int,
                                                                    shape: str, status: str) -> None:
    day = FRIDAY.date() + timedelta(days=ahead)
    typed = "next friday" if shape == "next" else _shapes(day)[shape]
    read = FRIDAY.date() + timedelta(days=7) if shape == "next" else day
    with time_machine.travel(FRIDAY, tick=False):
        action = _action(services, status=status)
        [reply] = engine.message(MANAGER, f"action {action} owner {typed}", surface="terminal")
    assert f"“{typed}” reads as a date, {long_date(read)}, not a person, so nothing changed." in reply.text
    assert f"type `action {action} due {typed}`" in reply.text and "I don't know" not in reply.text
    _unchanged(services, action)


def test_a_date_as_the_owner_at_the_actions_step_gets_the_due_date_command(engine: Engine,
                                                                          services: Services) -> None:
    with time_machine.travel(THURSDAY, tick=False):
        drive(engine, [*TO_ACTIONS, *FIRST], user=MANAGER)
        _, out = drive(engine, ["action 1 owner 15 Jan"], user=MANAGER)
    said = " ".join(out.split())
    assert "“15 Jan” reads as a date, Friday 15 January 2027, not a person, so nothing changed." in said
    assert "type action 1 due 15 Jan." in said and "I don't know" not in said  # the terminal drops the code marks
