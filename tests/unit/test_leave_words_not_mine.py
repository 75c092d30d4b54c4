"""fix74a A3: what a line typed while an audit waits is booked as time away on (bot.reminders.away_worded.
own_leave_ahead). A sentence about leave already taken, or someone else's, is never the person's own leave to come,
so it is never booked; the person's own, with days still to come, is."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.reminders.away_worded import own_leave_ahead
from tests.support.examples import examples

MONDAY = date(2026, 12, 7)
PAST = ["I was off sick last week so the visit was late", "i was on leave from 30/11 to 4/12, visit delayed",
        "was off until friday so the visit was late", "off last week until 4/12 so the visit was late"]
THEIRS = ["mum said she is away over christmas", "she is off from 21/12 to 4/1", "dad's away until 4/1",
          "they are on leave next week, school closed", "mum is off until friday"]
DAYS = st.sampled_from(["from 21/12 to 4/1", "until friday", "till monday", "next week", "from 1/12 to 4/12",
                        "back on 4th jan", "until 4/1", "over christmas", "last week"])
PAST_OR_THEIRS = st.sampled_from(["I was", "i was", "was", "she is", "he's", "mum is", "dad was", "they are",
                                  "her worker was", "the parents are", "their carer is", "I had been"])
LEAVE = st.sampled_from(["off", "away", "on leave", "off sick", "on holiday", "on annual leave"])
AFTER = st.sampled_from(["", " so the visit was late", ", visit delayed", " - mum said", " and the review moved"])


def test_sentences_about_the_past_or_someone_else_are_not_own_leave() -> None:
    for line in PAST + THEIRS:
        assert own_leave_ahead(line, MONDAY) is None, line


@settings(max_examples=examples(150))
@given(PAST_OR_THEIRS, LEAVE, DAYS, AFTER)
def test_a_past_or_third_person_leave_sentence_is_never_own_leave(who: str, leave: str, days: str,
                                                                 after: str) -> None:
    assert own_leave_ahead(f"{who} {leave} {days}{after}", MONDAY) is None


@settings(max_examples=examples(60))
@given(st.sampled_from(["", "i'm ", "im ", "I am ", "I'll be "]), LEAVE, st.sampled_from(["from 1/12 to 4/12",
                                                                                          "until 30/11", "last week"]))
def test_days_already_passed_are_never_own_leave(who: str, leave: str, days: str) -> None:
    assert own_leave_ahead(f"{who}{leave} {days}", MONDAY) is None


def test_ones_own_leave_to_come_with_its_days_is() -> None:
    assert own_leave_ahead("im on leave over xmas from 21st dec back on 4th jan, tm south covering", MONDAY) == \
        "from 21st dec back on 4th jan cover tm south"
    assert own_leave_ahead("I'm off from 21/12 to 4/1", MONDAY) is not None
    assert own_leave_ahead("on leave till monday", MONDAY) is not None
