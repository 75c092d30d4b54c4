"""`end of jan`, `end of January` and `thurs just gone`: dates as managers write them, read (trial 13, F3).

Found by trial 13 (Mon 7 / Tue 8 Dec 2026): at "When was the child last seen…?" and at an action's due date these got
"! I could not read 'end of jan' as a date…", while `last thurs` and `29th jan` worked.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import parse_date
from bot.engine.routing import Engine
from knowledge.dates import MONTHS, WEEKDAYS, DateError, parse_day
from tests.e2e.test_terminal_chat import drive

TUESDAY = date(2026, 12, 8)
TO_LAST_SEEN = ["start audit voice of the child", "CR-482913", "1", "no"]


@pytest.mark.parametrize(("typed", "said"), [("thurs just gone", "Thursday 3 December 2026"),
                                             ("the Thursday just gone", "Thursday 3 December 2026"),
                                             ("this past Monday", "Monday 7 December 2026"),
                                             ("end of nov", "Monday 30 November 2026"),
                                             ("end of January 2026", "Saturday 31 January 2026")])
def test_a_date_said_as_managers_say_it_answers_the_date_question(engine: Engine, typed: str, said: str) -> None:
    with time_machine.travel(datetime(2026, 12, 8, 9, 50, tzinfo=ZoneInfo("Europe/London")), tick=False):
        _, out = drive(engine, [*TO_LAST_SEEN, typed])
    assert f"Got it: {said}." in out and "I could not read" not in out


@pytest.mark.parametrize("typed", ["end of jan", "end of january", "End of Jan.", "by the end of January"])
def test_the_end_of_a_month_named_is_its_last_day_ahead_as_a_due_date(typed: str) -> None:
    assert parse_date(typed, TUESDAY, "future") == date(2027, 1, 31)


def test_the_end_of_a_month_still_to_come_is_not_taken_as_a_day_gone() -> None:
    with pytest.raises(DateError, match="31 January 2027 is in 54 days, so it can't have happened yet"):
        parse_day("end of jan", TUESDAY, "past")  # the nearest reading is offered: 31/01/2026


@given(today=st.dates(date(2000, 1, 1), date(2090, 12, 31)), month=st.sampled_from(sorted(MONTHS)),
       tense=st.sampled_from(["past", "future", "any"]), the=st.sampled_from(["", "the ", "by the "]))
def test_end_of_a_named_month_is_that_months_last_day_or_one_clear_message(today: date, month: str, tense: str,
                                                                           the: str) -> None:
    try:
        day = parse_day(f"{the}end of {month}", today, tense)  # type: ignore[arg-type]
    except DateError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert day.month == MONTHS[month] and day.day == calendar.monthrange(day.year, day.month)[1]
    assert abs((day - today).days) <= 366
    assert tense != "future" or day >= today
    assert tense != "past" or day <= today


@given(today=st.dates(date(2000, 1, 1), date(2090, 12, 31)), weekday=st.sampled_from(sorted(WEEKDAYS)),
       form=st.sampled_from(["{} just gone", "the {} just gone", "this past {}", "{} gone"]),
       tense=st.sampled_from(["past", "future", "any"]))
def test_a_weekday_just_gone_is_the_latest_such_day_before_today(today: date, weekday: str, form: str,
                                                                 tense: str) -> None:
    day = parse_day(form.format(weekday), today, tense)  # type: ignore[arg-type]
    assert day.weekday() == WEEKDAYS[weekday] and timedelta(days=1) <= today - day <= timedelta(days=7)
