"""A longer period for the digest, as a leader types it: `november`, `nov 2026`, `this month`, `last month`, `this
quarter`, `last quarter`, `q3`, `q3 2026`.

Trial 30: the head of service's `digest november` and `digest last month` were "There is no team november", and a
quarterly summary was "I don't know that yet". Quarters are the council's financial quarters (Q1 April to June, so Q3
is October to December), the ones its performance reports use; the reply states the dates either way. A month or a
quarter named without a year is the latest one that has begun; a period under way runs to today.

Trial 35 (M2): `auditors`, `themes` and `reaudits outcomes` read periods of their own or none, and `digest lst month`
was "There is no team lst month". Every command now reads the same words here, a typo in them forgiven ("lst",
"qtr", "quater", "novmber"), and says the period it used; words that read as none get PERIODS_SAID.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from difflib import get_close_matches

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_YEAR = r"(?:\s+(?P<year>20\d\d))?"
NAMED_MONTH = re.compile(rf"^(?:for\s+|in\s+)?{_MONTH}{_YEAR}$")
RELATIVE = re.compile(r"^(?:for\s+|in\s+)?(?P<which>this|last|previous)\s+(?P<unit>month|quarter)(?:['’]?s)?"
                      r"(?:\s+so\s+far)?$")
# Short forms and typos of the period words, read as the word (a typo further off is matched by its letters, below).
SHORT = {"lst": "last", "lat": "last", "prev": "previous", "qtr": "quarter", "qtrs": "quarter", "qr": "quarter",
         "mth": "month", "mnth": "month", "mo": "month", "ths": "this", "tis": "this", "thsi": "this", "sept": "sep"}
WORDS = ("this", "last", "previous", "month", "quarter", "week", *MONTHS)
# What PERIODS_SAID lists, for a reply that read no period in words that look like one.
PERIODS_SAID = ("Periods I read: `this week`, `last week`, `this month`, `last month`, a month (`november`, "
                "`nov 2026`), `this quarter`, `last quarter` or a quarter (`q3`, `q3 2026`: financial quarters, Q1 "
                "April to June), `since september` or `last 6 months`.")
# A period as a command's typed shape takes it (bot.engine.near_miss): two words at most, typos and all, read here.
TYPED = r"(?:(?:the\s+)?(?:last|past)\s+\d{1,2}\s+months?|[a-z]{2,9}(?:\s+(?:[a-z]{2,9}|20\d\d))?)"
LOOKS_LIKE = re.compile(r"\b(?:this|last|previous|month\w*|quarter\w*|qtr|week\w*|q[1-4]|20\d\d)\b")
WEEK = re.compile(r"^(?:for\s+|in\s+|over\s+)?(?P<which>this|last|previous)\s+week(?:['’]?s)?(?:\s+so\s+far)?$")
SINCE = re.compile(rf"^since\s+(?:the\s+(?:start|beginning)\s+of\s+)?{_MONTH}{_YEAR}$")
QUARTER = re.compile(rf"^(?:for\s+|in\s+)?q(?:uarter\s*)?(?P<quarter>[1-4]){_YEAR}$")
# "last 6 months", "the past 3 months", "over the last six months": whole months back, with this month so far (fix40a)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12}
MONTHS_BACK = re.compile(r"^(?:for\s+|in\s+|over\s+|during\s+)?(?:the\s+)?(?:last|past|previous)\s+"
                         r"(?P<count>\d{1,2}|two|three|four|five|six|nine|twelve)\s+months?$")
MAX_MONTHS_BACK = 24


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both counted; `label` names it as the reply says it ("November 2026"); `so_far`
    when it is under way, so `end` is today."""

    start: date
    end: date
    label: str
    so_far: bool = False
    unit: str = "month"  # or "quarter"; "week" (read_week) or "span" (read_since)


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _month(year: int, month: int, today: date) -> Period:
    last = _month_end(year, month)
    return Period(date(year, month, 1), min(last, today), f"{MONTHS[month - 1].capitalize()} {year}", today < last)


def _quarter_start(year: int, quarter: int) -> date:
    """Financial quarter `quarter` of the year starting April `year`."""
    month = 4 + 3 * (quarter - 1)
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _quarter(start: date, today: date) -> Period:
    last = _month_end(start.year + (start.month + 1) // 12, (start.month + 1) % 12 + 1)
    quarter = (start.month - 4) % 12 // 3 + 1
    year = start.year if start.month >= 4 else start.year - 1
    return Period(start, min(last, today), f"Q{quarter} {year}/{str(year + 1)[2:]}", today < last, "quarter")


def previous(period: Period) -> Period:
    """The whole month or quarter before `period`: what a digest compares it with ("the quarter before")."""
    day = period.start - timedelta(days=1)
    if period.unit == "span":  # as many days before it, so "since september" compares like with like
        start = day - (period.end - period.start)
        return Period(start, day, f"{start.day} {start:%B %Y} to {day.day} {day:%B %Y}", False, "span")
    if period.unit == "quarter":
        return _quarter(_quarter_of(day), period.start)
    return _month(day.year, day.month, period.start)


def _quarter_of(day: date) -> date:
    """The first day of the financial quarter `day` falls in."""
    month = day.month - (day.month - 1) % 3
    return date(day.year, month, 1)


def corrected(text: str) -> str:
    """`text` lower-cased with its period words' short forms and typos read as the words ("lst mnth" -> "last
    month", "novmber" -> "november"); other words are kept, so a team's name is never read as a period."""
    words = []
    for word in (text or "").lower().replace(",", " ").replace("?", " ").split():
        near = get_close_matches(word, WORDS, n=1, cutoff=0.8) if len(word) >= 4 and word not in WORDS else []
        words.append(SHORT.get(word) or (near[0] if near else word))
    return " ".join(words)


def looks_like_period(text: str) -> bool:
    """Whether words read as no period still look like one ("last fortnight", "this term"): said so with
    PERIODS_SAID, not read as a team's name."""
    return LOOKS_LIKE.search(corrected(text)) is not None


def read_period(text: str, today: date) -> Period | None:
    """The period `text` names, ending no later than `today`; None when it names none (a team, say) or one that has
    not begun. Its words' short forms and typos are forgiven (`corrected`)."""
    said = corrected(text)
    if (spanned := read_since(said, today) or _months_back(said, today)) is not None:
        return spanned  # `digest since september`, `audits by team last 6 months` (fix40a)
    if (named := NAMED_MONTH.match(said)) is not None:
        month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(named.group("month")[:3]))
        year = int(named.group("year")) if named.group("year") else today.year - (month > today.month)
        return _month(year, month, today) if date(year, month, 1) <= today else None
    if (relative := RELATIVE.match(said)) is not None:
        back = relative.group("which") != "this"
        if relative.group("unit") == "month":
            first = today.replace(day=1)
            first = (first - timedelta(days=1)).replace(day=1) if back else first
            return _month(first.year, first.month, today)
        first = _quarter_of(today)
        first = _quarter_of(first - timedelta(days=1)) if back else first
        return _quarter(first, today)
    if (quarter := QUARTER.match(said)) is not None:
        number = int(quarter.group("quarter"))
        if quarter.group("year"):
            start = _quarter_start(int(quarter.group("year")), number)
        else:
            year = today.year if today.month >= 4 else today.year - 1
            start = _quarter_start(year, number)
            start = start if start <= today else _quarter_start(year - 1, number)
        return _quarter(start, today) if start <= today else None
    return None


def _months_back(said: str, today: date) -> Period | None:
    """`last 6 months`: this month so far and the 5 before it, so a head of service's half-year ends today."""
    found = MONTHS_BACK.match(said)
    if found is None:
        return None
    count = int(_COUNTS.get(found.group("count"), found.group("count") if found.group("count").isdigit() else 0))
    if not 1 <= count <= MAX_MONTHS_BACK:
        return None
    index = today.year * 12 + today.month - 1 - (count - 1)
    start = date(index // 12, index % 12 + 1, 1)
    return Period(start, today, f"the last {count} months", True, "span")


def read_week(text: str, today: date) -> Period | None:
    """`this week` (Monday to today, so far) or `last week` (Monday to Sunday), for the commands that read a week
    beside months and quarters (`themes this week`); None for other words. Not in read_period: the digest reads its
    weeks itself."""
    found = WEEK.match(corrected(text))
    if found is None:
        return None
    monday = today - timedelta(days=today.weekday())
    if found.group("which") != "this":
        monday -= timedelta(days=7)
    sunday = monday + timedelta(days=6)
    return Period(monday, min(sunday, today), f"the week of {monday.day} {monday:%B %Y}", today < sunday, "week")


def read_since(text: str, today: date) -> Period | None:
    """`since september` (`since the start of sept 2026`): from the 1st of the latest such month begun, to today;
    None for other words."""
    found = SINCE.match(corrected(text))
    if found is None:
        return None
    month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(found.group("month")[:3]))
    year = int(found.group("year")) if found.group("year") else today.year - (month > today.month)
    start = date(year, month, 1)
    return Period(start, today, f"since 1 {start:%B %Y}", True, "span") if start <= today else None
