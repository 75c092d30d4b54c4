"""Dates in a reply's lines (knowledge.dates.short_date): '3 Dec 2026' everywhere, never a stored '2026-12-03'."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from knowledge.dates import short_date

SHORT = re.compile(r"^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})$")


def test_a_stored_iso_date_and_a_date_read_the_same() -> None:
    assert short_date("2026-12-03") == short_date(date(2026, 12, 3)) == "3 Dec 2026"
    assert short_date("2026-12-03T09:30:00+00:00") == "3 Dec 2026"
    assert short_date(date(2026, 12, 3), year=False) == "3 Dec"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_every_date_is_day_month_year_without_a_leading_zero_and_reads_back(day: date) -> None:
    said = short_date(day.isoformat())
    found = SHORT.match(said)
    assert found is not None, said
    assert not found.group(1).startswith("0")
    assert date(int(found.group(3)), ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                      "Dec"].index(found.group(2)) + 1, int(found.group(1))) == day
