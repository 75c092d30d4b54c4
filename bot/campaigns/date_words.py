"""A campaign's dates typed as every date is (knowledge.dates), and as organisers also write them: "first friday in
feb", "the last monday of march 2027", "2nd tuesday in jan". Trial 35: `deadline=first friday in feb` could not be
read. Without a year, the month is the next one with that day still to come (looking ahead) or the nearest."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from knowledge import dates

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1,
            "final": -1}
NTH_WEEKDAY = re.compile(r"^(?:the\s+)?(?P<nth>[a-z0-9]+)\s+(?P<weekday>[a-z]+)\s+(?:in|of)\s+(?:the\s+month\s+of\s+)?"
                         r"(?P<month>[a-z]+)(?:\s+(?P<year>\d{4}))?$", re.IGNORECASE)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date | None:
    """The nth (1 to 4, or -1 for the last) such weekday of the month; None when the month has no fifth one."""
    days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
    if nth == -1:
        return dt.date(year, month, days[-1])
    return dt.date(year, month, days[nth - 1]) if nth <= len(days) else None


def _nth_said(text: str, today: dt.date, tense: dates.Tense) -> dt.date | None:
    """"first friday in feb" read, or None when the words are not of that form."""
    said = NTH_WEEKDAY.match(" ".join(text.lower().split()))
    if said is None or said.group("nth") not in ORDINALS or said.group("weekday") not in dates.WEEKDAYS \
            or said.group("month") not in dates.MONTHS:
        return None
    nth, weekday = ORDINALS[said.group("nth")], dates.WEEKDAYS[said.group("weekday")]
    month = dates.MONTHS[said.group("month")]
    if said.group("year"):
        return nth_weekday(int(said.group("year")), month, weekday, nth)
    found = [day for year in (today.year - 1, today.year, today.year + 1)
             if (day := nth_weekday(year, month, weekday, nth)) is not None]
    if tense == "future":
        return min((d for d in found if d >= today), default=None)
    if tense == "past":
        return max((d for d in found if d <= today), default=None)
    return min(found, key=lambda d: (abs((d - today).days), d < today))


def parse_day(text: str, today: dt.date, tense: dates.Tense = "any") -> dt.date:
    """`text` as knowledge.dates reads a day, else as "first friday in feb"; the reader's own DateError when
    neither reads it."""
    try:
        return dates.parse_day(text, today, tense)
    except dates.DateError:
        found = _nth_said(text, today, tense)
        if found is None:
            raise
        return found
