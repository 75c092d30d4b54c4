"""fix80a: a practitioner saying they are away and their own action is overdue or due ("im on leave next week and my
action is overdue", "I'm off from Monday and action N is due while I'm away, what do I do?") got the HR leave policy's
out-of-scope reply or only the action's card. Now they are told their time away (as booked, else as the line says),
their overdue actions and those due while away, and what they can do: `extend N to <date>, <reason>` and `away from …
until …`. A manager saying so of their own actions is told the same. Through the terminal chat (`audit-bot chat`) and
the chat engine, on a pinned clock (Monday 7 December 2026, London)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime

import pytest
import time_machine

from bot.composition import build_engine, build_services
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import load_settings
from bot.storage.reminders import away_period, set_away
from tests.support.action_rows import open_action
from tests.support.cli import run_cli
from tests.support.text import flat
from tests.support.trial_day import LONDON

N1, NORTH_TM, S1, SOUTH_TM = "U0PRAN001", "U0MGRN001", "U0PRAS001", "U0MGRS001"
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
HR_POLICY = "HR leave policy"


@pytest.fixture
def made(environ: dict[str, str]) -> Iterator[list[int]]:
    """N1 owns one overdue action, one due Wednesday 16 December, one due in January; S1 one overdue; the North
    manager one overdue of their own. Yields the numbers in that order."""
    with time_machine.travel(MONDAY, tick=False):
        services = build_services(load_settings(environ))
        try:
            yield [open_action(services.storage, due, owner=owner, auditor=auditor, team=team, case_ref=case)[1]
                   for due, owner, auditor, team, case in (
                       (date(2026, 12, 1), N1, NORTH_TM, "north-assessment", "CR-100400"),
                       (date(2026, 12, 16), N1, NORTH_TM, "north-assessment", "CR-100401"),
                       (date(2027, 1, 20), N1, NORTH_TM, "north-assessment", "CR-100402"),
                       (date(2026, 12, 2), S1, SOUTH_TM, "south-cin-cp", "CR-100403"),
                       (date(2026, 12, 3), NORTH_TM, "U0QALEAD1", "north-assessment", "CR-100404"))]
        finally:
            services.storage.close()


def chat(environ: dict[str, str], user: str, *lines: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        done = run_cli(environ, "chat", "--user", user, stdin=io.StringIO("\n".join([*lines, "quit", ""])))
    assert "Traceback" not in done.out + done.err, done.err
    return flat(done.out, drop="`*")


def test_leave_next_week_and_an_overdue_action_at_the_terminal(environ: dict[str, str], made: list[int]) -> None:
    out = chat(environ, N1, "im on leave next week and my action is overdue")
    assert HR_POLICY not in out, out
    assert "your message says Monday 14 December 2026 to Friday 18 December 2026" in out, out
    assert f"Your overdue actions: {made[0]} (due 1 Dec 2026)" in out, out
    assert f"Due while you are away: {made[1]} (due 16 Dec 2026)" in out, out
    assert f"extend {made[0]} to <date>, <reason>" in out and "away from 14/12 until 18/12" in out, out


def test_a_named_action_due_while_away_at_the_terminal(environ: dict[str, str], made: list[int]) -> None:
    out = chat(environ, N1, f"I'm off from Monday and action {made[1]} is due while I'm away, what do I do?")
    assert HR_POLICY not in out, out
    assert f"Action {made[1]} (“Update the chronology”, CR-100401) is due 16 Dec 2026: due on or after your " \
           "first day away, Monday 14 December 2026" in out, out
    assert f"extend {made[1]} to <date>, <reason>" in out and "away from 14/12 until <last day>" in out, out


def test_a_booked_time_away_is_the_one_said_and_another_persons_action_is_not_described(
        environ: dict[str, str], made: list[int]) -> None:
    with time_machine.travel(MONDAY, tick=False):
        services = build_services(load_settings(environ))
        set_away(services.storage, N1, date(2026, 12, 18), None, MONDAY, date(2026, 12, 14))
        services.storage.close()
    out = chat(environ, N1, f"I'm away next week and action {made[3]} is overdue, what should I do")
    assert "You are booked away from Monday 14 December 2026 until Friday 18 December 2026" in out, out
    assert f"Action {made[3]} is not one of your actions" in out and "CR-100403" not in out, out
    assert "your time away is booked" in out, out


def test_a_manager_about_their_own_overdue_action(environ: dict[str, str], made: list[int]) -> None:
    out = chat(environ, NORTH_TM, "I'm on leave and my actions are overdue")
    assert HR_POLICY not in out, out
    assert f"Your overdue actions: {made[4]} (due 3 Dec 2026)" in out and str(made[0]) not in out.split(
        "Your overdue actions:")[1].split(".")[0], out


@pytest.fixture
def engine_with(environ: dict[str, str], made: list[int]) -> Iterator[tuple[Services, Engine]]:
    with time_machine.travel(MONDAY, tick=False):
        services = build_services(load_settings(environ))
        try:
            yield services, build_engine(services)
        finally:
            services.storage.close()


@pytest.mark.parametrize("line", ["im on leave next week and my action is overdue",
                                  "I\u2019m off from Monday and my actions are due while I\u2019m away"])
def test_nothing_is_booked_by_the_answer(engine_with: tuple[Services, Engine], line: str) -> None:
    services, engine = engine_with
    with time_machine.travel(MONDAY, tick=False):
        engine.message(N1, line, surface="terminal")
    assert away_period(services.storage, N1) is None


def test_a_managers_line_about_a_worker_still_goes_to_the_team_answer(engine_with: tuple[Services, Engine],
                                                                      made: list[int]) -> None:
    _services, engine = engine_with
    with time_machine.travel(MONDAY, tick=False):
        replies = engine.message(SOUTH_TM, f"sw s1 is on leave til january and action {made[3]} is overdue",
                                 surface="terminal")
    assert "What you can do about an action while its owner is away" in flat(replies[0].text), replies


@pytest.mark.parametrize("line", ["i am on annual leave next week, can i have more time on my actions?",
                                  "what happens to my actions while im on leave",
                                  "will my actions be paused when im on holiday",
                                  "do my action due dates change if im off sick"])
def test_own_actions_while_away_asked_any_way_get_the_options_not_hr(environ: dict[str, str], made: list[int],
                                                                      line: str) -> None:
    """Trial 64 (F1): these got the HR leave (or sickness) policy's out-of-scope reply."""
    out = chat(environ, N1, line)
    assert HR_POLICY not in out and "sickness" not in out, out
    assert f"Your overdue actions: {made[0]} (due 1 Dec 2026)" in out, out
    assert "Due dates do not move while you are away" in out, out
    assert f"extend {made[0]} to <date>, <reason>" in out, out


def test_leave_next_week_and_more_time_on_my_actions_names_those_due_then(environ: dict[str, str],
                                                                          made: list[int]) -> None:
    out = chat(environ, N1, "i am on annual leave next week, can i have more time on my actions?")
    assert f"Due while you are away: {made[1]} (due 16 Dec 2026)" in out, out
    assert "away from 14/12 until 18/12" in out, out
