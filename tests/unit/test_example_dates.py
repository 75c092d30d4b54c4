"""Example dates never suggest a bank holiday or a weekend (user trial 9: "Action 7 added: due Friday 18 December
2026 (in 2 days). To change it, type … like action 7 due 25/12 for the Friday after." offered Christmas Day)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.audits.action_fields import due_said
from bot.core.calendar import is_working_day
from knowledge.dates import examples, parse_day

WEDNESDAY_16_DEC = date(2026, 12, 16)


def test_the_friday_after_christmas_day_is_not_suggested_but_the_working_day_before_it() -> None:
    due = parse_day("friday", WEDNESDAY_16_DEC, "future")
    assert due_said("friday", due, WEDNESDAY_16_DEC, "action 7 due") == (
        "**Friday 18 December 2026** (in 2 days)",
        "To change it, type `action 7 due` and the date, like `action 7 due 24/12` for Thursday 24 December (the "
        "Friday after is Christmas Day).")


def test_a_friday_after_that_is_a_working_day_is_suggested_as_before() -> None:
    due = parse_day("friday", date(2026, 12, 9), "future")
    assert due_said("friday", due, date(2026, 12, 9), "action 7 due")[1] == (
        "To change it, type `action 7 due` and the date, like `action 7 due 18/12` for the Friday after.")


@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)), st.sampled_from(["past", "future"]))
def test_the_example_dates_a_message_gives_are_working_days(today: date, tense: str) -> None:
    numeric = re.match(r"(\d\d)/(\d\d)/(\d{4})", examples(today, tense))  # type: ignore[arg-type]
    assert numeric is not None
    day = date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1)))
    assert is_working_day(day)
    assert abs((day - today).days - (21 if tense == "future" else -21)) <= 5  # still about three weeks away


@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday"]))
def test_the_date_suggested_to_change_a_near_due_date_is_a_working_day(today: date, weekday: str) -> None:
    due = parse_day(weekday, today, "future")
    said = due_said(weekday, due, today, "action 2 due")[1]
    if said:
        day, month = map(int, re.search(r"due (\d+)/(\d+)`", said).groups())  # type: ignore[union-attr]
        # the Friday after, or, when the due date is a bank holiday (Easter Monday), a working day either side
        suggested = next(due + timedelta(days=n) for n in range(-7, 8) if (due + timedelta(days=n)).day == day
                         and (due + timedelta(days=n)).month == month)
        assert suggested >= today
        assert is_working_day(suggested)
