"""fix77c: `away until 4/1 - mum said` typed at an audit's note was run as the `away` command. A line of the away
command's words, a spaced dash and words of a note is a note where an audit waits for words
(bot.reminders.away_worded.note_after_days); `away until 4/1` alone, a cover or a date after the dash stay the
command."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.reminders.away_worded import note_after_days

DAYS = st.sampled_from(["4/1", "04/01/2027", "friday", "next fri", "the 18th", "4 jan", "end of january"])
DASHES = st.sampled_from([" - ", " – ", " — ", " -- "])
WORD = st.from_regex(r"[a-z]{2,9}", fullmatch=True).filter(lambda word: word != "cover")
WORDS = st.lists(st.from_regex(r"[a-z]{1,9}", fullmatch=True), max_size=6).map(" ".join)


@given(days=DAYS, dash=DASHES, first=WORD, rest=WORDS, until=st.sampled_from(["until", "till", "Until"]))
def test_away_until_a_day_then_a_dash_and_words_is_a_note(days: str, dash: str, first: str, rest: str,
                                                           until: str) -> None:
    assert note_after_days(f"away {until} {days}{dash}{first} {rest}".rstrip())


@given(days=DAYS)
def test_away_until_a_day_alone_is_the_command(days: str) -> None:
    assert not note_after_days(f"away until {days}")


@pytest.mark.parametrize("line", ["away until 4/1 - cover tm south", "away 21/12 - 2/1", "away until 21/12 - 2/1",
                                  "away off - sorry", "mum is away until 4/1 - she said"])
def test_a_cover_a_range_or_other_words_are_not_a_note_here(line: str) -> None:
    assert not note_after_days(line)
