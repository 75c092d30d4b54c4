"""A new entry's question becomes its heading, which starts with a capital like every other entry's (trial 12):
only the first letter changes, and acronyms and words with capitals of their own are left as typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.unanswered_input import as_heading


@pytest.mark.parametrize(("typed", "heading"), [
    ("at what age can a child be left home alone?", "At what age can a child be left home alone?"),
    ("when is the ICPC due?", "When is the ICPC due?"),
    ("ICPC timescales?", "ICPC timescales?"),
    ("eCAF or EHA: which form?", "eCAF or EHA: which form?"),
    ("s47 enquiries: who leads?", "S47 enquiries: who leads?"),
    ("What is a PLO?", "What is a PLO?"),
    ("  how do I book a room?", "  How do I book a room?"),
])
def test_only_the_first_letter_is_capitalised(typed: str, heading: str) -> None:
    assert as_heading(typed) == heading


@given(st.text(max_size=80))
def test_a_heading_differs_from_what_was_typed_at_most_in_its_first_letter_and_is_stable(typed: str) -> None:
    heading = as_heading(typed)
    assert len(heading) == len(typed)
    changed = [i for i, (a, b) in enumerate(zip(heading, typed, strict=True)) if a != b]
    assert changed in ([], [len(typed) - len(typed.lstrip())])  # only the first letter, if any
    assert all(heading[i] == typed[i].upper() for i in changed)
    assert as_heading(heading) == heading
