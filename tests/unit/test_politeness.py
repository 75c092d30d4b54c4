"""Reading polite words after a typed command's number (bot.engine.politeness): `done 12 thanks` is `done 12`, while
text after the number (a reflection, a reason, a note) keeps them, and a line that is no command is left whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.feature import DONE_WORDS
from bot.engine.near_miss import Shapes
from bot.engine.politeness import without_politeness
from tests.support.politeness import ENDINGS

# Commands that take a number straight after their word, typed bare.
NUMBERED = ("show", "resume", "restore", "edit", "reflect", "respond", "moderate", "compare", "redact", "view")
# Words of a reflection, a reason or a note typed after the number (none of them polite).
TEXT_WORDS = ("I", "agree", "with", "the", "plan", "reviews", "have", "slipped", "grade", "RI,", "note", "7", "good",
              "because", "visits", "lapsed.")


@given(word=st.sampled_from(NUMBERED), number=st.integers(min_value=1, max_value=999_999_999), ending=ENDINGS)
def test_a_command_with_a_polite_ending_after_its_number_is_read_without_it(command_shapes: Shapes, word: str,
                                                                             number: int, ending: str) -> None:
    assert without_politeness(f"{word} {number}{ending}", command_shapes, ()) == f"{word} {number}"


@given(word=st.sampled_from(("edit", "reflect", "respond", "redact")), number=st.integers(min_value=1, max_value=999),
       text=st.lists(st.sampled_from(TEXT_WORDS), min_size=1, max_size=6).map(" ".join), ending=ENDINGS)
def test_text_after_the_number_keeps_its_polite_ending(command_shapes: Shapes, word: str, number: int, text: str,
                                                       ending: str) -> None:
    typed = f"{word} {number} {text}{ending}"
    assert without_politeness(typed, command_shapes, ()) == typed


@pytest.mark.parametrize(("typed", "read"), [
    ("done 12 thanks", "done 12"), ("done 12, thank you!", "done 12"), ("Done 12 - cheers", "Done 12"),
    ("mark action 12 as done, ta", "mark action 12 as done"), ("done 12 please, thanks", "done 12"),
    ("show me audit 12 please", "show me audit 12"), ("campaign close 3 thanks", "campaign close 3"),
    ("show 9434765919 thanks", "show 9434765919"), ("list 1234 please", "list 1234"),
    ("mod 12 please", "mod 12"),  # a command's short form (fix34a: it was told `mod`'s usage)
])
def test_commands_read_without_their_thanks(command_shapes: Shapes, typed: str, read: str) -> None:
    assert without_politeness(typed, command_shapes, (DONE_WORDS,)) == read


@pytest.mark.parametrize("typed", [
    "help with section 47 please",  # a question that starts with a command's word
    "shwo 12 thanks",  # a near miss is suggested as typed, not run
    "edit 12 note 7 thanks",  # the note on question 7 is "thanks"
    "edit 12 grade RI, reviews have slipped, thanks",  # the reason ends with thanks
    "thanks", "done thanks", "show 12 data", "done 12 thanksgiving", "visit by 12 please",
    "show 12 " + "please " * 60,  # too long to be a command and a thank-you
])
def test_other_lines_are_left_as_typed(command_shapes: Shapes, typed: str) -> None:
    assert without_politeness(typed, command_shapes, (DONE_WORDS,)) == typed
