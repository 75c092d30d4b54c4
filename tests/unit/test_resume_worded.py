"""Reminders turned back on in words (trial 49, F2) are `away off`; a question on how stays the knowledge base's, as
does a day back (`im back on monday`), which booking time away reads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.reminders.resume_worded import asks_to_resume, says_back

THEM = st.sampled_from(["reminders", "my reminders", "the reminders", "all my reminders", "my daily reminders"])
END = st.sampled_from(["", " please", " again", " thanks", ".", "!", " now please"])


@given(lead=st.sampled_from(["", "please ", "can you ", "im back, ", "i'm back from leave, ", "I\u2019m back - "]),
       verb=st.sampled_from(["turn", "switch", "put"]), them=THEM, back=st.sampled_from(["", "back "]), end=END)
def test_turning_them_on_is_read(lead: str, verb: str, them: str, back: str, end: str) -> None:
    assert asks_to_resume(f"{lead}{verb} {them} {back}on{end}")


@given(verb=st.sampled_from(["resume", "restart", "unpause", "re-enable", "Resume"]), them=THEM, end=END)
def test_resuming_them_is_read(verb: str, them: str, end: str) -> None:
    assert asks_to_resume(f"{verb} {them}{end}")


@given(text=st.sampled_from(["im back", "i'm back from leave", "Im back from holiday!", "back from leave",
                             "hi im back", "I am back at work"]))
def test_being_back_is_read(text: str) -> None:
    assert asks_to_resume(text)


@given(text=st.sampled_from(["how do i turn reminders on", "how do i turn my reminders back on?",
                             "how can i resume my reminders", "im back on monday", "im back on 4/1",
                             "turn reminders off", "turn on reminders for S1", "what are my reminders",
                             "i'm back from leave, how do i see my actions?", "are my reminders back on?"]),
       end=st.sampled_from(["", "?", "."]))
def test_questions_and_other_lines_are_not(text: str, end: str) -> None:
    assert not asks_to_resume(text + end)


@given(text=st.sampled_from(["back from leave", "im back from leave", "just back off holiday",
                             "Back from my leave today",
                             "i'm back", "hi im back from annual leave!", "im back, turn my reminders back on"]))
def test_being_back_is_said_back(text: str) -> None:
    """F14 (trial 52): these are checked against a leave booked ahead before anything else reads them."""
    assert says_back(text)


@given(text=st.sampled_from(["back", "go back", "back from leave what did i miss", "im back on monday",
                             "when am i back from leave?", "turn my reminders back on", "back to the audit"]))
def test_other_lines_are_not_said_back(text: str) -> None:
    assert not says_back(text)


@given(text=st.text(max_size=40))
def test_said_back_always_says_back(text: str) -> None:
    assert not says_back(text) or "back" in text.lower()
