"""'What does DSL mean?': the glossary's meaning, for a question that only asks what a term stands for."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.definitions import compared_terms, defined_term
from knowledge.loader import load_knowledge
from knowledge.textterms import STOP_WORDS


@functools.cache
def glossary() -> dict[str, str]:
    return dict(load_knowledge().glossary)


@pytest.mark.parametrize(("question", "term"), [
    ("what is a DSL", "DSL"), ("what is a s17", "s17"), ("what does NFA mean", "NFA"), ("whats an ICPC?", "ICPC"),
    ("what does cla stand for", "CLA"), ("meaning of PLO", "PLO"), ("SGO meaning", "SGO"), ("DSL?", "DSL"),
    ("what is a care order", "care order"), ("what does Reg 44 mean", "Reg 44"), ("what is PP+", "PP+"),
    ("what is the meaning of PLO", "PLO"), ("what is the definition of DSL", "DSL"),
])
def test_a_question_asking_what_a_term_means_gets_the_glossary_term(question: str, term: str) -> None:
    found = defined_term(question, glossary())
    assert found is not None and found[0] == term and found[1] == glossary()[term]


@pytest.mark.parametrize(("question", "term"), [
    ("wat does DA mean in a referral", "DA"), ("what does SGO stand for on a care plan", "SGO"),
    ("whats RHI mean in a missing episode", "RHI"), ("wat dose DA mean", "DA"), ("what does PLO mena", "PLO"),
    ("waht is a DSL", "DSL"), ("NFA meaning in the notes", "NFA"),
])
def test_an_acronym_asked_with_a_typo_or_where_it_was_met_still_gets_its_meaning(question: str, term: str) -> None:
    """Trial 49: 'what does SGO mean' was spelt out, 'wat does DA mean in a referral' went to the entry without it."""
    assert defined_term(question, glossary()) == (term, glossary()[term])


@pytest.mark.parametrize("question", [
    "when is the ICPC due", "what is it", "what is a strategy discussion", "dsl", "what is the DSL's role in a s47",
    "what is", "what does so mean", "what is a DSL in a school meant to do", "what does DA in a referral",
])
def test_other_questions_are_not_taken_for_a_definition(question: str) -> None:
    assert defined_term(question, glossary()) is None


@given(st.data())
def test_every_glossary_term_is_spelt_out_however_it_is_asked(data: st.DataObject) -> None:
    term = data.draw(st.sampled_from(sorted(glossary())))
    shape = data.draw(st.sampled_from(["what does {} mean", "what is a {}?", "{} stands for", "meaning of {}"]))
    typed = data.draw(st.sampled_from([term, term.upper()] + ([] if term.lower() in STOP_WORDS else [term.lower()])))
    assert defined_term(shape.format(typed), glossary()) == (term, glossary()[term])


@given(st.text(max_size=60))
def test_any_text_gets_a_real_glossary_meaning_or_none(text: str) -> None:
    found = defined_term(text, glossary())
    assert found is None or glossary().get(found[0]) == found[1]


@pytest.mark.parametrize(("question", "first", "second"), [
    ("whats the diff between LAC and CiC", "LAC", "CiC"), ("what is the difference between ICPC and RCPC?", "ICPC",
                                                           "RCPC"),
    ("LAC vs CLA", "LAC", "CLA"), ("LAC or CiC, whats the difference", "LAC", "CiC"),
    ("is LAC the same as CiC", "LAC", "CiC"), ("are lac and cic the same thing", "LAC", "CiC"),
    ("is cla different to lac?", "CLA", "LAC"), ("difference between a CIN and a CP", "CIN", "CP"),
])
def test_a_question_asking_how_two_terms_differ_gets_both_glossary_terms(question: str, first: str,
                                                                          second: str) -> None:
    assert compared_terms(question, glossary()) == ((first, glossary()[first]), (second, glossary()[second]))


@pytest.mark.parametrize("question", [
    "difference between a cin plan and a cp plan",  # not glossary terms: the search reads it
    "whats the diff between lac and cic and cin", "difference between LAC and LAC", "what is LAC",
    "LAC and CiC", "when is the ICPC due vs the RCPC",
])
def test_other_questions_are_not_taken_for_two_terms_compared(question: str) -> None:
    assert compared_terms(question, glossary()) is None
