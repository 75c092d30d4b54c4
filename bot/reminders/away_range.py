"""Leave days said as people say them (trial 43, finding 17): "from the 21st to 4th jan", "21st dec - 4th jan",
"between the 21st and the 4th".

`im on annual leave from the 21st to 4th jan, can you stop nagging me` was told "I could not read that as a date",
while `away from 21/12 until 4/1` worked. A range of two days of the month, each with or without its month, is read
here into the form the away parser takes (`from 2026-12-21 until 2027-01-04`): an end without a month takes the
other end's, moved on a month when its day comes before the other's ("21st to 4th jan": 21 December); with no month
at either end, the first day is the next such day from today and the last the first such day after it. A day that a
month does not have ("the 31st to the 4th" in a 30-day month) is asked about, never guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from bot.errors import UserError
from knowledge.dates import MONTHS, long_date, ordinal

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = (r"(?:the\s+)?(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<{0}m>" + _MONTH_NAMES + r")\b\.?)?")
RANGE = re.compile(r"\b(?:from|between)?\s*" + _DAY.format("a") + r"\s*(?:to|until|till|til|through|-|–|—|and)\s*"
                   + _DAY.format("b") + r"(?![/\w])", re.IGNORECASE)
_MAX_DAYS = 120  # a leave range longer than this from two bare days is more likely misread than meant


def dated(text: str, today: date) -> str:
    """`text` with a range of days of the month written `from YYYY-MM-DD until YYYY-MM-DD`; as it was when it has
    none. Raises UserError, asking, when a day does not exist in the month it falls in."""
    found = RANGE.search(text)
    if found is None or (found.group("am") is None and found.group("bm") is None and not _said_as_range(found)):
        return text
    first, last = _days(int(found.group("a")), found.group("am"), int(found.group("b")), found.group("bm"), today)
    return f"{text[:found.start()]}from {first.isoformat()} until {last.isoformat()}{text[found.end():]}".strip()


def _said_as_range(found: re.Match[str]) -> bool:
    """Two bare days are a range only with ordinals or "the", or "from"/"between" first (never "3 - 4" alone)."""
    said = found.group(0).lower()
    return bool(re.search(r"\d(?:st|nd|rd|th)\b|\bthe\b|^\s*(?:from|between)\b", said))


def _days(a: int, a_month: str | None, b: int, b_month: str | None, today: date) -> tuple[date, date]:
    """The first and last day away, each month taken from its own end, else from the other end's."""
    if a_month is not None:
        first = _next_on(a, MONTHS[a_month.lower().rstrip(".")], today)
    elif b_month is not None:
        month = MONTHS[b_month.lower().rstrip(".")]
        last_guess = _next_on(b, month, today)
        before = last_guess.replace(day=1) - timedelta(days=1) if a > b else last_guess
        first = _exact(before.year, before.month, a)
    else:
        first = _next_day_of_month(a, today)
    if b_month is not None:
        last = _next_on(b, MONTHS[b_month.lower().rstrip(".")], first)
    else:
        last = _next_day_of_month(b, first)
    if (last - first).days > _MAX_DAYS:
        raise UserError(f"Did you mean from {long_date(first)} to {long_date(last)}? That is a long time: type the "
                        "days with their months, for example `away from 21/12 until 4/1`. Nothing was changed.")
    return first, last


def _exact(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise UserError(f"{calendar.month_name[month]} has no {ordinal(day)}: type the days with their months, "
                        "for example `away from 21/12 until 4/1`. Nothing was changed.") from None


def _next_on(day: int, month: int, since: date) -> date:
    """The next `day` of `month` on or after `since`."""
    found = _exact(since.year, month, day)
    return found if found >= since else _exact(since.year + 1, month, day)


def _next_day_of_month(day: int, since: date) -> date:
    """The next date on or after `since` whose day of the month is `day`."""
    year, month = since.year, since.month
    for _ in range(13):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= since:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _exact(since.year, since.month, day)  # no month has it: said so
