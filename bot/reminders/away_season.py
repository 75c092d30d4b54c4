"""Leave said with a season and no days: "im off over christmas", "off between christmas and new year" (trial 60, F13).

The first was answered outright with the knowledge base's entry on counting working days for statutory timescales,
the second with a "Did you mean" leading with it. Such a statement is time away (bot.reminders.away_worded reads
it), but "over christmas" names no days: people mean anything from Christmas Eve to New Year's Day, or the whole
fortnight. So it is never guessed: the reply asks which days, with the exact `away` line to type for the usual
Christmas break (from Christmas Eve to New Year's Day, or until New Year's Day once Christmas Eve has come), the
cover said with the statement kept in it, and when reminders would start again. Nothing is booked or noted for the
QA leads.
"""

from __future__ import annotations

import re
from datetime import date

from bot.core.calendar import next_working_day
from bot.core.replies import Reply
from knowledge.dates import long_date

_SEASON = r"(?:the\s+)?(?:xmas|christmas|x-mas|new\s+year'?s?)"
# what is left of a leave statement that names only a season: "over christmas", "between christmas and new year",
# "christmas week", "over the festive period", "over christmas and new year", "for the christmas holidays"
SEASON_ONLY = re.compile(rf"(?:(?:over|for|during|at|across|between|from|through(?:out)?)\s+)?{_SEASON}"
                         r"(?:\s+(?:week|period|break|hols?|holidays?))?"
                         rf"(?:\s*(?:and|to|till|until|through|-|–|&)\s*{_SEASON})?"
                         r"|(?:over|during|for)\s+the\s+(?:festive\s+)?(?:holidays|hols|break|period|season)",
                         re.IGNORECASE)


def names_only_a_season(rest: str) -> bool:
    """Whether what follows "im off" is a season and nothing else: "over christmas", "between christmas and new
    year"."""
    return SEASON_ONLY.fullmatch(rest.strip(" ,.!")) is not None


def which_days(today: date, cover: str | None) -> Reply:
    """"Which days?", with the `away` line for Christmas Eve to New Year's Day (from today once Christmas Eve has
    come) and the day reminders would then start again."""
    eve, new_year = date(today.year, 12, 24), date(today.year + 1, 1, 1)
    days = "until 1/1" if today >= eve else "from 24/12 until 1/1"
    covered = f" cover {cover}" if cover else ""
    return Reply(text=(
        f"Which days are you off? Type your first and last day away, like `away {days}{covered}` (or "
        f"`im off 24th dec to 1st jan`): your reminders then pause and start again on "
        f"{long_date(next_working_day(new_year))}. Nothing is booked yet."))
