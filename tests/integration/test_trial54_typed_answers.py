"""Trial 54 (a manager on a phone): typed answers inside an audit, through the terminal chat.

- F7: a paragraph of evidence pasted at a yes/no question, with no yes or no in it, was refused ("Please answer yes
  or no") and thrown away; it is now kept for the yes or no typed next.
- F14: `👍` / `👎` at a yes/no question were refused; `good-ish` at a grade got the bare list of grades.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.pasted_note import pasted_note
from bot.audits.yes_no_words import thumb
from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.checklist_schema import Question
from tests.e2e.test_trial28_manager import TO_Q3, _answers, _chat

PASTED = ("Home visit on 2 Dec: mum said the food bank parcel ran out on Thursday and there was no gas on the meter. "
          "Child seen alone in her bedroom, said she was hungry at school and that her brother gets her breakfast. "
          "School confirm attendance at 84 percent and free school meals in place. Worker made a referral to the "
          "family hub and booked a follow-up visit within the week.")
KEPT = ("Is that a yes or a no? I've kept your note for Q3: type yes or no (or press a button) and it goes with the "
        "answer; or type drop note if it is not for this question.")


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_a_pasted_paragraph_is_kept_and_goes_with_the_yes_or_no_typed_next(engine: Engine, services: Services,
                                                                           answer: str) -> None:
    out = _chat(engine, [*TO_Q3, PASTED, answer])
    assert KEPT in out and "Please answer yes or no" not in out
    label = answer.capitalize()
    assert f"Got it: {label}, with your note: “Home visit on 2 Dec: mum said the food bank parcel" in out
    assert _answers(services)["need-explained"] == (answer, PASTED)


def test_a_short_non_answer_keeps_its_reply_and_keeps_nothing(engine: Engine, services: Services) -> None:
    out = _chat(engine, [*TO_Q3, "maybe", "idk", "yes"])
    assert "Please answer yes or no (or press one of the buttons)." in out
    assert "“idk” isn't an answer I can store" in out and "I've kept your note" not in out
    assert _answers(services)["need-explained"] == ("yes", None)


def test_a_pasted_paragraph_naming_someone_is_refused_first_and_never_kept(engine: Engine,
                                                                            services: Services) -> None:
    named = "Home visit on 2 Dec: Grace Whitfield said the food bank parcel ran out and there was no gas."
    out = _chat(engine, [*TO_Q3, named, "no"])
    assert "I can't store that evidence note" in out and "I've kept your note" not in out
    assert _answers(services)["need-explained"] == ("no", None)


YES_NO = Question(id="q", text="Was the child seen alone?", type="yes_no")
WORD = st.sampled_from(["home", "visit", "child", "seen", "alone", "school", "food", "bank", "parcel", "mum",
                        "referral", "family", "hub", "breakfast", "hungry", "on", "3", "Dec", "and", "the", "said"])


@given(words=st.lists(WORD, min_size=8, max_size=90), end=st.sampled_from(["", ".", "!", " "]))
def test_any_paragraph_of_evidence_at_a_yes_no_question_is_kept_whole(words: list[str], end: str) -> None:
    typed = " ".join(words) + end
    assert pasted_note(YES_NO, typed) == " ".join(typed.split())


@given(words=st.lists(WORD, min_size=0, max_size=3))  # four words are a note (trial 63 F9)
def test_a_few_words_are_never_kept_as_a_pasted_note(words: list[str]) -> None:
    assert pasted_note(YES_NO, " ".join(words)) is None
    assert pasted_note(Question(id="t", text="What was done?", type="text"), " ".join(words * 3)) is None


TO_GRADE = [*TO_Q3, "no", "yes", "yes"]  # question 6 grades the assessment and plan


@pytest.mark.parametrize(("typed", "value", "said"), [("👍", "yes", "Got it: Yes (I read 👍 as Yes)."),
                                                      ("👎", "no", "Got it: No (I read 👎 as No)."),
                                                      (":+1:", "yes", "Got it: Yes (I read :+1: as Yes)."),
                                                      ("👍🏽", "yes", "Got it: Yes (I read 👍🏽 as Yes).")])
def test_a_thumb_at_a_yes_no_question_is_its_answer_said_back(engine: Engine, services: Services, typed: str,
                                                               value: str, said: str) -> None:
    out = _chat(engine, [*TO_Q3, typed])
    assert said in out and "Please answer yes or no" not in out
    assert _answers(services)["need-explained"] == (value, None)


@given(up=st.booleans(), tone=st.sampled_from(["", "🏻", "🏿", ":skin-tone-2:", "\ufe0f"]),
       space=st.sampled_from(["", " ", "\n"]))
def test_a_thumb_alone_is_read_and_a_thumb_with_words_is_not(up: bool, tone: str, space: str) -> None:
    sign = ("👍" if up else "👎") if tone != ":skin-tone-2:" else (":+1:" if up else ":-1:")
    assert thumb(f"{space}{sign}{tone}{space}") == ("yes" if up else "no")
    assert thumb(f"{sign}{tone} not seen alone") is None


@pytest.mark.parametrize("typed", ["good-ish", "goodish", "prob good"])
def test_a_grade_with_words_around_it_is_asked_about_and_yes_takes_it(engine: Engine, services: Services,
                                                                      typed: str) -> None:
    out = _chat(engine, [*TO_GRADE, typed, "yes"])
    assert f"I haven't stored a grade for “{typed}”. Did you mean Good? Type yes to take it" in out
    assert "Please give a grade" not in out
    assert _answers(services)["plan-quality"][0] == "good"


def test_no_to_the_grade_asked_about_stores_nothing_and_a_typo_is_still_read(engine: Engine,
                                                                             services: Services) -> None:
    out = _chat(engine, [*TO_GRADE, "good-ish", "no", "requires improvment"])
    assert "Did you mean Good?" in out and "Why this grade?" in out
    assert _answers(services)["plan-quality"][0] == "requires_improvement"


SECOND = "The child was seen alone at school on 3 Dec and said she was hungry"


def test_a_second_pasted_line_is_added_to_the_kept_note_not_put_in_its_place(engine: Engine,
                                                                             services: Services) -> None:
    """Trial 56, F1: the paragraph was replaced by the next line without a word."""
    out = _chat(engine, [*TO_Q3, PASTED, SECOND, "yes"])
    assert "Is that a yes or a no? Your earlier note “Home visit on 2 Dec: mum said the food bank" in out
    assert "is kept for Q3; I've added this one after it: type yes or no" in out  # trial 59, F2: earlier note quoted
    assert _answers(services)["need-explained"] == ("yes", f"{PASTED} {SECOND}")


def test_a_yes_with_its_own_note_after_a_pasted_paragraph_keeps_both(engine: Engine, services: Services) -> None:
    out = _chat(engine, [*TO_Q3, PASTED, "yes, worker booked a follow-up visit"])
    assert "Got it: Yes, with your note: “Home visit on 2 Dec" in out
    assert _answers(services)["need-explained"] == ("yes", f"{PASTED} worker booked a follow-up visit")
