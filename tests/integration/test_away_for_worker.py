"""Trial 41 (M5): a manager covering a worker's leave could not pause the worker's reminders. `away from 14/12 until
18/12 for S1` was told "I could not read '18/12 for S1' as a date", and `S1 is on leave next week, can you stop her
reminders` only explained pausing your own. A manager of the worker's team has the days read back, sets them on
`yes`, and the worker is told by DM; anyone else gets one line saying who can (bot.reminders.away_for)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.replies import Reply
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.reminders import away_period
from tests.support.text import flat

LONDON = ZoneInfo("Europe/London")
FRIDAY = datetime(2026, 12, 4, 9, 30, tzinfo=LONDON)  # in the worker's hours: her DM goes at once, not held (fix44d)
SOUTH_MANAGER = "U0MGRS001"
NORTH_MANAGER = "U0MGRN001"
WORKER = "U0PRAS001"
OTHER_WORKER = "U0PRAN001"


def _typed(engine: Engine, user: str, text: str) -> list[Reply]:
    with time_machine.travel(FRIDAY, tick=False):
        return engine.message(user, text, surface="terminal")


def _own(replies: list[Reply]) -> str:
    return flat(" ".join(reply.text for reply in replies if reply.is_for_requester))


@pytest.mark.parametrize(("typed", "first", "last"), [
    ("away from 14/12 until 18/12 for S1", date(2026, 12, 14), date(2026, 12, 18)),
    ("S1 is on leave next week, can you stop her reminders", date(2026, 12, 7), date(2026, 12, 11)),
    ("sw s1 is off from 14/12 to 18/12", date(2026, 12, 14), date(2026, 12, 18)),
])
def test_a_manager_sets_their_worker_away_on_yes_and_the_worker_is_told(
        engine: Engine, services: Services, typed: str, first: date, last: date) -> None:
    asked = _own(_typed(engine, SOUTH_MANAGER, typed))
    assert f"Set Social worker S1 away from {first:%A} {first.day} {first:%B %Y} to {last:%A} {last.day}" in asked
    assert away_period(services.storage, WORKER) is None  # nothing until yes
    replies = _typed(engine, SOUTH_MANAGER, "yes")
    assert "Done: Social worker S1 is away from" in _own(replies)
    told = [flat(reply.text) for reply in replies if reply.to_user == WORKER]
    assert told and told[0].startswith("Team manager (South) has set you away.")
    assert away_period(services.storage, WORKER) == (first, last, None)
    assert away_period(services.storage, SOUTH_MANAGER) is None  # the manager's own reminders are untouched


def test_no_sets_nothing(engine: Engine, services: Services) -> None:
    _typed(engine, SOUTH_MANAGER, "away from 14/12 until 18/12 for S1")
    assert "nothing was changed" in _own(_typed(engine, SOUTH_MANAGER, "no"))
    assert away_period(services.storage, WORKER) is None


def test_the_slash_command_takes_for_too(engine: Engine, services: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        asked = _own(engine.command(SOUTH_MANAGER, "away from 14/12 until 18/12 for Social worker S1"))
    assert "Set Social worker S1 away from Monday 14 December 2026 to Friday 18 December 2026?" in asked


@pytest.mark.parametrize(("user", "said"), [
    (NORTH_MANAGER, "Social worker S1 is not in a team you manage, so I can't set them away: Team manager (South)"),
    (OTHER_WORKER, "Social worker S1 can only be set away by their manager, so I can't set them away"),
])
def test_anyone_else_is_told_who_can_and_nothing_is_set(engine: Engine, services: Services, user: str,
                                                         said: str) -> None:
    for typed in ("away from 14/12 until 18/12 for S1", "S1 is on leave next week"):
        replies = _typed(engine, user, typed)
        assert said in _own(replies) and "Nothing was changed." in _own(replies)
        assert not [reply for reply in replies if reply.to_user == WORKER]
    assert away_period(services.storage, WORKER) is None


def test_leave_without_days_is_told_how_to_give_them(engine: Engine, services: Services) -> None:
    said = _own(_typed(engine, SOUTH_MANAGER, "S1 is off sick"))
    assert "To pause Social worker S1's reminders, tell me the days" in said
    assert away_period(services.storage, WORKER) is None


def test_a_pressed_yes_is_checked_again(engine: Engine, services: Services) -> None:
    with time_machine.travel(FRIDAY, tick=False):
        replies = engine.action(NORTH_MANAGER, "away.for.yes", f"{WORKER}|2026-12-14|2026-12-18|")
    assert "is not in a team you manage" in _own(replies)
    assert away_period(services.storage, WORKER) is None


def test_a_question_about_a_workers_leave_is_not_told_how_to_pause(engine: Engine, services: Services) -> None:
    said = _own(_typed(engine, SOUTH_MANAGER, "S1 is off sick, who covers her visits?"))
    assert "To pause" not in said and "Set Social worker S1 away" not in said
    assert away_period(services.storage, WORKER) is None
