"""What a campaign asked for in words says of its dates and size: "…, deadline 18th dec", "by 18/12", "due 18 dec",
"starting monday", "1 case per worker".

Trial 28: `i want to set up a voice of the child audit campaign for north and south, deadline 18th dec` filled in the
checklist and the teams and left `deadline=…` empty. The words after `deadline`, `by`, `due`, `until` (and `start`,
`starting`, `from`) are read as every typed date is (knowledge.dates: a deadline without a year is the next such
day), the longest run of up to four words that is a date; anything else is left for the QA lead to type.
"""

from __future__ import annotations

import re
from datetime import date

from bot.campaigns import date_words
from knowledge import dates

MAX_DATE_WORDS = 5  # "first friday in feb 2027"
DEADLINE = re.compile(r"\b(?:deadline(?:\s+(?:is|of|on|by|for))?|due(?:\s+(?:on|by|for))?|by|until|till|"
                      r"finish(?:ing)?(?:\s+(?:on|by))?|end(?:s|ing)?(?:\s+(?:on|by))?|closing(?:\s+(?:on|date))?)"
                      r"\s*[:=]?\s+(?P<after>.+)$", re.IGNORECASE)
START = re.compile(r"\b(?:start(?:s|ing)?(?:\s+(?:on|from))?|from|beginning|begins?)\s*[:=]?\s+(?P<after>.+)$",
                   re.IGNORECASE)
PER_WORKER = re.compile(r"\b(?P<count>\d{1,2}|one|two|three|four|five)\s+(?:(?:cases?|audits?|files?)\s+)?"
                        r"(?:per|for\s+each|each|a)\s+(?:worker|social\s+worker|practitioner|person)\b",
                        re.IGNORECASE)
COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_STOP = re.compile(r"[,;()]|\band\b|\bwith\b", re.IGNORECASE)


def day_after(pattern: re.Pattern[str], text: str, today: date, tense: dates.Tense) -> date | None:
    """The date written right after one of the pattern's words, or None (a campaign's new deadline asked in words
    too, bot.campaigns.change_words)."""
    for found in pattern.finditer(text):
        words = _STOP.split(found.group("after"), maxsplit=1)[0].strip(" .!?").split()
        words = words[1:] if words[:1] == ["the"] else words
        for size in range(min(MAX_DATE_WORDS, len(words)), 0, -1):
            try:
                return date_words.parse_day(" ".join(words[:size]), today, tense)
            except dates.DateError:
                continue
    return None


def deadline_in(text: str, today: date) -> date | None:
    """The deadline the words give ("deadline 18th dec", "by 18/12", "due 18 dec"), or None."""
    return day_after(DEADLINE, text, today, "future")


def start_in(text: str, today: date) -> date | None:
    """The start the words give ("starting monday", "from 7/12"), or None."""
    return day_after(START, text, today, "future")


def per_worker_in(text: str) -> int | None:
    """Cases per worker the words give ("1 case per worker", "two audits each worker"), or None."""
    found = PER_WORKER.search(text)
    if found is None:
        return None
    count = found.group("count").lower()
    return COUNTS.get(count) or int(count)


def filled_from_words(text: str, today: date) -> list[str]:
    """`start=…`, `deadline=…`, `per-worker=…` for what the words give, dates as d/m/yyyy (as the usage writes them)."""
    start, deadline, per_worker = start_in(text, today), deadline_in(text, today), per_worker_in(text)
    return [part for part in (f"start={dates.numeric(start)}" if start else "",
                              f"deadline={dates.numeric(deadline)}" if deadline else "",
                              f"per-worker={per_worker}" if per_worker else "") if part]
