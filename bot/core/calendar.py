"""Working days in England and Wales: the only days the bot nudges people or sends digests.

Weekends and bank holidays (from the maintained `holidays` package, subdivision ENG, which Wales shares)
are not working days, so a reminder never lands on Easter Monday and a digest due that day waits for
the Tuesday.
"""

from __future__ import annotations

import calendar as month_calendar
from datetime import date, timedelta

import holidays

from knowledge.dates import bank_holidays


def _england() -> holidays.HolidayBase:
    """A fresh England and Wales calendar (bank holidays with substitute days, Saturday and Sunday off), the same
    one the date examples avoid (knowledge.dates.bank_holidays).

    Built per call, not kept in a module-level cache: it fills in each year the first time it is asked about,
    and a calendar costs about a millisecond a year, which every caller here can afford.
    """
    return bank_holidays()


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday."""
    return _england().is_working_day(day)


def next_working_day(day: date) -> date:
    """The first working day strictly after `day` (Friday -> Monday, or Tuesday after a bank holiday)."""
    return _england().get_nth_working_day(day, 1)


def works_on(day: date, weekdays: frozenset[int] | None) -> bool:
    """A working day that is one of a part-timer's own weekdays (Monday is 0; None: all five)."""
    return is_working_day(day) and (weekdays is None or day.weekday() in weekdays)


def next_day_worked(day: date, weekdays: frozenset[int] | None) -> date:
    """The first day strictly after `day` that a part-timer works: a Monday-to-Wednesday worker's Wednesday is
    followed by Monday (or Tuesday, when Monday is a bank holiday), never Thursday."""
    if weekdays is not None and not weekdays & set(range(5)):
        weekdays = None  # nobody works no day: fall back to the service's week rather than search for ever
    following = next_working_day(day)
    while not works_on(following, weekdays):
        following = next_working_day(following)
    return following


def working_day_on_or_after(day: date) -> date:
    """`day` itself if people work that day, else the next working day: where a deferred job lands."""
    return _england().get_nth_working_day(day, 0)


def previous_working_day(day: date) -> date:
    """The last working day strictly before `day`."""
    return _england().get_nth_working_day(day, -1)


def add_working_days(day: date, count: int) -> date:
    """Move `count` working days forward (or back when negative), as timescales in practice are counted.

    Zero leaves `day` as it is, even on a weekend (holidays' own n=0 would move it to a working day).
    """
    return day if count == 0 else _england().get_nth_working_day(day, count)


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start): how long a draft sat idle."""
    if end <= start:
        return 0
    return _england().get_working_days_count(start + timedelta(days=1), end)


def last_day_of_month(year: int, month: int) -> date:
    return date(year, month, month_calendar.monthrange(year, month)[1])


def last_working_day_of_month(year: int, month: int) -> date:
    day = last_day_of_month(year, month)
    return day if is_working_day(day) else previous_working_day(day)


def month_end_check_day(year: int, month: int) -> date:
    """Five working days before the month's last working day: still time to catch up on the audit target."""
    return add_working_days(last_working_day_of_month(year, month), -5)


def mid_month_check_day(year: int, month: int) -> date:
    """The 15th, or the next working day when the 15th falls on a weekend or bank holiday."""
    return working_day_on_or_after(date(year, month, 15))


def first_working_day_of_week(day: date) -> date:
    """The first working day of `day`'s ISO week (Tuesday in a bank holiday week): weekly lists go then."""
    monday = day - timedelta(days=day.weekday())
    return working_day_on_or_after(monday)
