"""Sections of the Children Act as practitioners type them: "s20", "s.20", "s 20", "sec 20", "sect 20".

"s.20" used to be cut in two at its dot, as if a sentence ended after "s", and "sec 17" was read as the word "sec",
which only the section 47 entry holds, so "sec 17" was answered with section 47.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult
from knowledge.textterms import words_of


@functools.cache
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def offered(result: SearchResult) -> list[str]:
    """The entry answered, or the entries offered under "Did you mean…", in the order the person sees them."""
    if result.outcome == "answer" and result.answer is not None:
        return [result.answer.entry_id]
    return [match.entry_id for match in result.suggestions] if result.outcome == "ambiguous" else []


@pytest.mark.parametrize(("question", "entry"), [
    ("what is s.20", "section-20-accommodation"),
    ("What is S.20?", "section-20-accommodation"),
    ("sec 20", "section-20-accommodation"),
    ("sect 20", "section-20-accommodation"),
    ("sec. 47 enquiry", "section-47-enquiries"),
    ("s. 47 enquiry", "section-47-enquiries"),
    ("sec 31", "section-31-threshold"),
])
def test_a_section_typed_with_a_dot_or_as_sec_is_answered_with_its_entry(question: str, entry: str) -> None:
    result = shipped().search(question)
    assert result.outcome == "answer" and result.answer is not None and result.answer.entry_id == entry


def test_sec_17_is_child_in_need_not_section_47() -> None:
    result = shipped().search("sec 17")
    assert offered(result)[0] == "child-in-need"
    assert "section-47-enquiries" not in offered(result)


@given(number=st.integers(min_value=1, max_value=999),
       shape=st.sampled_from(["s{}", "s.{}", "s {}", "s. {}", "sec {}", "sec.{}", "sec. {}", "sect {}", "S{}",
                              "Sec {}", "SEC. {}"]),
       before=st.sampled_from(["", "what is ", "is a child on "]), after=st.sampled_from(["", " enquiry", "?"]))
def test_every_way_of_typing_a_section_reads_as_the_section(number: int, shape: str, before: str, after: str) -> None:
    words = words_of(before + shape.format(number) + after)
    assert "section" in words and words[words.index("section") + 1] == str(number)
    assert "s" not in words and "sec" not in words and "sect" not in words


@pytest.mark.parametrize(("text", "expected"), [
    ("she's 18 next week", ["she", "18", "next", "week"]),
    ("a few secs 20 times", ["a", "few", "secs", "20", "times"]),
    ("sections 20 and 31", ["sections", "20", "and", "31"]),
])
def test_other_words_before_a_number_are_left_alone(text: str, expected: list[str]) -> None:
    assert words_of(text) == expected


@pytest.mark.parametrize("question", [
    "what's the difference between s20 and s31", "s20 vs s31", "s20 or s31", "s.20 vs s.31", "sec 20 vs sec 31",
    "section 20 vs section 31", "is section 20 the same as a care order",
])
def test_section_20_against_a_care_order_finds_the_section_20_entry_which_says_the_difference(question: str) -> None:
    """Trial 11: "s20 vs s31", one of the commonest questions, offered family time, supervision orders and the
    threshold, never section 20 (whose answer did not say how it differs from a care order)."""
    result = shipped().search(question)
    assert "section-20-accommodation" in offered(result)
    answer = load_knowledge().entries["section-20-accommodation"].answer
    assert "Section 20 is not a care order" in answer and "shares parental responsibility" in answer
