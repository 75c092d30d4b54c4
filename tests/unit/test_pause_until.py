"""`pause reminders till friday` (trial 44) is `/audit away until friday`; a request with no day, or a question about
pausing, stays for the knowledge base (bot.reminders.away_worded).

fix50b (trial 49 F16): "until <day>" was read two ways: `/audit away until friday` kept Friday as the last day away,
while `stop my reminders until 4/1` and `friday` typed at "Until when?" made it the day back. Every path now goes
through bot.reminders.feature.until_words: the day is the last day away, and `back on <day>` is the day back."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.reminders.away_worded import paused_until
from bot.reminders.feature import read_days, until_words
from knowledge.dates import parse_day

DAYS = st.sampled_from(["monday", "friday", "4/1", "the 4th", "4th jan", "next tuesday"])
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "fri"]
MONTHS = ["jan", "feb", "march", "april", "may", "june", "july", "aug", "sept", "oct", "nov", "december"]
SAID_DAYS = st.one_of(
    st.sampled_from(WEEKDAYS), st.sampled_from(WEEKDAYS).map(lambda day: f"next {day}"),
    st.tuples(st.integers(1, 28), st.integers(1, 12)).map(lambda dm: f"{dm[0]}/{dm[1]}"),
    st.tuples(st.integers(1, 28), st.sampled_from(MONTHS)).map(lambda dm: f"{dm[0]} {dm[1]}"))
TODAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2035, 12, 31))
Outcome = tuple[date | None, date, str | None] | None | str


def _read(words: str, today: date) -> Outcome:
    """The dates read, or the refusal said (a day just gone is refused alike on every path)."""
    try:
        return read_days(words, today)
    except UserError as error:
        return str(error)


@given(lead=st.sampled_from(["", "please ", "can you ", "pls "]), verb=st.sampled_from(["pause", "stop", "mute"]),
       whose=st.sampled_from(["", "my ", "the ", "all my "]), till=st.sampled_from(["till", "until", "til"]), day=DAYS,
       end=st.sampled_from(["", " please", " thanks", "."]))
def test_a_request_to_pause_reminders_to_a_day_is_away_until_that_day(lead: str, verb: str, whose: str, till: str,
                                                                     day: str, end: str) -> None:
    assert paused_until(f"{lead}{verb} {whose}reminders {till} {day}{end}") == f"until {day}"


@given(text=st.sampled_from(["pause reminders", "how do i pause reminders till monday?", "stop the chase on 14",
                             "pause reminders while im on leave", "im on leave till monday"]))
def test_other_lines_are_not_a_pause(text: str) -> None:
    assert paused_until(text) is None


@given(day=SAID_DAYS, today=TODAYS, till=st.sampled_from(["until", "till", "til"]),
       answer_lead=st.sampled_from(["", "until ", "till ", "on "]))
def test_every_way_of_saying_until_a_day_gives_the_same_dates(day: str, today: date, till: str,
                                                              answer_lead: str) -> None:
    """The away command, `stop my reminders until <day>` and the answer at "Until when?" give one pair of dates: the
    day said is the last day away (reminders start again the next working day)."""
    command = _read(f"{till} {day}", today)
    worded = _read(paused_until(f"stop my reminders {till} {day}") or "", today)
    answered = _read(until_words(f"{answer_lead}{day}"), today)
    assert command == worded == answered
    assert isinstance(command, str) or (command is not None and command[1] == parse_day(day, today, "future"))


@given(day=SAID_DAYS, today=TODAYS, back=st.sampled_from(["back on ", "back ", "im back on ", "i'm back "]))
def test_the_day_back_said_in_its_own_words_is_the_day_back_on_every_path(day: str, today: date,
                                                                         back: str) -> None:
    command = _read(f"back on {day}", today)
    answered = _read(until_words(f"{back}{day}"), today)
    assert command == answered
    assert isinstance(command, str) or (
        command is not None and command[1] == parse_day(day, today, "future") - timedelta(days=1))
