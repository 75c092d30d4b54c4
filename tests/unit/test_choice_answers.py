"""Typed answers to choice questions: an option's code or its own words pick it; unclear words ask which one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_answer
from bot.audits.option_sayings import FORMS, SAYINGS
from bot.audits.option_words import option_code
from knowledge.checklist_schema import Question
from knowledge.loader import load_knowledge
from tests.support.examples import examples

NEED = Question("need", "Category of need?", "choice", options=(
    "N1 Abuse or neglect", "N2 Child's disability or illness", "N3 Parental disability or illness",
    "N4 Family in acute stress", "N0 Not stated"))
DRIFT = Question("drift", "Drift?", "choice", options=(
    "No drift or delay", "Some delay, now resolved", "Delay that is still continuing"))
CONCERN = Question("concern", "Immediate safeguarding concern?", "yes_no")


@pytest.mark.parametrize(("question", "typed", "picked"), [
    (NEED, "neglect", "N1 Abuse or neglect"), (NEED, "abuse", "N1 Abuse or neglect"),
    (NEED, "N1", "N1 Abuse or neglect"), (NEED, " n4 ", "N4 Family in acute stress"),
    (NEED, "n1 abuse or neglect", "N1 Abuse or neglect"), (NEED, "family stress", "N4 Family in acute stress"),
    (NEED, "parental disability", "N3 Parental disability or illness"),
    (NEED, "child\u2019s disability", "N2 Child's disability or illness"),
    (NEED, "not stated", "N0 Not stated"), (NEED, "5", "N0 Not stated"),
    (DRIFT, "still continuing", "Delay that is still continuing"), (DRIFT, "resolved", "Some delay, now resolved"),
])
def test_a_typed_answer_that_fits_one_option_picks_it(question: Question, typed: str, picked: str) -> None:
    assert parse_answer(question, typed) == picked


def test_words_that_fit_several_options_name_them_and_ask_which() -> None:
    with pytest.raises(AnswerError) as refused:
        parse_answer(NEED, "disability")
    message = str(refused.value)
    assert "2. N2 Child's disability or illness or 3. N3 Parental disability or illness" in message
    assert "N1" not in message and "Type the number" in message


@pytest.mark.parametrize("typed", ["cheese", "neglect cheese", "or", "the", "N9", "6", "0", ""])
def test_words_in_no_option_get_the_list_of_options(typed: str) -> None:
    with pytest.raises(AnswerError, match=r"Please pick one of the options by its number or words: 1\. N1"):
        parse_answer(NEED, typed)


@pytest.mark.parametrize("typed", ["yes please", "no drift", "not", "yes no", "yet"])
def test_yes_no_questions_stay_strict(typed: str) -> None:
    with pytest.raises(AnswerError, match="Please answer yes or no"):
        parse_answer(CONCERN, typed)


@pytest.mark.parametrize("typed", ["not applicable", "na"])
def test_not_applicable_where_a_question_has_none_says_so(typed: str) -> None:
    """Trial 55 F16: `N/A` where the question offers no not-applicable got the bare "Please answer yes or no"."""
    with pytest.raises(AnswerError, match="This question has no 'not applicable': answer yes or no"):
        parse_answer(CONCERN, typed)


def test_every_shipped_choice_option_is_picked_by_its_label_number_and_code() -> None:
    checklists = load_knowledge().checklists
    questions = [q for c in checklists.values() for s in c.sections for q in s.questions if q.type == "choice"]
    assert questions
    for question in questions:
        for number, option in enumerate(question.options, 1):
            assert parse_answer(question, option) == option
            assert parse_answer(question, option.upper()) == option
            assert parse_answer(question, str(number)) == option
            if (code := option_code(option)) is not None:
                assert parse_answer(question, code) == option


# -- properties ------------------------------------------------------------------------------------------

LABEL_WORDS = ["abuse", "neglect", "family", "stress", "child", "care", "plan", "delay", "drift", "review",
               "visit", "court", "school", "health", "income", "parent", "support", "risk", "harm", "safety"]
word = st.sampled_from(LABEL_WORDS)
# Longer than any little word ("or", "the"), so a foreign word always counts; never a way of writing a label's word
# (`delayed`, `slipped`: bot.audits.option_sayings).
foreign = st.from_regex(r"[a-z]{7,10}", fullmatch=True).filter(
    lambda w: w not in LABEL_WORDS and w not in FORMS and not any(re.search(p, w) for p, _ in SAYINGS))


@st.composite
def choice_questions(draw: st.DrawFn) -> Question:
    """2 to 8 distinct options of label words, some starting with a distinct code such as N3 or CP12."""
    labels = draw(st.lists(st.lists(word, min_size=1, max_size=5).map(" ".join), min_size=2, max_size=8,
                           unique=True))
    codes = draw(st.lists(st.from_regex(r"[A-Z]{1,2}[0-9]{1,2}", fullmatch=True), min_size=len(labels),
                          max_size=len(labels), unique_by=str.lower))
    coded = draw(st.lists(st.booleans(), min_size=len(labels), max_size=len(labels)))
    options = tuple(f"{code} {label.capitalize()}" if with_code else label.capitalize()
                    for label, code, with_code in zip(labels, codes, coded, strict=True))
    return Question("q", "Which?", "choice", options=options)


@settings(max_examples=examples(200))
@given(choice_questions(), st.data())
def test_an_options_label_and_code_always_pick_it(question: Question, data: st.DataObject) -> None:
    option = data.draw(st.sampled_from(question.options))
    assert parse_answer(question, option) == option
    assert parse_answer(question, f"  {option.lower()} ") == option
    if (code := option_code(option)) is not None:
        assert parse_answer(question, code) == option
        assert parse_answer(question, code.upper()) == option


@settings(max_examples=examples(200))
@given(choice_questions(), st.lists(word, max_size=3), st.lists(foreign, min_size=1, max_size=2), st.randoms())
def test_text_with_a_word_in_no_option_never_picks_one(question: Question, known: list[str], unknown: list[str],
                                                       order) -> None:
    typed = known + unknown
    order.shuffle(typed)
    with pytest.raises(AnswerError, match="Please pick one of the options"):
        parse_answer(question, " ".join(typed))
