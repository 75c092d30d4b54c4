"""How a QA lead's review date for a knowledge entry is read, in `kb new`, the *New entry* form and `kb edit`.

Trial 50 (#11): `review: yesterday` was refused as "not a date I can read", though the bot reads `friday`, `next
friday` and `the end of january` elsewhere, and the date had simply passed. A date word is now read as every other
date is (`parse_day`, looking ahead), read back as the full date written to the file, and a past one is told so.
"""

from __future__ import annotations

import datetime as dt
import re

from knowledge.dates import DateError, Tense, parse_day, parse_full_date

# A year, or numbers run together as a date: a date written out in a form other than the full ones, which is never
# guessed at (03/31/2027 is not 31 March; `31/03/27` and `March 31 2027` are asked again in a form that leaves no doubt)
_DATE_TYPED = re.compile(r"\d{4}|\d\s*[/.-]\s*\d")


def review_day(text: str, today: dt.date) -> tuple[dt.date, bool]:
    """The review date `text` means and whether it was a full date (31/03/2027, 31 March 2027, 2027-03-31) rather
    than a date word (`next friday`, `the end of march`, `yesterday`, `in 6 months`). Raises the full-date reader's
    DateError when neither reads it, or when a date was typed in another form, so the forms named are the ones that
    leave no doubt."""
    try:
        return parse_full_date(text), True
    except DateError as unread:
        if _DATE_TYPED.search(text):  # a date typed in another form (03/31/2027, March 31 2027): the forms named
            raise
        tenses: tuple[Tense, ...] = ("future", "any")
        for tense in tenses:  # a date word just passed (`the end of january` on 1 February) is read
            try:  # as the past date it names, so the caller says "already past", not "not a date I can read"
                return parse_day(text, today, tense), False
            except DateError:
                continue
        raise unread from None
