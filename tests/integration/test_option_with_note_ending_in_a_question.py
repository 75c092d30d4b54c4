"""A yes/no answer and its note, the note ending with `?` (trial 17, F1).

At "Has the child been offered an advocate…?" (Voice of the child, question 11) a manager typed `no - not offered,
he's CIN so maybe not entitled?`. It was answered as a question for the knowledge base ("I don't know that yet…"),
the No and its note were not saved, and the line landed on the QA leads' unanswered list. A line that starts with one
of the question's options and goes on with a note is that option with that note, even when it ends with `?`; only a
line that does not start with an option is a question there. The reply to a question nothing answers says once what
happens to it, not "I've noted your question" and then an offer to pass it on."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive

WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
TO_SEEN_GRADE = ["start audit voice of the child", "CR-40211", "1", "no", "yesterday", "yes", "yes", "yes"]
TO_ADVOCATE = [*TO_SEEN_GRADE, "2", "The child is seen alone at every visit, with tools that suit them.",
               "yes", "yes", "yes", "yes"]
TRIAL_LINE = "no - not offered, he's CIN so maybe not entitled?"


def flat(text: str) -> str:
    return " ".join(text.split())


def unanswered(engine: Engine) -> str:
    return flat(drive(engine, ["/audit kb unanswered"], user="U0QALEAD1")[1])


@pytest.mark.parametrize(("typed", "note"), [
    (TRIAL_LINE, "not offered, he's CIN so maybe not entitled?"),
    ("No: not offered, is he entitled as CIN?", "not offered, is he entitled as CIN?"),
    ("no, never offered one as far as I can see?", "never offered one as far as I can see?"),
    ("no not offered yet, maybe not entitled?", "not offered yet, maybe not entitled?"),
])
def test_no_and_a_note_ending_with_a_question_mark_is_the_answer_and_its_note(
        engine: Engine, services: Services, typed: str, note: str) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ADVOCATE, typed])
        listed = unanswered(engine)
    said = flat(out[out.index("Question 11 of 13"):])
    assert "Got it: No, with your note: “" in said and "Question 12 of 13" in said
    assert "I don't know that yet" not in said and "QA leads" not in said
    answer = store.answers_of(services.storage, 1)["advocacy-offered"]
    assert (answer.value, answer.evidence) == ("no", note)
    assert "No unanswered or unhelpful questions" in listed


def test_a_grade_and_a_note_ending_with_a_question_mark_is_the_grade_and_its_note(engine: Engine,
                                                                                 services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_SEEN_GRADE, "good - seen alone each visit, but is that enough for a baby?"])
    assert "Got it: Good, with your note: “" in out and "I don't know that yet" not in out
    answer = store.answers_of(services.storage, 1)["seeing-quality"]
    assert (answer.value, answer.evidence) == ("good", "seen alone each visit, but is that enough for a baby?")


def test_a_line_that_does_not_start_with_an_option_is_still_a_question_with_one_clear_reply(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(WEDNESDAY, tick=False):
        _, out = drive(engine, [*TO_ADVOCATE, "when does the staff choir rehearse?"])
        listed = unanswered(engine)
    said = flat(out[out.index("Question 11 of 13"):])
    assert "advocacy-offered" not in store.answers_of(services.storage, 1)
    assert "Back to audit #1, question 11:" in said
    assert "I've noted your question" not in said
    assert ("I don't know that yet. Your question is on the QA leads' list for the knowledge base, and if they "
            "answer it I'll send you their answer. To ask them now, press Pass it to the QA leads") in said
    assert said.count("Pass it to the QA leads") == 2  # said once, and the button
    assert "when does the staff choir rehearse?" in listed
