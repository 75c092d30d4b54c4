"""`back from leave` typed before a booked leave has started (trial 52, F14) is told the leave hasn't started, with
the commands that cancel or move it, and the booking stays; never the reminders list, never cancelled unasked."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage.reminders import away_booked
from tests.e2e.test_terminal_chat import drive

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)  # a working day, a week before the leave
IN_LEAVE = datetime(2026, 12, 16, 10, 0, tzinfo=LONDON)
MANAGER = "U0MGRS001"
NOT_STARTED = ("Your leave hasn't started (it starts Monday 14 December; booked to Friday 1 January 2027): nothing has "
               "changed, and your reminders come as usual until then. To cancel it, /audit away off; to change the "
               "dates, /audit away from <first day> until <last day>.")


def _flat(out: str) -> str:
    return " ".join(out.split())


@pytest.mark.parametrize("typed", ["back from leave", "im back", "im back from leave, turn my reminders back on"])
def test_back_before_the_leave_starts_is_told_it_hasnt(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, ["im on leave from 14/12 to 1/1", typed], user=MANAGER)
        booked = away_booked(services.storage, MANAGER, MONDAY.date())
    said = _flat(out[out.index("cancels it.") + len("cancels it."):])
    assert said.startswith(NOT_STARTED), said
    assert "== Your reminders ==" not in said and "Cancelled" not in said
    assert booked is not None and booked[0].isoformat() == "2026-12-14"


def test_back_once_the_leave_has_started_is_not_told_so(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        drive(engine, ["im on leave from 14/12 to 1/1"], user=MANAGER)
    with time_machine.travel(IN_LEAVE, tick=False):
        _, out = drive(engine, ["im back"], user=MANAGER)
    assert "hasn't started" not in out
    assert "Welcome back: reminders are on again." in out
