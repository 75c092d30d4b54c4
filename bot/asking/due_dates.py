"""The date something is due, worked out from a date given in the question and the entry's `due:` rules.

Trial 18 (HIGH): "strategy discussion was on 1/12/2026, when does the icpc have to be by?" got the rule and never
the date. When the entry answering a question has timescales as data (knowledge.due_rules) and the question gives a
day ("on 1/12/2026", "2 Dec", "yesterday"), the answer opens with each rule worked out from that day. The bot cannot
tell which event the day was, so each line says what it assumes ("If Tuesday 1 December 2026 was the strategy
discussion…"). Working days leave out weekends and bank holidays in England; a due day on a weekend or bank holiday
is said to be one.
"""

from __future__ import annotations

import datetime as dt

from bot.core.replies import Reply
from knowledge.dates import long_date
from knowledge.due_rules import due_lines
from knowledge.entries import Entry

CHECK = "Worked out from this entry's timescales: check it against the case record and your local procedures."


def due_dates_reply(entry: Entry, question: str, today: dt.date) -> Reply | None:
    """The due dates for `entry` counted from the first day written in `question`; None when the entry has no
    timescales or the question gives no day."""
    found = due_lines(entry.due, question, today)
    if found is None:
        return None
    started, lines, more_days = found
    more = " (the first date you gave; ask again with one date for another)" if more_days else ""
    return Reply(title=f"Due dates from {long_date(started)}", text="\n".join(lines), note=CHECK + more)
