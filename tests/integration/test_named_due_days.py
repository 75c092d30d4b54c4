"""Due dates typed by the day's name (trial 14, F9): around Easter a manager typed `… by good friday`, then `good
friday` and `easter` at "When is it due?", and was told each could not be read as a date, though the bot names the
day itself once `26/03` is typed ("That is a bank holiday (Good Friday)"). The named days are read as the next such
day, said back, and queried as the bank holidays they are. The service, without Slack, on a pinned clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import actions as action_store
from knowledge.dates import bank_holidays, parse_day
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_edit import TO_ACTIONS
from tests.integration.test_due_dates_on_days_off import flat

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2027, 1, 4, 11, 15, tzinfo=LONDON)  # the trial's day: Easter 2027 is 28 March
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"


def test_an_action_due_by_good_friday_is_read_said_back_and_queried_as_a_bank_holiday(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Explain the CP plan to her using a story book by good friday",
                                WORKER], user=AUDITOR)
    said = flat(out)
    assert "could not read" not in said
    assert ("Action 1 added: due Friday 26 March 2027 (in 81 days). That is a bank holiday (Good Friday): to "
            "change it, type "
            "action 1 due and the date, like action 1 due 25/3 for Thursday 25 March, the last working day before "
            "it.") in said
    [action] = action_store.actions_of_audit(services.storage, 1)
    assert (action.description, action.due_date) == ("Explain the CP plan to her using a story book", "2027-03-26")


@pytest.mark.parametrize(("typed", "said"), [
    ("easter monday", "due Monday 29 March 2027 (in 84 days). That is a bank holiday (Easter Monday)"),
    ("Easter", "due Sunday 28 March 2027 (in 83 days). That is a Sunday"),
    ("the thursday before easter", "due Thursday 25 March 2027 (in 80 days). Actions (1 so far)"),
    ("boxing day", "due Sunday 26 December 2027 (in 356 days). That is a Sunday (Boxing Day; the bank holiday is "
                   "Tuesday 28 December)"),
    ("christmas eve", "due Friday 24 December 2027 (in 354 days). Actions (1 so far)"),
])
def test_a_named_day_typed_at_when_is_it_due_is_the_next_such_day(engine: Engine, typed: str, said: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*TO_ACTIONS, "Share the plan with the school.", WORKER, typed], user=AUDITOR)
    assert f"Action 1 added: {said}" in flat(out)


NAMED_BANK_HOLIDAYS = {"good friday": "Good Friday", "easter monday": "Easter Monday", "boxing day": "Boxing Day",
                       "new year's day": "New Year's Day", "christmas day": "Christmas Day"}


@settings(max_examples=60, deadline=None)
@given(today=st.dates(min_value=date(2001, 1, 1), max_value=date(2090, 12, 31)),
       name=st.sampled_from(sorted(NAMED_BANK_HOLIDAYS)), wording=st.sampled_from(["{}", "by {}", "the {}", "{} "]),
       upper=st.booleans())
def test_a_bank_holiday_by_name_is_the_next_one_ahead_and_the_latest_one_back(
        today: date, name: str, wording: str, upper: bool) -> None:
    typed = wording.format(name.title() if upper else name)
    ahead, back = parse_day(typed, today, "future"), parse_day(typed, today, "past")
    day = timedelta(days=1)
    assert back <= today <= ahead  # none between: the one before `ahead` is gone, the one after `back` to come
    assert parse_day(typed, ahead - day, "past") < today < parse_day(typed, back + day, "future")
    assert {bank_holidays().get(ahead), bank_holidays().get(back)} == {NAMED_BANK_HOLIDAYS[name]}
