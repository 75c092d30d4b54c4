"""A new entry's question becomes its heading, which starts with a capital like every other entry's (trial 12):
only the first letter changes, and acronyms and words with capitals of their own are left as typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.unanswered_input import as_heading, as_question, typed_tags


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


@pytest.mark.parametrize(("typed", "heading"), [
    ("who signs off section 20 for a 17 year old", "who signs off section 20 for a 17 year old?"),
    ("Who signs off section 20?", "Who signs off section 20?"),
    ("when is the fire drill held. ", "when is the fire drill held?"),
    ("", ""),
])
def test_a_heading_typed_without_a_question_mark_gets_one(typed: str, heading: str) -> None:
    assert as_question(typed) == heading


@given(st.text(max_size=80))
def test_a_heading_with_its_question_mark_keeps_what_was_typed_and_is_stable(typed: str) -> None:
    heading = as_question(typed)
    assert heading == typed or (heading.endswith("?") and typed.startswith(heading[:-1]))
    assert as_question(heading) == heading


@pytest.mark.parametrize(("typed", "tags"), [
    ("section 20, care leavers", ("section-20", "care-leavers")),
    ("Care Leavers,  care-leavers , ", ("care-leavers",)),
    ("fostering", ("fostering",)),
    ("", ()),
])
def test_typed_tags_are_read_in_the_knowledge_base_s_form(typed: str, tags: tuple[str, ...]) -> None:
    assert typed_tags(typed) == tags


@given(st.text(max_size=80))
def test_typed_tags_have_no_spaces_or_capitals_and_read_the_same_again(typed: str) -> None:
    tags = typed_tags(typed)
    assert all(tag and not any(c.isspace() for c in tag) and tag == tag.lower() for tag in tags)
    assert typed_tags(", ".join(tags)) == tags
