"""Trial 32, typed on a Saturday: `next fri` and `end of this week` gave Friday 11 December, `end of next week` the
18th, and the manager could not tell which rule was meant. The rule (knowledge.dates.parse_day): "this week" is the
working week now or, at a weekend, the one coming; "next week" the one after this one or, at a weekend, the one coming
too (trial 38: `away next week` on a Sunday paused the coming week, so "end of next week" is its Friday, as
knowledge.dates.next_week says); "next Friday" the next Friday to come after today. Each action's due date, typed on
every day of one week, on a pinned clock."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import AUDITOR, TO_ACTIONS, WORKER

LONDON = ZoneInfo("Europe/London")
WORDS = ("next fri", "end of this week", "end of next week", "friday week")
NOV_27, DEC_4, DEC_11 = dt.date(2026, 11, 27), dt.date(2026, 12, 4), dt.date(2026, 12, 11)
# Monday 23 November to Sunday 29 November 2026: what each of WORDS gives that day
EXPECTED = {
    23: (NOV_27, NOV_27, DEC_4, DEC_4), 24: (NOV_27, NOV_27, DEC_4, DEC_4), 25: (NOV_27, NOV_27, DEC_4, DEC_4),
    26: (NOV_27, NOV_27, DEC_4, DEC_4),
    27: (DEC_4, NOV_27, DEC_4, DEC_11),  # on a Friday, this week ends today; next Friday is a week on
    28: (DEC_4, DEC_4, DEC_4, DEC_11), 29: (DEC_4, DEC_4, DEC_4, DEC_11),  # at a weekend both weeks are the coming one
}


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_week_words_give_one_rule_on_every_day(engine: Engine, services: Services, day: int) -> None:
    lines = [line for index, words in enumerate(WORDS)
             for line in (f"Action number {index + 1} for the plan review.", WORKER, words)]
    with time_machine.travel(dt.datetime(2026, 11, day, 10, 0, tzinfo=LONDON), tick=False):
        _, out = drive(engine, [*TO_ACTIONS, *lines], user=AUDITOR)
    stored = [action.due_date for action in action_store.actions_of_audit(services.storage, 1)]
    assert stored == [due.isoformat() for due in EXPECTED[day]], out[-800:]
