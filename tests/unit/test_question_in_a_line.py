"""Trial 60, F28: practice questions typed without a "?" at a yes/no question were kept as evidence notes on another
child's audit. bot.audits.question_opening.asked_in_line reads how surely a line is a question for the bot: SURE for a
question in the person's own voice anywhere in the line, MAYBE for one reported or only shaped as a question at the
end, None for a note, even one holding a question's word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.question_opening import Asked, asked_in_line

SCENES = ["a child is staying with a family friend for a few months while mum is in rehab",
          "a 14 year old sent a nude photo to her boyfriend and its been shared round the school",
          "school are worried about attendance and mum is not answering the door",
          "dad has moved back in and there was a DV call out last week"]
ASKS = ["do i need to do anything", "what should i do", "what do i do", "who do i tell", "should i refer",
        "do we need a strategy discussion", "what do i need to do now", "can you tell me the timescale",
        "how do i record that"]
NOTES = ["explored how dad supports the children at weekends and on school runs",
         "seen with his sister, who is 4, and both were settled",
         "GCP2 not used but the chronology and partner views give a clear picture of the neglect",
         "plan reviewed at core group, when is the next review is unclear",
         "mum said she would ring the school and so did we",
         "as i would expect the plan was reviewed at every core group",
         "the worker and i agreed the plan should be shared with school",
         "no gas on the meter, the food bank parcel ran out on Thursday"]


@given(st.sampled_from(SCENES), st.sampled_from([", ", " ", " - ", ". "]), st.sampled_from(ASKS),
       st.sampled_from(["", ".", " please", " now"]))
def test_a_scene_then_a_question_in_the_persons_own_voice_is_surely_a_question(scene: str, join: str, ask: str,
                                                                                tail: str) -> None:
    typed = f"{scene}{join}{ask}{tail}"
    assert asked_in_line(typed) is Asked.SURE, typed


@given(st.sampled_from(NOTES), st.sampled_from(["", " and recorded", ", seen alone at school"]))
def test_an_evidence_note_holding_a_questions_word_is_no_question(note: str, more: str) -> None:
    assert asked_in_line(f"{note}{more}") is None


@pytest.mark.parametrize("typed", [
    "the child asked can i go home to mum when she was seen alone at school",  # her words, reported
    "mum told the worker “can we have more help at weekends”",
    "a child is staying with a family friend for a few months, is this private fostering",
    "core group held on time, when is the next one",
])
def test_a_reported_or_only_shaped_question_is_asked_about(typed: str) -> None:
    assert asked_in_line(typed) is Asked.MAYBE


def test_a_long_paragraph_holding_a_question_is_asked_about_not_taken() -> None:
    paragraph = " ".join(["home visit completed and the child was seen alone in her room"] * 4) + ", should we refer"
    assert asked_in_line(paragraph) is Asked.MAYBE


@given(st.text(max_size=200))
def test_any_line_is_read_without_error(typed: str) -> None:
    assert asked_in_line(typed) in (Asked.SURE, Asked.MAYBE, None)
