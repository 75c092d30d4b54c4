"""fix81e: requests for more time left to the request. (1) "i am on annual leave next week, can i have more time on
action 93" booked the leave and said the request "was not kept or sent"; now the request is asked, the leave left
unbooked and the command that books it named. (2) At "Which action…?", `can i get an extension` dropped the request
and went to the knowledge base; now "Which action?" is asked again. Through the chat engine on a pinned clock
(Monday 7 December 2026)."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.reminders import away_period
from tests.integration.test_more_time_trial41 import MONDAY, WORKER, _action, _asked
from tests.support.text import flat


def _say(engine: Engine, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):
        return " ".join(flat(reply.text, "`*_") for reply in engine.message(WORKER, text, surface="terminal"))


@pytest.mark.parametrize(("line", "command"), [
    ("i am on annual leave next week, can i have more time on action {n}", "away from 14/12 until 18/12"),
    ("im on leave next week, can i have more time on {n}?", "away from 14/12 until 18/12"),
    ("im off from 21/12 to 4/1, can i get an extension on {n}", "away from 21/12 to 4/1"),
])
def test_leave_said_with_a_request_for_more_time_asks_the_request_and_books_nothing(
        engine: Engine, services: Services, line: str, command: str) -> None:
    wanted = _action(services)
    out = _say(engine, line.format(n=wanted))
    assert out.startswith(f"Your time away is not booked yet: to book it, type {command}."), out
    assert f"Until when do you need action {wanted}" in out and "not kept or sent" not in out, out
    assert away_period(services.storage, WORKER) is None
    _say(engine, "22/12")
    assert _asked(services) == [(wanted, "2026-12-22")]


def test_leave_said_alone_is_still_booked(engine: Engine, services: Services) -> None:
    _action(services)
    out = _say(engine, "i am on annual leave next week")
    assert out.startswith("Booked: your reminders pause from Monday 14 December 2026"), out
    assert "not booked" not in out


WHICH_WAITING = "That is the request waiting: more time, which I send once you say which action."


@pytest.mark.parametrize("line", ["can i get an extension", "i need more time", "extension please",
                                  "how long can i have?"])
def test_the_request_said_again_at_which_action_asks_which_again(engine: Engine, services: Services,
                                                                 line: str) -> None:
    first, second = _action(services), _action(services, "2026-12-14")
    assert "Which action do you want more time on until 18 Dec 2026?" in _say(engine, "can i have till the 18th")
    out = _say(engine, line)
    assert out.startswith(f"{WHICH_WAITING} Which action do you want more time on until 18 Dec 2026? Type its number: "
                          f"your open actions are {first}, {second}"), out
    assert "was not sent" not in out and "Did you mean" not in out, out
    _say(engine, str(second))
    assert _asked(services) == [(second, "2026-12-18")]


def test_a_day_said_again_at_which_action_replaces_the_day_kept(engine: Engine, services: Services) -> None:
    _action(services), _action(services, "2026-12-14")
    _say(engine, "can i get more time")
    out = _say(engine, "can i have till the 22nd")
    assert out.startswith(f"{WHICH_WAITING} Which action do you want more time on until 22 Dec 2026?"), out


def test_another_line_at_which_action_still_drops_the_request(engine: Engine, services: Services) -> None:
    _action(services), _action(services, "2026-12-14")
    _say(engine, "can i get more time")
    out = _say(engine, "what is a child in need plan")
    assert WHICH_WAITING not in out and "Your request for more time was not sent" in out, out


@pytest.mark.parametrize(("user", "heading"), [("U0ADMIN01", "Overdue actions in every team"),
                                               ("U0QALEAD1", "Overdue actions in every team"),
                                               ("U0MGRN001", "Overdue actions in your teams")])
def test_team_overdue_actions_are_headed_for_whose_teams_they_are(engine: Engine, services: Services, user: str,
                                                                  heading: str) -> None:
    """(3) An admin (or a QA lead) has no teams of their own: their list is every team's, and says so."""
    _action(services, due="2026-12-01")
    with time_machine.travel(MONDAY, tick=False):
        out = " ".join(flat(reply.text, "`*_") for reply in engine.message(user, "actions team overdue",
                                                                           surface="terminal"))
        assert out.startswith(heading), out
        if user != "U0QALEAD1":  # a QA lead asked in words is answered of their own actions
            asked = " ".join(flat(reply.text, "`*_") for reply in engine.message(
                user, "which actions are overdue in the team", surface="terminal"))
            where = heading.removeprefix("Overdue actions ")
            assert asked.startswith(f"1 open action {where} is overdue") and heading in asked, asked


def test_an_admin_with_no_team_actions_is_told_none_in_any_team(engine: Engine) -> None:
    with time_machine.travel(MONDAY, tick=False):
        [reply] = engine.message("U0ADMIN01", "actions team", surface="terminal")
    assert reply.text == "Nobody in any team has an open action from audits.", reply.text
