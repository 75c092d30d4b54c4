"""A date typed without a year for something that has happened means the nearest sensible one: the latest such
day on or before today, unless that day and month comes round in the next few weeks. Then it is in the future,
and the person is told so plainly (with the year-back date to type if that is what they meant) rather than last
year's date being stored without a word (user trial: "3/12" typed on 2 December was stored as 3 December 2025).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_answer
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from knowledge.checklist_schema import Question
from knowledge.dates import JUST_PASSED_DAYS, DateError, parse_day
from tests.e2e.test_terminal_chat import drive

LONDON = ZoneInfo("Europe/London")
DEC_2 = date(2026, 12, 2)
JAN_2 = date(2027, 1, 2)
LAST_SEEN = Question("last-seen-date", "When was the child last seen by their social worker?", "date")
TOMORROW_MESSAGE = ("3 December 2026 is tomorrow, so it can't have happened yet. Type the date it happened, e.g. "
                    "27/11, or 03/12/2025 if you mean December 2025.")  # a working day: 28/11 is a Saturday


@pytest.mark.parametrize("typed", ["3/12", "3 Dec", "3rd December", "December 3rd", "03.12", "Thursday 3 Dec"])
def test_tomorrows_day_and_month_is_refused_plainly_for_when_the_child_was_seen(typed: str) -> None:
    with pytest.raises(AnswerError) as refused:
        parse_answer(LAST_SEEN, typed, DEC_2)
    assert str(refused.value) == TOMORROW_MESSAGE


def test_the_year_back_date_is_taken_when_its_year_is_typed() -> None:
    assert parse_answer(LAST_SEEN, "03/12/2025", DEC_2) == "2025-12-03"
    assert parse_answer(LAST_SEEN, "3 Dec 2025", DEC_2) == "2025-12-03"
    assert parse_answer(LAST_SEEN, "27/11", DEC_2) == "2026-11-27"  # the example offered works as typed


@pytest.mark.parametrize(("typed", "meant"), [
    ("30/12", date(2026, 12, 30)), ("31 December", date(2026, 12, 31)), ("2/1", JAN_2), ("1 Jan", date(2027, 1, 1)),
    ("15/11", date(2026, 11, 15)), ("15/6", date(2026, 6, 15)),
])
def test_around_new_year_last_december_is_meant(typed: str, meant: date) -> None:
    assert parse_day(typed, JAN_2, "past") == meant


@pytest.mark.parametrize(("typed", "message"), [
    ("5/1", "5 January 2027 is in 3 days, so it can't have happened yet. Type the date it happened, e.g. 29/12, "
            "or 05/01/2026 if you mean January 2026."),
    ("28 Feb", "28 February 2027 is in 57 days, so it can't have happened yet. Type the date it happened, e.g. "
               "29/12, or 28/02/2026 if you mean February 2026."),
])
def test_a_day_and_month_in_the_coming_weeks_is_refused_in_january_too(typed: str, message: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_day(typed, JAN_2, "past")
    assert str(refused.value) == message


def test_a_date_ahead_is_still_read_as_it_was_where_the_checklist_allows_one() -> None:
    planned = Question("next-visit", "When is the next visit planned?", "date", allow_future=True)
    assert parse_answer(planned, "3/12", DEC_2) == "2026-12-03"
    assert parse_day("3/12", DEC_2, "future") == date(2026, 12, 3)


@given(today=st.dates(date(2000, 1, 1), date(2090, 12, 31)), day=st.dates(date(2001, 1, 1), date(2001, 12, 31)),
       form=st.sampled_from(["{d}/{m}", "{d:02d}/{m:02d}", "{d}.{m}", "{d} {month}", "{month} {d}"]))
def test_a_yearless_past_date_is_the_nearest_sensible_one_or_one_plain_refusal(today: date, day: date,
                                                                               form: str) -> None:
    """Never a future date, never silently a year or more back; when refused, the message names the future date
    and the year-back one, and typing that year-back date is then accepted."""
    typed = form.format(d=day.day, m=day.month, month=f"{day:%B}")
    this_year = day.replace(year=today.year)
    ahead = this_year if this_year > today else this_year.replace(year=today.year + 1)
    latest = this_year if this_year <= today else this_year.replace(year=today.year - 1)
    try:
        found = parse_day(typed, today, "past")
    except DateError as error:
        message = str(error)
        assert 0 < (ahead - today).days <= JUST_PASSED_DAYS
        assert message.startswith(f"{ahead.day} {ahead:%B %Y} is ")
        assert "can't have happened yet" in message and "\n" not in message
        offered = f"{latest.day:02d}/{latest.month:02d}/{latest.year}"
        assert offered in message
        assert parse_day(offered, today, "past") == latest
        return
    assert found == latest
    assert (ahead - today).days > JUST_PASSED_DAYS


@given(today=st.dates(date(2000, 1, 1), date(2090, 12, 31)), back=st.integers(0, 300))
def test_a_date_up_to_ten_months_back_is_always_read_without_its_year(today: date, back: int) -> None:
    happened = today - timedelta(days=back)
    assume(not (happened.month == 2 and happened.day == 29))
    assert parse_day(f"{happened.day}/{happened.month}", today, "past") == happened


def test_the_terminal_chat_refuses_tomorrow_and_stores_the_date_typed_next(engine: Engine,
                                                                           services: Services) -> None:
    with time_machine.travel(datetime(2026, 12, 2, 10, tzinfo=LONDON), tick=False):
        # the Voice of the child checklist, a case, its worker, no immediate concern, then "when last seen?"
        _, out = drive(engine, ["start audit", "Voice of the child", "CR-123456", "1", "2", "3/12", "27/11", "quit"])
    flat = " ".join(out.split())
    assert f"! {TOMORROW_MESSAGE}" in flat
    assert "Got it: Friday 27 November 2026." in flat
    [audit] = services.storage.db.query("SELECT id FROM audits")
    assert store.answers_of(services.storage, audit["id"])["last-seen-date"].value == "2026-11-27"
