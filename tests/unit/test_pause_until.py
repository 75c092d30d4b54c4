"""`pause reminders till friday` (trial 44) is `/audit away back on friday`: reminders start again that day; a
request with no day, or a question about pausing, stays for the knowledge base (bot.reminders.away_worded)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.reminders.away_worded import paused_until

DAYS = st.sampled_from(["monday", "friday", "4/1", "the 4th", "4th jan", "next tuesday"])


@given(lead=st.sampled_from(["", "please ", "can you ", "pls "]), verb=st.sampled_from(["pause", "stop", "mute"]),
       whose=st.sampled_from(["", "my ", "the ", "all my "]), till=st.sampled_from(["till", "until", "til"]), day=DAYS,
       end=st.sampled_from(["", " please", " thanks", "."]))
def test_a_request_to_pause_reminders_to_a_day_is_away_back_that_day(lead: str, verb: str, whose: str, till: str,
                                                                   day: str, end: str) -> None:
    assert paused_until(f"{lead}{verb} {whose}reminders {till} {day}{end}") == f"back on {day}"


@given(text=st.sampled_from(["pause reminders", "how do i pause reminders till monday?", "stop the chase on 14",
                             "pause reminders while im on leave", "im on leave till monday"]))
def test_other_lines_are_not_a_pause(text: str) -> None:
    assert paused_until(text) is None
