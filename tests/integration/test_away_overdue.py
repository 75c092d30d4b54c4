"""Trial 63 (F1, F5): a manager asking what to do about a worker on leave whose action is overdue got the HR leave
policy's out-of-scope reply, was asked for the days of the worker's leave (action 89 ignored), or got "Did you
mean…" with working days for statutory timescales first. Now each wording says the worker's time away as booked,
their overdue actions, and `action N owner`, `action N due`, `hand over S1's actions to <name>`. Through the chat
engine on a pinned clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.audits.away_overdue import asked
from bot.composition import build_engine, build_services
from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.settings.config import load_settings
from bot.storage.reminders import set_away
from tests.support.action_rows import open_action
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 14, 10, 0, tzinfo=LONDON)
S1, SOUTH_TM, N1, NORTH_TM = "U0PRAS001", "U0MGRS001", "U0PRAN001", "U0MGRN001"


@pytest.fixture
def bot(environ: dict[str, str]) -> Iterator[tuple[Services, Engine, list[int]]]:
    """S1 (South) holds two overdue actions and one due later; N1 (North) one overdue. Yields the actions' numbers
    (S1's overdue two, S1's later one, N1's)."""
    with time_machine.travel(MONDAY, tick=False):
        services = build_services(load_settings(environ))
        made = [open_action(services.storage, due, owner=owner, auditor=auditor, team=team, case_ref=case)[1]
                for due, owner, auditor, team, case in (
                    (date(2026, 12, 1), S1, SOUTH_TM, "south-cin-cp", "CR-100300"),
                    (date(2026, 12, 4), S1, SOUTH_TM, "south-cin-cp", "CR-100301"),
                    (date(2026, 12, 30), S1, SOUTH_TM, "south-cin-cp", "CR-100302"),
                    (date(2026, 12, 2), N1, NORTH_TM, "north-assessment", "CR-100303"))]
        try:
            yield services, build_engine(services), made
        finally:
            services.storage.close()


def said(replies: list[Reply]) -> str:
    return flat("\n".join(f"{r.title or ''} {r.text}" for r in replies)).replace("**", "").replace("`", "")


def ask(engine: Engine, user: str, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        return said(engine.message(user, text, surface="terminal"))


def test_a_named_worker_on_leave_with_an_overdue_action_gets_their_actions_and_what_to_do(bot) -> None:
    services, engine, made = bot
    set_away(services.storage, S1, date(2027, 1, 4), None, datetime(2026, 12, 11, 9, tzinfo=UTC))
    reply = ask(engine, SOUTH_TM, f"sw s1 is on leave til january and action {made[0]} is overdue, what should i do")
    assert f"Action {made[0]} (CR-100300) is Social worker S1's, due 1 Dec 2026 (overdue)." in reply
    assert "Social worker S1 is away until Monday 4 January 2027." in reply
    assert f"Their overdue actions: {made[0]} (due 1 Dec 2026), {made[1]} (due 4 Dec 2026)." in reply
    assert f"action {made[0]} owner <person>" in reply and f"action {made[0]} due <date>" in reply
    assert "hand over S1's actions to <name>" in reply
    assert "pause" not in reply and "Nothing was changed" not in reply  # not read as booking S1's leave


def test_other_wordings_get_the_same_answer_never_the_hr_leave_policy(bot) -> None:
    services, engine, made = bot
    set_away(services.storage, S1, date(2027, 1, 4), None, datetime(2026, 12, 11, 9, tzinfo=UTC))
    named = ask(engine, SOUTH_TM, "s1 is on leave for 3 weeks and has overdue actions, what do i do?")
    assert f"Their overdue actions: {made[0]}" in named and "statutory timescales" not in named
    assert "talk it through with your manager" not in named
    unnamed = ask(engine, SOUTH_TM, "one of my workers is on annual leave and her action is overdue, should i "
                                    "reassign it?")
    assert "HR leave policy" not in unnamed
    assert (f"Away, with overdue actions: • Social worker S1, away until Monday 4 January 2027: overdue {made[0]} "
            f"(due 1 Dec 2026), {made[1]} (due 4 Dec 2026)") in unnamed
    assert f"action {made[0]} owner <person>" in unnamed and "hand over S1's actions to <name>" in unnamed


def test_nobody_away_and_another_teams_action_are_said_plainly(bot) -> None:
    _, engine, made = bot
    unnamed = ask(engine, SOUTH_TM, "one of my workers is on annual leave and her action is overdue, what now")
    assert "Nobody in your teams is marked away here with overdue actions: away until <date> for <worker>" in unnamed
    north = ask(engine, SOUTH_TM, f"s1 is on leave and action {made[3]} is overdue, what do i do")
    assert f"Action {made[3]} is not one of your teams' actions" in north and "CR-100303" not in north
    assert "Social worker S1 has no time away booked here: away until <date> for Social worker S1" in north


ADMIN = "U0ADMIN01"


@pytest.mark.parametrize("line", ["sw s1 is on leave til january and action {n} is overdue, what should i do",
                                  "s1 is off sick and action {n} is late, who covers it?"])
def test_an_action_named_that_is_not_the_away_workers_is_said_so_first(bot, line: str) -> None:
    """Trial 64 (F3): the admin named N1's action beside S1 and was told whose it was, never plainly that it was not
    S1's; the options then named it as S1's to hand on."""
    _, engine, made = bot
    reply = ask(engine, ADMIN, line.format(n=made[3]))
    assert reply.startswith(f"Action {made[3]} is Social worker N1's, not Social worker S1's: CR-100303, due "
                            "2 Dec 2026 (overdue)."), reply
    assert f"Their overdue actions: {made[0]} (due 1 Dec 2026), {made[1]} (due 4 Dec 2026)." in reply
    assert f"action {made[0]} owner <person>" in reply and f"action {made[3]} owner" not in reply


def test_nobody_away_said_to_an_admin_covers_every_team(bot) -> None:
    """Trial 64 (F11): the admin, in no team, was told "Nobody in your teams is marked away"; they read every team."""
    _, engine, _ = bot
    reply = ask(engine, ADMIN, "one of my workers is on annual leave and her action is overdue, what now")
    assert "Nobody in any team is marked away here with overdue actions" in reply, reply
    assert "actions team overdue lists every team's overdue actions" in reply and "your teams" not in reply, reply


def test_a_statement_of_leave_with_days_still_books_it_and_a_worker_is_not_answered_so(bot) -> None:
    _, engine, _ = bot
    assert "Set Social worker S1 away" in ask(engine, SOUTH_TM, "away until 4/1/2027 for s1")
    assert "What you can do about an action" not in ask(engine, N1, "s1 is on leave and her action is overdue")


@pytest.mark.parametrize("text", [
    "one of my workers is on annual leave and her action is overdue, should i reassign it?",
    "sw s1 is on leave til january and action 89 is overdue, what should i do",
    "s1 is off sick, who covers her actions?",
    "N2 is away next week and has late tasks",
])
def test_lines_about_an_away_workers_actions_are_asked(text: str) -> None:
    assert asked(text)


@pytest.mark.parametrize("text", [
    "s1 is on leave next week", "im on leave and my action is overdue", "action 89 is overdue",
    "how do i book annual leave", "away until 4/1 for s1",
])
def test_other_lines_are_not(text: str) -> None:
    assert not asked(text)
