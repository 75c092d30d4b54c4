"""How an audit reopened for changes is named wherever it is listed: never a "draft".

A submitted audit its auditor reopens (`/audit edit 12`, *Change answers*) is stored as a draft again, with its
first submission on record, and it leaves the moderation queue until it is submitted again. A user trial found
`/audit show`, the idle-draft reminder and `/audit resume` calling it "draft", which hid the one thing to act on:
it waits for its auditor, out of moderation. Every place says it in these words.
"""

from __future__ import annotations

from datetime import date

from knowledge.dates import short_date

OUT_OF_MODERATION = "out of moderation until you submit it again"


def reopened_on(day: date, year: bool = False) -> str:
    """'reopened for changes on 16 Dec'."""
    return f"reopened for changes on {short_date(day, year=year)}"
