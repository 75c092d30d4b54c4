"""Whether a date typed for something due falls on a day off, and the working day to give instead (trial 10, F14: an
action due on Christmas Day and a campaign deadline on it were taken without a word). One check for every due date
and deadline: knowledge.dates.day_off, on the calendar the bot's own working days and example dates keep to."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.calendar import is_working_day
from knowledge.dates import DayOff, day_off, kept_anyway, parse_day

MONDAY = date(2026, 12, 7)
DAYS = st.dates(min_value=date(2026, 1, 1), max_value=date(2032, 12, 31))


@pytest.mark.parametrize(("day", "earliest", "said"), [
    (date(2026, 12, 25), MONDAY, DayOff(date(2026, 12, 25), "a bank holiday (Christmas Day)", date(2026, 12, 24),
                                        "the last working day before it")),
    (date(2026, 12, 28), MONDAY, DayOff(date(2026, 12, 28), "a bank holiday (the substitute day for Boxing Day)",
                                        date(2026, 12, 24), "the last working day before it")),
    (date(2027, 3, 29), MONDAY, DayOff(date(2027, 3, 29), "a bank holiday (Easter Monday)", date(2027, 3, 25),
                                       "the last working day before it")),  # Good Friday is off too
    (date(2026, 12, 12), MONDAY, DayOff(date(2026, 12, 12), "a Saturday", date(2026, 12, 11),
                                        "the last working day before it")),
    # due today, a Sunday: the Friday before has passed, so the Monday after
    (date(2026, 12, 13), date(2026, 12, 13), DayOff(date(2026, 12, 13), "a Sunday", date(2026, 12, 14),
                                                    "the first working day after it")),
])
def test_a_day_off_is_named_with_the_working_day_to_give_instead(day: date, earliest: date, said: DayOff) -> None:
    assert day_off(day, earliest) == said


def test_a_working_day_is_no_day_off() -> None:
    assert day_off(date(2026, 12, 24), MONDAY) is None


@given(DAYS, st.integers(min_value=0, max_value=10))
def test_the_day_given_instead_is_the_nearest_working_day_not_before_the_earliest(day: date, back: int) -> None:
    earliest = day - timedelta(days=back)
    off = day_off(day, earliest)
    assert (off is None) == is_working_day(day)
    if off is not None:
        assert is_working_day(off.instead) and off.instead >= earliest
        low, high = sorted((off.instead, day))  # nothing nearer on that side: every day between is off too
        assert not any(is_working_day(low + timedelta(days=n)) for n in range(1, (high - low).days))
        assert off.instead_said.startswith(f"{off.instead:%A} {off.instead.day} {off.instead:%B}, the ")


@given(DAYS, st.sampled_from(["{d}/{m}", "{d}/{m}/{y}", "{d} {b}", "next friday", "in two weeks"]),
       st.sampled_from(["anyway", "Anyway", "anyway.", "ANYWAY!"]))
def test_a_date_typed_with_anyway_reads_as_the_date_and_is_kept(today: date, form: str, word: str) -> None:
    typed = form.format(d=today.day, m=today.month, y=today.year + 1, b=f"{today:%B}")
    text, kept = kept_anyway(f"{typed} {word}")
    assert kept and parse_day(text, today, "future") == parse_day(typed, today, "future")
    assert kept_anyway(typed) == (typed, False)


@given(st.text(max_size=30))
def test_text_without_the_word_comes_back_as_it_is(text: str) -> None:
    read, kept = kept_anyway(text)
    assert kept == (len(text.split()) > 1 and text.split()[-1].lower().strip(".!") == "anyway")
    assert read == (" ".join(text.split()[:-1]) if kept else text)
