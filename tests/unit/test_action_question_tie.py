"""Trial 60 (F7): an action typed `Q2 GCP2 to be completed` (no colon) is tied to Q2 as `Q2: …` is, and only when the
checklist has that question: any text that does not start with one of its question numbers is never tied, and keeps
every word."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.action_question import split
from bot.audits.numbering import question_label
from knowledge.loader import load_knowledge

CHECKLIST = load_knowledge().checklists["child-in-need"]
LABELS = {question_label(CHECKLIST, q.id).lower() for q in CHECKLIST.questions()}


@pytest.mark.parametrize(("typed", "label", "rest"), [
    ("Q2 GCP2 to be completed", "2", "GCP2 to be completed"),
    ("q2 GCP2 to be completed", "2", "GCP2 to be completed"),
    ("Q2: GCP2 to be completed", "2", "GCP2 to be completed"),
    ("Q12 ask the child's views", "12", "ask the child's views"),
])
def test_a_question_number_with_or_without_a_colon_ties_the_action(typed: str, label: str, rest: str) -> None:
    question, text = split(CHECKLIST, typed)
    assert question is not None and question_label(CHECKLIST, question) == label and text == rest


@pytest.mark.parametrize("typed", ["Q99 GCP2 to be completed", "Q2a GCP2 to be completed", "Q1 2027 review the plan",
                                   "GCP2 to be completed for Q2", "Quarterly Q2 review", "q2", "2 visits a week"])
def test_text_that_names_no_question_of_the_checklist_is_kept_whole(typed: str) -> None:
    assert split(CHECKLIST, typed) == (None, typed)


def _starts_with_a_question(text: str) -> bool:
    found = re.match(r"^\s*(?:for\s+)?q(?:uestion)?\s*(\d{1,3}[a-z]?)", text, re.IGNORECASE)
    return found is not None and any(found.group(1).lower().startswith(label) for label in LABELS)


TEXTS = (st.tuples(st.sampled_from(["", "q", "Q", "q ", "for q", "question ", "Qu"]),
                   st.integers(min_value=0, max_value=120).map(str), st.sampled_from(["", "a", "b", "x"]),
                   st.sampled_from(["", " ", ": ", " - ", ":"]), st.text(max_size=20)).map("".join)
         | st.text(max_size=30))


@given(TEXTS)
def test_text_not_starting_with_a_question_number_of_the_checklist_is_never_tied(text: str) -> None:
    question, rest = split(CHECKLIST, text)
    if not _starts_with_a_question(text):
        assert (question, rest) == (None, text)
    if question is not None:  # tied only to the question whose number it starts with, that prefix taken off
        label = question_label(CHECKLIST, question)
        assert re.match(rf"^\s*(?:for\s+)?q(?:uestion)?\s*{label}(?![0-9a-z])", text, re.IGNORECASE)
        assert rest and text.rstrip().endswith(rest.rstrip())
