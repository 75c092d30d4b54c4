"""Trial 48 (F18): `no` at "How many times has this child been on a plan … for neglect before this one?" gave only
"Got it: 0.". A count read from words (`no`, `none`, `never`) is still 0, and is now said back plainly with how to undo
it, as a bare "no" to "how many" may be a slip; a 0 typed as a digit is said back as before."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

WORKING_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/London"))  # a Wednesday, in working hours
TO_THE_COUNT = ["/audit start neglect", "CR-551234", "1", "no", "yes", "yes", "yes", "yes", "yes", "good",
                "GCP2 used and repeated, chronology current", "yes", "yes"]


@pytest.mark.parametrize("typed", ["no", "none", "never"])
def test_no_at_how_many_is_0_and_said_to_be_none_before_this_one(engine: Engine, services: Services,
                                                                  typed: str) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*TO_THE_COUNT, typed])
    said = " ".join(out.split())
    assert ("Got it: 0 (none before this one). If you meant something else, type change 9.") in said, said[-800:]
    assert store.answers_of(services.storage, 1)["repeat-plans"].value == "0"


def test_a_0_typed_as_a_digit_is_said_back_as_before(engine: Engine) -> None:
    with time_machine.travel(WORKING_DAY, tick=False):
        _, out = drive(engine, [*TO_THE_COUNT, "0"])
    said = " ".join(out.split())
    assert "Got it: 0." in said and "none before this one" not in said
