"""fix47c: `any messages for me?` and its like are read as asking for the messages held for you, in any case and with
any closing punctuation; a line that goes on about something else stays a question for the knowledge base."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.audits.held_dms import ASKED

ASKINGS = ["any messages for me", "have i got any messages", "what's waiting for me", "whats waiting for me",
           "do i have any messages", "any new messages", "what is waiting for me"]


@given(st.sampled_from(ASKINGS), st.sampled_from(["", "?", "??", ".", "!", " ?"]), st.booleans())
def test_asked_in_any_case_with_any_ending(asking: str, ending: str, upper: bool) -> None:
    line = (asking.upper() if upper else asking.capitalize()) + ending
    assert ASKED.match(line)


@given(st.sampled_from(ASKINGS), st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1).filter(str.strip))
def test_more_words_after_it_are_a_question_not_this(asking: str, more: str) -> None:
    line = f"{asking} about {more}"
    assert not ASKED.match(line)
