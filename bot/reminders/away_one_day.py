"""One day away, said as that day: `away next fri`, `away 11/12`, `away on friday`, `away fri 11th only`, `away
christmas eve`.

Trial 29: a worker off for one Friday was told "That isn't how /audit away is typed" for `away next fri` and
`away fri 11th only`, got the how-to entry for `away 11/12`, and `away until next fri` paused the whole week. A single
day typed after `away` (or in a statement, `im off next fri`: bot.reminders.away_worded) is away from and until that
day. The day is read by the date reader every date question uses (knowledge.dates.parse_day); no new reader.
"""

from __future__ import annotations

import re
from datetime import date

from bot.errors import UserError
from knowledge.dates import DateError, examples, long_date, parse_day

# a day named rather than numbered, read by the date reader's names (knowledge.dates): `christmas eve`, `boxing
# day`, `new year's day` (trial 60: `im off christmas eve` went to the QA leads' list). A season alone (`christmas`,
# `xmas`) names no one day: bot.reminders.away_season asks which days.
NAMED_DAY = r"(?:(?:christmas|xmas)\s+(?:eve|day)|boxing\s+day|new\s+year'?s?\s+(?:eve|day))"
# the words of a single day: a number or a day's name in it, no `until`/`from`/`to`, no question mark
DAY_WORDS = rf"(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|\d|{NAMED_DAY})"
TYPED = (rf"(?=[^?]*{DAY_WORDS})(?![^?]*\b(?:until|till|til|to|from|back)\b)(?:on\s+|just\s+)?[^\s?]\S*"
         r"(?:\s+(?!cover\b)[^\s?]+){0,3}?(?:\s+only)?(?:\s+cover\s+\S.*)?")
ONE_DAY = re.compile(r"^\s*(?:on\s+|just\s+)?(?P<day>\S.*?)(?:\s*,?\s+only)?\s*(?P<cover>\s+cover\s+\S.*)?"
                     r"\s*[.!]?\s*$", re.IGNORECASE | re.DOTALL)
WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\S)", re.IGNORECASE)
SHAPE = re.compile(rf"^\s*(?:{TYPED})\s*$", re.IGNORECASE | re.DOTALL)


def read_day(text: str, today: date) -> date | None:
    """The one day the words name (`next fri`, `11/12`, `fri 11th`, `friday 11 dec`), today or later; None when
    they name no day."""
    for typed in (text, WEEKDAY.sub("", text)):
        try:
            return parse_day(typed, today, "future")
        except DateError:
            continue
    return None


def as_away_words(text: str, today: date) -> str | None:
    """`/audit away` words for one day (`next fri cover @sam` -> "from 2026-12-11 until 2026-12-11 cover @sam"),
    or None when the text is not a single day in that command's shape (`until 11/12` and the rest are read as they
    are). A day's words that name no day are said to be wrong, with an example."""
    if SHAPE.match(text) is None:
        return None
    said = ONE_DAY.match(text)
    if said is None:
        return None
    day = read_day(said.group("day").strip(" ,"), today)
    if day is None:
        raise UserError("I could not read that as the day you are away. Type it like "
                        f"`/audit away {examples(today, 'future').split(',')[0]}` for one day, or `/audit away until "
                        "DATE` for longer. Nothing was changed.")
    return f"from {day.isoformat()} until {day.isoformat()}{said.group('cover') or ''}"


def said_in_words(text: str, today: date) -> str | None:
    """As as_away_words, for a statement's days (`im off next fri`): None, never a refusal, when they name no one
    day, since the statement may be something else ("im off 2 weeks in jan" is left to the knowledge base)."""
    try:
        return as_away_words(text, today)
    except UserError:
        return None


def days_said(first: date, last: date, joined: str = "until") -> str:
    """Time away's days as said back: "on Friday 11 December 2026" for one day (trial 29: "from Friday 11 December
    2026 until Friday 11 December 2026"), else "from … until …" (or "to")."""
    if first == last:
        return f"on {long_date(first)}"
    return f"from {long_date(first)} {joined} {long_date(last)}"
