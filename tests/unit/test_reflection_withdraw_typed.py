"""fix44d: the words that pick a reflection from the withdraw list by its number
(bot.audits.reflection_withdraw_typed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.reflection_withdraw_typed import typed_number


@pytest.mark.parametrize(("typed", "number"), [
    ("2", 2), ("#2", 2), ("withdraw 2", 2), ("number 1", 1), ("the second one", 2), ("withdraw the second one", 2),
    ("delete the 1st", 1), ("the last one", -1), ("Remove reflection 3 please", 3), ("2.", 2),
    ("take back the first", 1),
])
def test_a_number_or_its_word_picks_that_reflection(typed: str, number: int) -> None:
    assert typed_number(typed) == number


@pytest.mark.parametrize("typed", ["withdraw my reflection on 149", "2 weeks", "i saw the child 2 times", "",
                                   "the second visit was late", "undo", "withdraw"])
def test_other_words_pick_nothing(typed: str) -> None:
    assert typed_number(typed) is None


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["", "withdraw ", "delete ", "number ", "#"]))
def test_any_listed_number_typed_alone_or_after_a_verb_is_read(n: int, lead: str) -> None:
    assert typed_number(f"{lead}{n}") == n


@given(st.text(max_size=40))
def test_reading_any_line_never_fails(text: str) -> None:
    found = typed_number(text)
    assert found is None or found == -1 or found >= 0
