"""Dates as people in England write them: 30/11/2026, 2026-11-30, 15 January, next Friday, Friday week, in two weeks,
good friday.

Day always comes before month in numbers (5/3 is 5 March). Words relative to today (tomorrow, next Friday,
in two weeks) and dates without a year need today's date, which callers take from the injected clock. A date
without a year means the next such date when looking ahead (a due date) and the most recent one when looking
back (when something happened), unless that day and month comes round in the next few weeks: then it is asked
about, never taken as last year's without a word. Only the standard library reads numbered dates, so the rules
are the same everywhere; the examples the messages give are working days in England, from the `holidays` package
(`bank_holidays`), so that no example suggests Christmas Day or a Sunday; and a due date a person types for such a
day is never taken without a word (`day_off`). Days named rather than numbered (Good Friday, Boxing Day) are
looked up in that same calendar, the one place their dates are kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from knowledge.text_cut import clip

if TYPE_CHECKING:
    from collections.abc import Iterable

    import holidays

Tense = Literal["past", "future", "any"]

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): number for number, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2,
                "a few": 3, "few": 3}
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
EARLIEST_YEAR, LATEST_YEAR = 1, 9999
MAX_RELATIVE = 3660  # days: ten years either way is the furthest a relative date may reach

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?")
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"([a-z]+)"
_DAY_MONTH = re.compile(rf"{_ORDINAL}(?: of)? {_MONTH}(?: (\d{{4}}))?")
_MONTH_DAY = re.compile(rf"{_MONTH} {_ORDINAL}(?: (\d{{4}}))?")
# "30th", "the 30th", "wed 30th", "wednesday the 30th", "wed 30": a day of the month alone (a number alone is no date)
_DAY_ALONE = re.compile(r"(?:([a-z]+) )?(?:the )?(\d{1,2})(st|nd|rd|th)?")
_COUNT = r"(\d{1,4}|a couple of|couple of|a few|few|[a-z]+)"
# A unit as people write it in chat: "in 2 wks", "3 mths ago", "in 2wks" (trial 17, F3: `in 2 wks` was not read,
# `in 2 weeks` was). "mon" is Monday and "m" a minute or a metre, so neither is a month here.
UNIT_WORDS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week",
              "fortnight": "fortnight", "fortnights": "fortnight", "month": "month", "months": "month",
              "mth": "month", "mths": "month", "mnth": "month", "mnths": "month", "year": "year", "years": "year",
              "yr": "year", "yrs": "year"}
_UNIT = "(" + "|".join(sorted(UNIT_WORDS, key=len, reverse=True)) + ")"
_IN = re.compile(rf"(?:in|within) {_COUNT} {_UNIT}(?: time)?")
# "in 5 working days", "within 10 working days" (trial 19: refused as a due date, though the bot's own answers count
# timescales so): counted on the bot's working days (`bank_holidays`), day 0 being today
_WORKING_DAYS = re.compile(rf"(?:(?:in|within) )?{_COUNT} (?:working|business|work) days?(?: time)?")
_AGO = re.compile(rf"{_COUNT} {_UNIT} ago")
_NUMBER_THEN_UNIT = re.compile(r"(?<=\d)(?=[a-z])")  # "2wks" is "2 wks"
_END_OF = re.compile(r"(?:by )?(?:the )?end of (?:(the|this|next|last) )?(week|month)")
_WEEKDAY_WEEK = re.compile(r"([a-z]+) week|a week (?:on )?([a-z]+)")  # "friday week", "a week on friday"
_END_OF_MONTH = re.compile(r"(?:by )?(?:the )?end of (?:the month of )?([a-z]+)(?: (\d{4}))?")  # "end of jan"
_MID_MONTH = re.compile(r"(?:by )?(?:the )?(?:mid|middle of)[- ]?(?:the month of )?([a-z]+)(?: (\d{4}))?")  # "mid feb"
# "thurs just gone", "this past Thursday", "the Thursday just gone": the latest one before today, as "last Thursday"
_WEEKDAY = re.compile(r"(?:(next|this|last|on|coming|this coming|past|this past) )?([a-z]+)"
                      r"(?: (just gone|gone|just passed|that has just gone))?")
_PAST_WORDS = frozenset({"last", "past", "this past"})
FORMAT_HINT = "a full date with its year, day first, like 30/11/2026 or 2026-11-30"
# A date written in full, where nothing can be taken from today (a review date typed by a QA lead): only forms
# that cannot be misread. Numbers are day first, always; a year of two digits or a month-first order is refused.
_FULL_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_FULL_NAMED = re.compile(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+) (\d{4})")
FULL_DATE_FORMS = "DD/MM/YYYY (31/03/2027), D Month YYYY (31 March 2027) or YYYY-MM-DD (2027-03-31)"


class DateError(ValueError):
    """What was typed is not a date this parser understands, or not one that fits; the message says why."""


class NoSuchDay(DateError):
    """A date in a form that reads, for a day its month does not have (`31/02/2027`); `why` says so without the
    date typed ("February 2027 has 28 days, so no 31st"), for a message that quotes it another way."""

    def __init__(self, raw: str, why: str) -> None:
        super().__init__(f"'{_quote(raw)}' is not a real date: {why}.")
        self.why = why


def long_date(day: dt.date) -> str:
    """How a date is echoed back: 'Friday 15 January 2027', so a misread date is caught at once."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def time_on_day(local: dt.datetime) -> str:
    """A moment as the bot says one, in local time: '05:39 on Friday 4 December 2026' (a restore's deadline, when
    the last good copy of the knowledge base was saved); the caller turns it to the bot's timezone first."""
    return f"{local:%H:%M on %A} {local.day} {local:%B %Y}"


def short_date(day: dt.date | str, year: bool = True) -> str:
    """How a date is shown in a reply's lines: '3 Dec 2026' (or '3 Dec' where the year goes without saying). Every
    date a person reads in a list goes through here; a stored ISO date ('2026-12-03') is never shown as it is."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return f"{day.day} {day:%b %Y}" if year else f"{day.day} {day:%b}"


def numeric(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _clean(text: str) -> str:
    lowered = (text or "").strip().lower().replace(",", " ").replace("’", "'")
    lowered = re.sub(r"(?<=[a-z])\.(?=\s|$)", "", lowered)  # "Jan." or "Fri."
    lowered = re.sub(r"^(?:(?:on|by|due|until|the)\s+)+", "", " ".join(lowered.split()))
    return " ".join(lowered.rstrip(".!").split())


def _quote(raw: str) -> str:
    """What was typed, on one line and short, to quote back in a message: cut as every preview is (so held-DM
    redaction finds it), keeping a space at the cut as it always has."""
    return clip(raw, 30, one_line=True, trim=False)


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 11th, 22nd, 30th: a day of the month as people say it."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def no_such_day(month: int, day: int, year: int | None = None) -> str | None:
    """Why a day and month that look like a date are none, when the month is real and the day is one some month has
    ("February 2027 has 28 days, so no 31st"); None otherwise (month 13, day 0 or 32: the numbers are wrong, not
    the month's length). A trial's `31/02/2027` was told to write it as DD/MM/YYYY, the form it was written in."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    name = calendar.month_name[month]
    if year is None:
        days = calendar.monthrange(2001, month)[1]  # 2001: not a leap year; February is said apart
        if day <= (29 if month == 2 else days):
            return None
        length = "28 days (29 in a leap year)" if month == 2 else f"{days} days"
        return f"{name} has {length}, so no {ordinal(day)}"
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    days = calendar.monthrange(year, month)[1]
    return None if day <= days else f"{name} {year} has {days} days, so no {ordinal(day)}"


def _date(year: int, month: int, day: int, raw: str, yearless: bool = False) -> dt.date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise DateError(f"The year in '{_quote(raw)}' is out of range; write a year between {EARLIEST_YEAR} and "
                        f"{LATEST_YEAR}.")
    try:
        return dt.date(year, month, day)
    except ValueError:
        why = no_such_day(month, day, None if yearless else year)
        if why:
            raise NoSuchDay(raw, why) from None
        raise DateError(f"'{_quote(raw)}' is not a real date; check the day and month (the day comes first).") \
            from None


JUST_PASSED_DAYS = 62  # a yearless date this near on the wrong side of today (just passed for a due date, about to
# come round for something that happened) is a slip or needs its year; it is questioned, not guessed


def _yearless(month: int, day: int, today: dt.date, tense: Tense, raw: str) -> dt.date:
    """The next such date looking ahead, the latest one looking back, and the nearest one otherwise."""
    if month == 2 and day == 29:
        years = [y for y in range(today.year - 4, today.year + 5) if calendar.isleap(y)]
    else:
        _date(2000, month, day, raw, yearless=True)  # a real day of the year at all? (2000 is a leap year)
        years = [today.year - 1, today.year, today.year + 1]
    candidates = [dt.date(y, month, day) for y in years]
    if tense == "future":
        passed = max((c for c in candidates if c < today), default=None)
        ahead = min(c for c in candidates if c >= today)
        if passed is not None and (today - passed).days <= JUST_PASSED_DAYS and (ahead - today).days > 183:
            # "30/11" typed on 2 December is a slip (or an overdue date), not a date eleven months ahead: say so
            raise DateError(f"{passed.day} {passed:%B} {passed_said((today - passed).days)}. For a date ahead, type "
                            f"the day and month again, or {ahead:%d/%m/%Y} if you mean next year.")
        return ahead
    if tense == "past":
        return _looking_back(candidates, today)
    return min(candidates, key=lambda c: (abs((c - today).days), c < today))


def passed_said(days: int) -> str:
    """'has just passed' for a day in the last few, else how long ago ('passed 5 weeks ago'): trial 50 read "1
    November has just passed" on 6 December."""
    if days <= 3:
        return "has just passed"
    return f"passed {days} days ago" if days < 14 else f"passed {days // 7} weeks ago"


def _looking_back(candidates: list[dt.date], today: dt.date) -> dt.date:
    """The nearest sensible reading of a yearless date for something that has happened: the latest one on or
    before today, unless the same day and month comes round within the next weeks. Then the nearest reading is
    in the future ("3/12" typed on 2 December is tomorrow), which cannot be when it happened, and silently taking
    last year's would store a date a year out; so say so, and let the person type the year if that is meant."""
    passed = max(c for c in candidates if c <= today)
    ahead = min((c for c in candidates if c > today), default=None)
    if ahead is None or (ahead - today).days > JUST_PASSED_DAYS:
        return passed
    gap = (ahead - today).days
    when = "tomorrow" if gap == 1 else f"in {gap} days"
    recent = working_day_near(today - dt.timedelta(days=RECENT_EXAMPLE_DAYS), later=False)
    raise DateError(f"{ahead.day} {ahead:%B %Y} is {when}, so it can't have happened yet. Type the date it "
                    f"happened, e.g. {recent.day}/{recent.month}, or {numeric(passed)} if you mean {passed:%B %Y}.")


RECENT_EXAMPLE_DAYS = 4  # the example of a date that has happened: a few days back, never ambiguous itself


def _count(word: str) -> int | None:
    if word.isdecimal():
        return int(word)
    return NUMBER_WORDS.get(word)


def _shift(today: dt.date, count: int, unit: str, sign: int) -> dt.date:
    if unit in UNIT_DAYS:
        days = count * UNIT_DAYS[unit]
        if days > MAX_RELATIVE:
            raise DateError("That is too far away to be a date in a case file; write the date itself.")
        return today + dt.timedelta(days=sign * days)
    months = count * (12 if unit == "year" else 1)
    if months > MAX_RELATIVE // 30:
        raise DateError("That is too far away to be a date in a case file; write the date itself.")
    total = today.year * 12 + today.month - 1 + sign * months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def next_week(today: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and Friday of "next week", the one rule every reader of the words keeps (time away, due dates,
    `next monday`): at a weekend it is the working week ahead, starting the coming Monday; Monday to Friday it is the
    week after this one. Trial 38: on Sunday 6 December `away next week` paused 7-11 December while an action due
    "end of next week" was stored for the 18th, so the same words meant two weeks in one conversation."""
    monday = today + dt.timedelta(days=7 - today.weekday())
    return monday, monday + dt.timedelta(days=4)


def _next_week_day(today: dt.date) -> dt.date:
    """The day "next week" alone is as a date: a week today on Monday to Friday, the coming Monday at a weekend
    (a week today would be the weekend after the week meant); a working day of that week, the first on or after it
    (or its last, when none is after it), so a due date said this way never lands on a day off."""
    monday, friday = next_week(today)
    wanted = today + dt.timedelta(weeks=1) if today.weekday() < 5 else monday
    working = _working_days(monday, friday)
    return next((day for day in working if day >= wanted), working[-1] if working else wanted)


def _working_days(first: dt.date, last: dt.date) -> list[dt.date]:
    """The working days from `first` to `last`, both included, in England's calendar (`bank_holidays`)."""
    calendar_of_days = bank_holidays()
    days = (first + dt.timedelta(days=offset) for offset in range((last - first).days + 1))
    return [day for day in days if calendar_of_days.is_working_day(day)]


def _weekday(which: str | None, weekday: int, today: dt.date, tense: Tense) -> dt.date:
    ahead = (weekday - today.weekday()) % 7
    behind = (today.weekday() - weekday) % 7
    if which == "last":
        return today - dt.timedelta(days=behind or 7)
    if which in ("next", "coming", "this coming"):
        if weekday == 0:  # "next monday" starts "next week", whichever day it is said
            return next_week(today)[0]
        return today + dt.timedelta(days=ahead or 7)
    if which == "this":
        return today + dt.timedelta(days=ahead)
    if tense == "past":
        return today - dt.timedelta(days=behind)
    return today + dt.timedelta(days=ahead)


def parse_day(text: str, today: dt.date | None = None, tense: Tense = "any") -> dt.date:
    """The date meant by `text`, or DateError with one message saying what to write instead.

    Without `today` only full dates (with a year) are understood, so nothing here ever reads the wall clock.

    Weeks are working weeks, one rule on every day (trial 32 typed them on a Saturday): "this week" is the week now,
    or at a weekend the one coming (it has ended), so "end of this week" is its Friday: today on a Friday, the coming
    Friday on a Saturday or Sunday. "next week" is `next_week`'s (trial 38): at a weekend the week ahead too, else the
    week after this one; "end of next week" is its last working day, "next week" alone a week today (at a weekend
    its Monday), "next Monday" its Monday. "next Friday" (any weekday)
    is the next one to come after today, never today: so on a weekend it is the end of this week, as on Monday to
    Thursday, and on a Friday a week on; "Friday week" is a week after "next Friday".
    """
    raw = (text or "").strip()
    cleaned = _clean(raw)
    if not cleaned:
        raise DateError(f"Please type a date, like {examples(today, tense) if today else FORMAT_HINT}.")
    if (match := _ISO.fullmatch(cleaned)) is not None:
        year, month, day = (int(part) for part in match.groups())
        return _date(year, month, day, raw)
    if (match := _NUMERIC.fullmatch(cleaned)) is not None:
        day, month = int(match.group(1)), int(match.group(2))
        if match.group(3) is None:
            if 1 <= month <= 12:
                return _yearless(month, day, _need(today), tense, raw)
            return _date(2000, month, day, raw, yearless=True)
        year = int(match.group(3))
        return _date(year + (2000 if year < 70 else 1900) if year < 100 else year, month, day, raw)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        cleaned_named = re.sub(r"^[a-z]+ (?=\d)", lambda m: "" if m.group().strip() in WEEKDAYS else m.group(),
                               cleaned)
        match = pattern.fullmatch(cleaned_named)
        if match is not None and match.group(month_group) in MONTHS:
            month, day = MONTHS[match.group(month_group)], int(match.group(day_group))
            found = (_date(int(match.group(3)), month, day, raw) if match.group(3)
                     else _yearless(month, day, _need(today), tense, raw))
            _check_weekday(cleaned, found, raw)
            return found
    return (_day_alone(cleaned, raw, today, tense) or _named_day(cleaned, today, tense)
            or _new_year(cleaned, raw, today, tense) or _relative(cleaned, raw, today, tense))


def parse_full_date(text: str) -> dt.date:
    """A whole date in one of the forms no one in England misreads: 31/03/2027, 31 March 2027 (or 31 Mar 2027,
    31st March 2027) or 2027-03-31. Anything else raises DateError with one message naming those forms: 03/31/2027
    is refused, never read month first, and 03/04/2027 is 3 April; a day the month does not have, in one of those
    forms, is told so instead (`31/02/2027`: "February 2027 has 28 days, so no 31st"), as `parse_day` tells it.

    For a date kept in a file (a knowledge entry's `review_by:`), where a guess would be written down and acted
    on months later: unlike `parse_day`, it takes nothing from today and has no yearless or relative forms.
    """
    cleaned = _clean(text if isinstance(text, str) else "")
    parts: tuple[int, int, int] | None = None
    if (match := _ISO.fullmatch(cleaned)) is not None:
        parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif (match := _FULL_NUMERIC.fullmatch(cleaned)) is not None:
        parts = (int(match.group(3)), int(match.group(2)), int(match.group(1)))
    elif (match := _FULL_NAMED.fullmatch(cleaned)) is not None and match.group(2) in MONTHS:
        parts = (int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
    if parts is not None:
        year, month, day = parts
        try:
            if EARLIEST_YEAR <= year <= LATEST_YEAR:
                return dt.date(year, month, day)
        except ValueError:
            if (why := no_such_day(month, day, year)) is not None:
                raise NoSuchDay(text, why) from None
    shown = f"'{_quote(text)}' is not" if isinstance(text, str) and text.strip() else "That is not"
    raise DateError(f"{shown} a date I can read: write it as {FULL_DATE_FORMS}, day before month.")


def _day_alone(cleaned: str, raw: str, today: dt.date | None, tense: Tense) -> dt.date | None:
    """A day of the month typed without its month ("30th", "wed 30th", "wednesday the 30th"): the next such day,
    this month's if it is still to come, else next month's (looking back, the latest: this month's if it has come,
    else last month's); a weekday with it must be that day's. None when `cleaned` is not one. A trial's manager
    typed `action 1 due wed 30th`, as people write dates in chat, and was told it could not be read."""
    match = _DAY_ALONE.fullmatch(cleaned)
    if match is None:
        return None
    weekday, number, suffix = match.groups()
    if (weekday is None and suffix is None) or (weekday is not None and weekday not in WEEKDAYS):
        return None
    today = _need(today)
    found = _month_of_day(int(number), today, tense, raw)
    if weekday is None or WEEKDAYS[weekday] == found.weekday():
        return found
    other_side = _day_in_month(found.day, today, "past" if tense != "past" else "future")
    if other_side is not None and other_side.weekday() == WEEKDAYS[weekday]:  # "mon 7th" on Tuesday 8th: yesterday
        return check_tense(other_side, today, tense)
    near = _weekday_near(found, WEEKDAYS[weekday], today, tense)
    raise DateError(f"The {ordinal(found.day)} is {long_date(found)}, not a {calendar.day_name[WEEKDAYS[weekday]]}. "
                    f"Type the date with its month: {found.day}/{found.month} for the {found:%A}, or "
                    f"{near.day}/{near.month} for {near:%A} {near.day} {near:%B}.")


def _month_of_day(day: int, today: dt.date, tense: Tense, raw: str) -> dt.date:
    """The `day` of this month or, when it has passed (looking ahead) or is still to come (looking back), of the
    next (or last) month; DateError when that month has no such day, with the dates that may be meant."""
    if not 1 <= day <= 31:
        raise DateError(f"'{_quote(raw)}' is not a day of the month. Write the date with its month, like "
                        f"{examples(today, tense)}.")
    found = _day_in_month(day, today, tense)
    if found is not None:
        return found
    index = _month_index(day, today, tense)
    year, month = _year_month(index)
    while calendar.monthrange(*_year_month(index))[1] < day:
        index += -1 if tense == "past" else 1
    other = dt.date(*_year_month(index), day)
    raise DateError(f"{no_such_day(month, day, year)}: type the date with its month, like {day}/{other.month} for "
                    f"{other:%A} {day} {other:%B}.")


def _day_in_month(day: int, today: dt.date, tense: Tense) -> dt.date | None:
    """`_month_of_day`'s date, or None when its month is too short for `day`."""
    year, month = _year_month(_month_index(day, today, tense))
    return dt.date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None


def _month_index(day: int, today: dt.date, tense: Tense) -> int:
    """The month a day of the month typed alone is in, counted from year 0 (year * 12 + month - 1): this month, or
    the next (looking ahead) when `day` has passed, or the last (looking back) when it is still to come."""
    step = -1 if tense == "past" else 1
    return today.year * 12 + today.month - 1 + (step if (day - today.day) * step < 0 else 0)


def _year_month(index: int) -> tuple[int, int]:
    """The year and month (1-12) of a `_month_index`."""
    return index // 12, index % 12 + 1


def _weekday_near(day: dt.date, weekday: int, today: dt.date, tense: Tense) -> dt.date:
    """The `weekday` nearest `day` (within 3 days), on the side of today the date must be on: what a weekday typed
    with the wrong day of the month probably meant ("thu 30th" when the 30th is a Wednesday: Thursday 31st)."""
    for gap in sorted(range(-6, 7), key=abs):
        near = day + dt.timedelta(days=gap)
        if near.weekday() == weekday and (near <= today if tense == "past" else near >= today):
            return near
    raise AssertionError("a week ahead of (or behind) a date on the right side of today has every weekday")


# Days people name rather than number ("by good friday", "before christmas eve"): the bank holiday of that name in
# England's calendar (`bank_holidays`), or a day counted from one (Easter Sunday is two days after Good Friday).
_NAMED_DAYS: dict[str, tuple[str, int]] = {
    "good friday": ("Good Friday", 0), "easter monday": ("Easter Monday", 0),
    "easter": ("Good Friday", 2), "easter sunday": ("Good Friday", 2), "easter day": ("Good Friday", 2),
    "maundy thursday": ("Good Friday", -1), "thursday before easter": ("Good Friday", -1),
    "christmas": ("Christmas Day", 0), "christmas day": ("Christmas Day", 0), "xmas": ("Christmas Day", 0),
    "christmas eve": ("Christmas Day", -1), "boxing day": ("Boxing Day", 0), "new year's eve": ("Christmas Day", 6),
    "new year's day": ("New Year's Day", 0), "new years day": ("New Year's Day", 0),
    "xmas eve": ("Christmas Day", -1), "xmas day": ("Christmas Day", 0), "new years eve": ("Christmas Day", 6),
    "may day": ("May Day", 0), "early may bank holiday": ("May Day", 0),
    "spring bank holiday": ("Spring Bank Holiday", 0),
    "late summer bank holiday": ("Late Summer Bank Holiday", 0), "august bank holiday": ("Late Summer Bank Holiday", 0),
}


def _named_day(cleaned: str, today: dt.date | None, tense: Tense) -> dt.date | None:
    """A day typed by its name (`good friday`, `easter monday`, `boxing day`, `christmas eve`): the next such day
    (today's counts), or the latest one looking back; None when `cleaned` names none. A trial's manager typed
    `… by good friday` around Easter and was told it could not be read, though the bot names the day itself when
    `26/03` is typed ("That is a bank holiday (Good Friday)")."""
    named = _NAMED_DAYS.get(cleaned if cleaned in _NAMED_DAYS else cleaned.removesuffix(" bank holiday"))
    if named is None:
        return None
    today = _need(today)
    holiday, offset = named
    years = bank_holidays(range(today.year - 1, today.year + 2))
    days = [day + dt.timedelta(days=offset) for day, name in years.items() if name == holiday]
    if tense == "past":
        return max(day for day in days if day <= today)
    return min(day for day in days if day >= today)


# How people talk about the first days of January in December (trial 60, F8): "after new year", "in the new year",
# "new year" as a due date, "first week of january", "early january", "start of jan". Each is read as the first
# working day after New Year's Day (`first_working_day_of_year`), which is what the service's work can start on.
_NEW_YEAR = re.compile(r"(?:(?:just|straight|right)\s+)?(?:(?:after|in|into|over|past)\s+)?(?:the\s+)?new\s+years?"
                       r"(?:\s+(?:break|hols?|holidays?|period))?|(?:in\s+)?(?:the\s+)?(?:first|1st)\s+week\s+"
                       r"(?:of|in)\s+jan(?:uary)?|(?:in\s+)?(?:early|the\s+start\s+of|start\s+of|the\s+beginning\s+of|"
                       r"beginning\s+of)\s+jan(?:uary)?")
# "when schools go back", "when the kids are back at school": term dates differ from school to school, so these are
# asked about, with the day after New Year suggested in the weeks around it, never taken as a date unseen.
_SCHOOLS_BACK = re.compile(r"(?:when|once|after)\s+(?:the\s+)?(?:schools?|kids|children|college)\s+(?:go|goes|are|is|"
                           r"gets?|comes?|went)\s+back(?:\s+(?:to|at)\s+school)?(?:\s+after\s+(?:christmas|xmas|"
                           r"the\s+holidays?))?|(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?(?:new\s+)?(?:spring\s+)?"
                           r"term|back\s+to\s+school")


def first_working_day_of_year(year: int) -> dt.date:
    """The first working day after 1 January of `year` (Monday 4 January 2027; Tuesday 3 January 2023, when the
    bank holiday is the Monday): what "after new year" and "first week of january" mean for work to be done."""
    return bank_holidays().get_nth_working_day(dt.date(year, 1, 1), 1)


def names_new_year(text: str) -> bool:
    """Whether `text` is one of the ways of saying "after New Year" that `parse_day` reads as its first working day
    ("in the new year", "first week of january"): a reply that took a date from them says so, with the day."""
    return _NEW_YEAR.fullmatch(_clean(text)) is not None


def _new_year(cleaned: str, raw: str, today: dt.date | None, tense: Tense) -> dt.date | None:
    """The first working day of January meant by "after new year" and its kin: the next one looking ahead (in June,
    "in the new year" is next January), the latest one looking back, the nearest otherwise; one that has just passed
    (in January) is said, not taken a year on. None when `cleaned` is none of them; "when schools go back" is asked
    about (`_SCHOOLS_BACK`)."""
    if _SCHOOLS_BACK.fullmatch(cleaned):
        raise DateError(_schools_back_asked(raw, _need(today)))
    if not _NEW_YEAR.fullmatch(cleaned):
        return None
    today = _need(today)
    days = [first_working_day_of_year(year) for year in (today.year - 1, today.year, today.year + 1)]
    passed = max(day for day in days if day < today) if days[0] < today else None
    ahead = min(day for day in days if day >= today)
    if tense == "past":
        return max(day for day in days if day <= today)
    if tense == "any":
        return min(days, key=lambda day: (abs((day - today).days), day < today))
    if passed is not None and (today - passed).days <= JUST_PASSED_DAYS:
        raise DateError(f"After New Year this year was {long_date(passed)}, which {passed_said((today - passed).days)}"
                        f". Type the day you mean, like {examples(today, tense)}.")
    return ahead


def _schools_back_asked(raw: str, today: dt.date) -> str:
    """Why "when schools go back" is not taken as a date, and the day after New Year offered in the weeks around it
    (November to the first days of January), when that is what people mostly mean."""
    opening = f"School term dates differ from school to school, so I can't take '{_quote(raw)}' as a date."
    coming = first_working_day_of_year(today.year + (1 if today.month >= 11 else 0))
    if today.month >= 11 or today <= coming:
        return (f"{opening} Do you mean {long_date(coming)}, the first working day after New Year? Type "
                f"{coming.day}/{coming.month} for it, or the day the school goes back.")
    return f"{opening} Type the day the school goes back, like {examples(today, 'future')}."


def _check_weekday(cleaned: str, found: dt.date, raw: str) -> None:
    first = cleaned.split()[0]
    if first in WEEKDAYS and WEEKDAYS[first] != found.weekday():
        raise DateError(f"{found.day} {found:%B %Y} is a {found:%A}, not a {calendar.day_name[WEEKDAYS[first]]}; "
                        f"check '{_quote(raw)}'.")


def _need(today: dt.date | None) -> dt.date:
    if today is None:
        raise DateError(f"Please write {FORMAT_HINT}.")
    return today


def _relative(cleaned: str, raw: str, today: dt.date | None, tense: Tense) -> dt.date:
    fixed = {"today": 0, "now": 0, "tomorrow": 1, "yesterday": -1, "day after tomorrow": 2,
             "the day after tomorrow": 2, "day before yesterday": -2, "the day before yesterday": -2,
             "last week": -7, "a week today": 7, "a week ago": -7}
    if cleaned == "next week":
        return _next_week_day(_need(today))
    if cleaned in fixed:
        return _need(today) + dt.timedelta(days=fixed[cleaned])
    spaced = _NUMBER_THEN_UNIT.sub(" ", cleaned)
    match = _WORKING_DAYS.fullmatch(spaced)
    if match is not None and (count := _count(match.group(1))) is not None:
        if count > MAX_RELATIVE // 2:
            raise DateError("That is too far away to be a date in a case file; write the date itself.")
        return bank_holidays().get_nth_working_day(_need(today), count)
    for pattern, sign in ((_IN, 1), (_AGO, -1)):
        match = pattern.fullmatch(spaced)
        if match is not None:
            count = _count(match.group(1))
            if count is None:
                break
            return _shift(_need(today), count, UNIT_WORDS[match.group(2)], sign)
    match = _END_OF.fullmatch(cleaned)
    if match is not None:
        return _end_of(_need(today), match.group(2), {"next": 1, "last": -1}.get(match.group(1) or "", 0))
    match = _END_OF_MONTH.fullmatch(cleaned)
    if match is not None and match.group(1) in MONTHS:
        return _end_of_month(MONTHS[match.group(1)], match.group(2), today, tense, raw)
    match = _MID_MONTH.fullmatch(cleaned)
    if match is not None and match.group(1) in MONTHS:  # the 15th, read as "15 February" is (trial 52)
        year = match.group(2)
        month = MONTHS[match.group(1)]
        return _date(int(year), month, 15, raw) if year else _yearless(month, 15, _need(today), tense, raw)
    match = _WEEKDAY_WEEK.fullmatch(cleaned)
    if match is not None and (match.group(1) or match.group(2)) in WEEKDAYS:
        # "Friday week": the Friday after next Friday, so typed on a Friday it is a fortnight on (trial 18: it gave
        # next Friday's date, and an away or a deadline ended a week early)
        return _weekday("next", WEEKDAYS[match.group(1) or match.group(2)], _need(today), "future") \
            + dt.timedelta(days=7)
    match = _WEEKDAY.fullmatch(cleaned)
    if match is not None and match.group(2) in WEEKDAYS:
        which = "last" if match.group(3) or match.group(1) in _PAST_WORDS else match.group(1)
        if which == "last" and match.group(3) and match.group(1) in ("next", "coming", "this coming"):
            raise DateError(f"I could not read '{_quote(raw)}' as a date: is it gone or to come? Write it like "
                            f"{examples(today, tense) if today is not None else FORMAT_HINT} (day before month).")
        return _weekday(which, WEEKDAYS[match.group(2)], _need(today), tense)
    hint = examples(today, tense) if today is not None else FORMAT_HINT
    raise DateError(f"I could not read '{_quote(raw)}' as a date. Write it like {hint} (day before month).")


def _end_of(today: dt.date, unit: str, offset: int) -> dt.date:
    """"end of the month" is its last day; "end of the week" is the working week's Friday (the next one, at a
    weekend): the due dates managers set in actions. `offset` moves it a month or week on (1) or back (-1); a week
    on is `next_week`'s, whose last working day it is."""
    if unit == "week" and offset == 1:  # next week's last working day (Thursday, when Friday is Good Friday)
        working = _working_days(*next_week(today))
        return working[-1] if working else next_week(today)[1]
    if unit == "week":
        friday = today + dt.timedelta(days=(4 - today.weekday()) % 7)
        return friday + dt.timedelta(weeks=offset)
    month_index = today.year * 12 + today.month - 1 + offset + 1  # the month after the one meant
    first_of_next = dt.date(month_index // 12, month_index % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def _end_of_month(month: int, year: str | None, today: dt.date | None, tense: Tense, raw: str) -> dt.date:
    """"end of January" is its last day: of that year when given, else read as a yearless date is (the next one
    for a due date, the latest one gone for something that happened)."""
    if year is not None:
        return _date(int(year), month, calendar.monthrange(int(year), month)[1], raw)
    found = _yearless(month, 28 if month == 2 else calendar.monthrange(2001, month)[1], _need(today), tense, raw)
    return found.replace(day=calendar.monthrange(found.year, month)[1])


_MONTH_ALONE = re.compile(r"(?:(last|this|in|since|back in) )?([a-z]+)(?: (\d{4}))?")
MONTH_READ_AS_FIRST = "read as the 1st: change it if you know the day"


def names_month_only(text: str) -> bool:
    """Whether `text` is a month with no day (`march`, `last march`, `in Sept 2025`): a date question reads it as
    the 1st of that month and says so (trial 59, F14: `last march` was "could not read")."""
    match = _MONTH_ALONE.fullmatch(_clean(text))
    return match is not None and match.group(2) in MONTHS


def month_alone(text: str, today: dt.date, tense: Tense = "any") -> dt.date | None:
    """The 1st of the month `text` names with no day, or None when it is not a month alone. `last march` is the
    latest March before this month, `this march` this year's, a year typed that year's; `march` alone is read as a
    day and month without a year is (`_yearless`: the latest one gone, for something that happened)."""
    if not names_month_only(text):
        return None
    match = _MONTH_ALONE.fullmatch(_clean(text))
    assert match is not None
    month, raw = MONTHS[match.group(2)], text.strip()
    if match.group(3):
        return _date(int(match.group(3)), month, 1, raw)
    if match.group(1) == "last":
        return dt.date(today.year if month < today.month else today.year - 1, month, 1)
    if match.group(1) == "this":
        return dt.date(today.year, month, 1)
    return _yearless(month, 1, today, tense, raw)


def names_weekday(text: str) -> bool:
    """Whether `text` is a day of the week said relative to today ("next Friday", "friday", "this coming Tuesday"):
    the words people read a week apart ("next Friday" typed on a Thursday is tomorrow here, and to some the Friday of
    next week), so where a date came from them it is worth saying how near it is. What they mean is `parse_day`'s."""
    match = _WEEKDAY.fullmatch(_clean(text))
    return (match is not None and match.group(2) in WEEKDAYS and match.group(1) not in _PAST_WORDS
            and match.group(3) is None)


def check_tense(day: dt.date, today: dt.date, tense: Tense, what: str = "date") -> dt.date:
    """Refuse a future date for something that has happened, or a past one for something due."""
    if tense == "past" and day > today:
        raise DateError(f"{long_date(day)} is in the future; give the {what} it happened (today or earlier).")
    if tense == "future" and day < today:
        raise DateError(f"{long_date(day)} has passed; give a {what} from today onwards.")
    return day


def bank_holidays(years: Iterable[int] = ()) -> holidays.HolidayBase:
    """England and Wales's calendar (bank holidays with substitute days; Saturday and Sunday off), from the
    maintained `holidays` package, subdivision ENG, which Wales shares: the one calendar of the bot's working days
    (bot.core.calendar), of the dates its examples suggest and of the days typed by name (`good friday`), with
    `years` filled in at once for the last. Imported on first use, as only those need it."""
    import holidays

    return holidays.country_holidays("GB", subdiv="ENG", years=list(years))


def working_day_near(day: dt.date, later: bool = True) -> dt.date:
    """`day` if it is a working day, else the nearest one after it (before it, with `later` False): where an
    example date lands, so that none suggests a weekend or a bank holiday (a trial's example was 25/12)."""
    calendar_of_days = bank_holidays()
    step = dt.timedelta(days=1 if later else -1)
    while not calendar_of_days.is_working_day(day):
        day += step
    return day


KEEP_WORD = "anyway"  # "25/12 anyway": a due date on a day off, kept as typed where it is queried before it is kept


def kept_anyway(text: str) -> tuple[str, bool]:
    """`25/12 anyway` -> ("25/12", True): the date, and whether the person said to keep it though it falls on a day
    off (`day_off`); any other text comes back as it is, with False."""
    words = (text or "").split()
    if len(words) > 1 and words[-1].lower().strip(".!") == KEEP_WORD:
        return " ".join(words[:-1]), True
    return text, False


@dataclass(frozen=True)
class DayOff:
    """A day typed for something due that falls on a weekend or a bank holiday: what day it is ("a bank holiday
    (Christmas Day)", "a Sunday") and the working day to give instead, with how it lies ("the last working day
    before it")."""

    day: dt.date
    what: str
    instead: dt.date
    where: str

    @property
    def instead_said(self) -> str:
        """'Thursday 24 December, the last working day before it': the day to give instead, as a reply names it."""
        return f"{self.instead:%A} {self.instead.day} {self.instead:%B}, {self.where}"


def day_off(day: dt.date, earliest: dt.date) -> DayOff | None:
    """None when people work on `day`; else what the day is and the working day to suggest instead: the last one
    before it, or the first after it when that one is before `earliest` (today, or a campaign's start).

    The one check of every due date and deadline a person types (an action's, a campaign's): a trial set an action
    due on Christmas Day, and a campaign's deadline, without a word, and its auditors were told "by Friday 25
    December 2026". The calendar is the bot's own working days (`bank_holidays`), which its examples keep to."""
    calendar_of_days = bank_holidays()
    if calendar_of_days.is_working_day(day):
        return None
    what = _day_off_named(day, calendar_of_days)
    before = working_day_near(day - dt.timedelta(days=1), later=False)
    if before >= earliest:
        return DayOff(day, what, before, "the last working day before it")
    return DayOff(day, what, working_day_near(day + dt.timedelta(days=1)), "the first working day after it")


def _day_off_named(day: dt.date, calendar_of_days: holidays.HolidayBase) -> str:
    """What a day off is: "a bank holiday (Christmas Day)", "a bank holiday (the substitute day for Boxing Day)", "a
    Sunday"; a holiday on a weekend is that weekend day, with the weekday the bank holiday moved to (trial 60, F15:
    Boxing Day 2026 was "a bank holiday", though it is a Saturday and the bank holiday is Monday 28 December)."""
    name = calendar_of_days.get(day)
    if not name:
        return f"a {day:%A}"
    if day.weekday() < 5:
        holiday = re.sub(r"^(.*) \(observed\)$", r"the substitute day for \1", str(name))
        return f"a bank holiday ({holiday})"
    moved = next((later for later in (day + dt.timedelta(days=gap) for gap in range(1, 4))
                  if calendar_of_days.get(later) == f"{name} (observed)"), None)
    where = f"; the bank holiday is {moved:%A} {moved.day} {moved:%B}" if moved is not None else ""
    return f"a {day:%A} ({name}{where})"


def give_or_keep(off: DayOff) -> str:
    """What to type where a day off is queried before anything is stored: "type `24/12` for Thursday 24 December,
    the last working day before it, or `25/12 anyway` to keep it" (an action's due date there, a planned date)."""
    return (f"type `{off.instead.day}/{off.instead.month}` for {off.instead_said}, or "
            f"`{off.day.day}/{off.day.month} {KEEP_WORD}` to keep it")


def examples(today: dt.date, tense: Tense) -> str:
    """Examples valid today, worked out from the pinned clock: a numeric date, a named date and a phrase. The dates
    are working days about three weeks away (`working_day_near`)."""
    if tense == "past" or (tense == "any" and today.year > LATEST_YEAR - 1):
        day = working_day_near(today - dt.timedelta(days=21), later=False)
        return f"{numeric(day)}, {day.day} {day:%B} or yesterday"
    day = working_day_near(today + dt.timedelta(days=21))
    return f"{numeric(day)}, {day.day} {day:%B} or in two weeks"


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# A date written inside a sentence ("looked after on 23/12/2026", "if ICPC was 2 Dec 2026", "on the 1st of March"):
# day/month with a year (any of / . -) or without one (/ only), a year first (2026-12-03), or a day and a month's name.
_DATES_IN_TEXT = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|(?P<day>\d{1,2})(?:(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)\d{2,4}|/(?P<bare>\d{1,2}))"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTH_NAMES})\b\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?)(?![/\w])",
    re.IGNORECASE)


def _date_gone(found: re.Match[str]) -> str:
    """A date's place, blank; numbers that cannot be a day and a month ("16/17 year olds") stay."""
    if found.group(0) == "24/7":
        return found.group(0)  # round the clock, not 24 July
    day, month = found.group("day"), found.group("month") or found.group("bare")
    if day is not None and month is not None and not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return found.group(0)
    return " "


def without_dates(text: str) -> str:
    """The text with the dates written in it left out: a question about a case's dates ("child became looked after
    on 23/12/2026, when is the first review") asks the same as without them, and the numbers matched no entry and
    left it unanswered (trial 18). Spans of time ("15 working days", "26 weeks", "3 months") and numbers that are no
    date ("16-17 year olds", "1.5 hours") stay."""
    return " ".join(_ORDINAL_DAY_IN_TEXT.sub(" ", _DATES_IN_TEXT.sub(_date_gone, text)).split())


# what says a day was something, left dangling once the day is gone ("icpc was 22/12/26 when is the review"): stop
# words only, so the search reads the wording as the same terms with or without them (a learned wording is matched
# term for term)
_DATE_LEAD = re.compile(r"(?:\b(?:was|were|is|are)\s+)?(?:\bon\s+)?$", re.IGNORECASE)


def wording_without_dates(text: str) -> str:
    """`without_dates` for a wording kept as an entry's alternative, which people read: the words saying a day was
    something go with it (trial 19: "icpc was 22/12/26 when is the first review conference due" was written into
    the knowledge base as "icpc was when is the first review conference due")."""
    pieces: list[str] = []
    at = 0
    spans = [(m.start(), m.end()) for m in _DATES_IN_TEXT.finditer(text) if _date_gone(m) == " "]
    spans += [(m.start(), m.end()) for m in _ORDINAL_DAY_IN_TEXT.finditer(text)]
    for start, end in sorted(spans):
        if start < at:
            continue
        before = text[at:start]
        lead = _DATE_LEAD.search(before)
        pieces.append(before[:lead.start()] if lead else before)
        at = end
    pieces.append(text[at:])
    return re.sub(r"^[\s,;:.]+|\s+(?=[,;:.?!])", "", " ".join(" ".join(pieces).split()))


# "icpc was on the 22nd": a day of the month said alone, after "on", at the end of a clause or before a word that
# starts another (never "on the 2nd review", or "the 22nd of May", which _DATES_IN_TEXT reads)
_ORDINAL_DAY_IN_TEXT = re.compile(
    r"\bon\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?!(?:when|what|how|why|who|which|where|and|so|but|then|is|was|"
    r"at|in|for|i|we|they|he|she|it|can|do|does|did|should|will|would|has|have|had|if|because|as)\b)[a-z])",
    re.IGNORECASE)
_DAY_WORDS = re.compile(r"\b(today|yesterday|tomorrow)\b", re.IGNORECASE)
# "had the strat on monday", "last tuesday", "next friday": a weekday with a word placing it (a bare "monday" is as
# often a habit, "visits every monday"), the past unless said to be next
_WEEKDAY_IN_TEXT = re.compile(r"\b(?:(next)|last|on|this past|past)\s+(monday|tuesday|wednesday|thursday|friday|"
                              r"saturday|sunday)\b", re.IGNORECASE)
_AGO_IN_TEXT = re.compile(r"\b(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                          r"(?:days?|weeks?|wks?|months?)\s+ago\b", re.IGNORECASE)  # never "a few days ago": a guess


def _nearest_with_day(day: int, today: dt.date) -> dt.date | None:
    """The date nearest `today` falling on this day of a month (last month's, this month's or next month's), as a
    date typed without its year is the one nearest today; None for a day no month near has."""
    first = today.replace(day=1)
    months = [(first - dt.timedelta(days=1)).replace(day=1), first, (first + dt.timedelta(days=32)).replace(day=1)]
    found = []
    for month in months:
        try:
            found.append(month.replace(day=day))
        except ValueError:
            continue
    return min(found, key=lambda when: (abs((when - today).days), when)) if found else None


def dates_in(text: str, today: dt.date) -> list[dt.date]:
    """The days written in a question, in order, each once ("strategy discussion was on 1/12/2026", "the strat was
    yesterday", "had the strat on monday", "3 weeks ago"): what a due date is counted from (bot.asking.due_dates). A
    date with no year is the one nearest `today`; numbers that are no date ("16/17 year olds", "24/7") and days that
    do not exist are left out."""
    found: list[tuple[int, dt.date]] = []
    for match in _DATES_IN_TEXT.finditer(text):
        if _date_gone(match) != " ":
            continue
        try:
            found.append((match.start(), parse_day(match.group(0), today, "any")))
        except DateError:
            continue
    found += [(match.start(), day) for match in _ORDINAL_DAY_IN_TEXT.finditer(text)
              if (day := _nearest_with_day(int(match.group(1)), today)) is not None]
    shifts = {"today": 0, "yesterday": -1, "tomorrow": 1}
    found += [(match.start(), today + dt.timedelta(days=shifts[match.group(1).lower()]))
              for match in _DAY_WORDS.finditer(text)]
    searches: tuple[tuple[re.Pattern[str], Tense], ...] = ((_WEEKDAY_IN_TEXT, "past"), (_AGO_IN_TEXT, "any"))
    for pattern, tense in searches:
        for match in pattern.finditer(text):
            said = match.group(0) if pattern is _AGO_IN_TEXT or match.group(1) else match.group(2)
            try:
                found.append((match.start(), parse_day(said, today, "future" if said.lower().startswith("next")
                                                       else tense)))
            except DateError:
                continue
    return list(dict.fromkeys(day for _, day in sorted(found, key=lambda pair: pair[0])))
