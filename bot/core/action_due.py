"""When an action is overdue, and how its due date is shown: the one owner, which Home, the reminders, the digests,
`my actions`, `actions team` and every other list ask.

An action is work done on a working day, so one due on a weekend or a bank holiday (kept by its auditor after the
warning, knowledge.dates.day_off) is done by the next working day, and is overdue from the day after that: the rule
re-audits keep (bot.core.reaudits). Trial 60 (F30): actions due on Christmas Day were "overdue" on the first morning
back (Tuesday 29 December), the owner reminded once and the action put on the manager's weekly list the same day,
while a re-audit due on Christmas Day was "due by Tuesday 29 December". Where an action's date is a day off it is
shown with what the day is ("Fri 25 Dec 2026 (Christmas Day)"), so nobody reads it as a working day.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from bot.core.calendar import previous_working_day, working_day_on_or_after
from knowledge.dates import bank_holidays, short_date


def _day(value: date | str) -> date:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def done_by(due: date | str) -> date:
    """The working day an action due on `due` is done by: `due` itself on a working day, else the next working day
    (Tuesday 29 December 2026 for Christmas Day)."""
    return working_day_on_or_after(_day(due))


@lru_cache(maxsize=64)
def _cutoff(today: date) -> date:
    return previous_working_day(today) + timedelta(days=1)


def overdue_before(today: date | str) -> date:
    """The day an action must be due before to be overdue on `today`: the day after the last working day before
    today. On Tuesday 29 December 2026 that is Friday 25 December, so actions due on 25, 26, 27 or 28 December
    (done by the 29th) are not overdue yet; on an ordinary Wednesday it is the Wednesday itself. For a count in SQL
    (`due_date < ?`), which must agree with `is_overdue`."""
    return _cutoff(_day(today))


def is_overdue(due: date | str, today: date | str) -> bool:
    """Whether an open action due on `due` is overdue on `today`: the working day it is done by (`done_by`) has
    passed."""
    return _day(due) < overdue_before(today)


def is_due_today(due: date | str, today: date | str) -> bool:
    """Whether `today` is the working day an action due on `due` is done by (on 29 December 2026, one due on
    Christmas Day is)."""
    return done_by(due) == _day(today)


def day_off_name(due: date | str) -> str:
    """What a day off is called, "Christmas Day", "Boxing Day (substitute day)", "Saturday"; "" on a working day."""
    day = _day(due)
    calendar_of_days = bank_holidays()
    if calendar_of_days.is_working_day(day):
        return ""
    name = calendar_of_days.get(day)
    return str(name).replace(" (observed)", " (substitute day)") if name else f"{day:%A}"


def holiday_named(due: date | str) -> str:
    """" (Christmas Day)" after a date that is a bank holiday, "" after any other: where a list already shows the
    weekday ("Fri 25 Dec (Christmas Day)")."""
    name = day_off_name(due)
    return f" ({name})" if name and name != f"{_day(due):%A}" else ""


def due_shown(due: date | str, year: bool = True) -> str:
    """An action's due date as a list shows it: "29 Dec 2026" on a working day (`short_date`), and on a day off
    with its weekday and what the day is, "Fri 25 Dec 2026 (Christmas Day)", "Sun 27 Dec 2026" (trial 60, F30:
    `my actions` read "due 25 Dec 2026" with no word that it is Christmas Day)."""
    day = _day(due)
    if not day_off_name(day):
        return short_date(day, year=year)
    return f"{day:%a} {short_date(day, year=year)}{holiday_named(day)}"
