"""A new entry no close entry places goes in the one file whose name's topic its question names (trial 56 F15:
"Can we refer a child in care to Kooth?" was not filed, though kb/children-in-care.yaml exists)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.entry_file import choose_file, named_file
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

KB = load_knowledge()
SEARCH = KnowledgeSearch(KB)
FILES = {entry.file for entry in KB.entries.values()}


@pytest.mark.parametrize("question", ["Can we refer a child in care to Kooth?", "can a LAC kid use kooth",
                                      "Can a CiC young person use Kooth?", "When can a looked after child use Kooth?"])
def test_a_question_naming_children_in_care_is_filed_in_children_in_care(question: str) -> None:
    choice = choose_file(KB.entries, SEARCH, [], [question])
    assert choice.file == "kb/children-in-care.yaml"
    assert choice.why == "the file named for children in care, which its question is about (no entry is close to it)"


@pytest.mark.parametrize("question", ["Can we refer a child to Kooth?", "When is the fire drill held?",
                                      "Can children in care and care leavers use Kooth?"])
def test_a_question_naming_no_file_or_two_files_gets_none(question: str) -> None:
    """"when" names no timescale; two files' topics leave the choice to the QA lead."""
    assert named_file(KB.entries, SEARCH, [question]).file == ""


@given(st.text(max_size=200))
def test_any_text_names_one_of_the_files_or_none(text: str) -> None:
    assert named_file(KB.entries, SEARCH, [text, ""]).file in FILES | {""}
