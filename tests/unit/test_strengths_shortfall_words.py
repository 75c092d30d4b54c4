"""A strengths note is asked about (keep, or move to the areas for development) only when it reads as a shortfall
(trial 57 F17): a note with none of the shortfall words is never asked, however it is worded."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.strengths_shortfall import reads_as_shortfall

# the words the brief names, looser than the bot's own pattern: any note without them must pass unasked
_ANY_SHORTFALL_WORD = re.compile(r"\b(?:not|no|never|lack\w*|missing|absent|weak\w*|poor\w*|drift\w*)\b|n['’]t\b",
                                 re.IGNORECASE)
_POSITIVE = ["good", "direct", "work", "with", "the", "child", "is", "thoughtful", "visits", "on", "time", "warm",
             "relationship", "mum", "plan", "clear", "and", "timely", "voice", "heard", "but", "mostly", "strong",
             "stability", "meeting", "held", "3", "moves", "addressed", "note", "nothing", "now", "know", "noted"]


@given(st.lists(st.sampled_from(_POSITIVE), min_size=1, max_size=20).map(" ".join))
def test_a_note_of_everyday_positive_words_is_never_asked(note: str) -> None:
    assert not reads_as_shortfall(note)


@given(st.text(max_size=200))
def test_any_text_without_a_shortfall_word_is_never_asked(note: str) -> None:
    if _ANY_SHORTFALL_WORD.search(note) is None:
        assert not reads_as_shortfall(note)


@pytest.mark.parametrize("note", ["mostly good but the 3 moves were not addressed and there was no stability meeting",
                                  "good direct work, but no stability meeting", "plan lacks timescales",
                                  "Lack of management oversight", "the chronology is missing", "father absent",
                                  "weak analysis", "poor recording", "drift in the plan", "visits weren't recorded"])
def test_a_note_naming_a_shortfall_is_asked(note: str) -> None:
    assert reads_as_shortfall(note)


@pytest.mark.parametrize("note", ["no concerns about the home", "no drift: the plan is on track",
                                  "not any worries from school", "visits without delay"])
def test_a_shortfall_denied_is_a_strength(note: str) -> None:
    assert not reads_as_shortfall(note)
