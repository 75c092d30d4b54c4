"""Trial 60, F28: with a draft waiting at a yes/no question, practice questions typed without a "?" (`…, do i need to
do anything`, `…, what should i do`) were kept as evidence notes on the audit, another child's case, and never
answered. A line read surely as a question is answered aside, the audit waiting, and said not to be kept; one that
only may be a question is asked about ("answer it, or keep it as a note on question 1?"), `ask` answering it; an
evidence note that merely holds a question's word stays the note."""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS
from tests.integration.test_question_without_mark_mid_audit import EVIDENCE_AT, QUESTION_AT, say, texts

NUDES = "a 14 year old sent a nude photo to her boyfriend and its been shared round the school, what should i do"
NUDES_ENTRY = "What should we do when children share nudes or semi-nudes"  # trial 60 F23's own entry (fix74d)
MAYBE = "a 14 year old sent a nude photo to her boyfriend and its been shared round the school, is this online abuse"


def _kept_note(engine: Engine, services: Services, lines: list[str]) -> tuple[str, str | None]:
    """What the audit's first question was answered with after `lines` typed at it, and the chat's text."""
    with time_machine.travel(DRAFTED, tick=False):
        shown = texts(say(engine, [*TO_ACTIONS[:QUESTION_AT], *lines]))
    answer = store.answers_of(services.storage, 1).get(next(iter(store.answers_of(services.storage, 1)), ""))
    return shown, None if answer is None else answer.evidence


def test_a_question_without_its_mark_at_a_yes_no_question_is_answered_and_not_kept(engine: Engine,
                                                                                     services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        replies = say(engine, [*TO_ACTIONS[:QUESTION_AT], NUDES])
        shown = texts(replies)
        assert NUDES_ENTRY in shown and "I've kept your note" not in shown
        assert "I read that as a question for me, so it is not kept as a note on question 1." in shown
        assert replies[-1].text.startswith("Back to audit #1, question 1:")
        assert store.answers_of(services.storage, 1) == {}
        answered = texts(say(engine, ["no"]))
    assert "Got it: **No**." in answered and "with your note" not in answered
    assert all(answer.evidence is None for answer in store.answers_of(services.storage, 1).values())


def test_a_line_that_may_be_a_question_is_asked_about_and_ask_answers_it(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        asked = texts(say(engine, [*TO_ACTIONS[:QUESTION_AT], MAYBE]))
        assert "That looks like a question: answer it, or keep it as a note on question 1? Type `ask`" in asked
        assert NUDES_ENTRY not in asked and "Did you mean" not in asked
        replies = say(engine, ["ask"])
        shown = texts(replies)
        assert "Answering it as a question: it is not kept as a note on question 1." in shown
        # Online abuse or sharing nudes: both entries fit, so the bot asks which (fix74d)
        assert "Did you mean" in shown and replies[-1].text.startswith("Back to audit #1, question 1:")
        answered = texts(say(engine, ["no"]))
    assert "Got it: **No**." in answered and "with your note" not in answered


def test_a_line_that_may_be_a_question_goes_with_the_answer_when_kept(engine: Engine, services: Services) -> None:
    shown, evidence = _kept_note(engine, services, [MAYBE, "no"])
    assert "with your note: “a 14 year old sent a nude photo" in shown
    assert evidence == MAYBE


@pytest.mark.parametrize("note", ["explored how dad supports the children at weekends and on the school runs",
                                  "seen at home with his sister, who is 4, and both were settled and well"])
def test_an_evidence_note_holding_a_questions_word_stays_a_note(engine: Engine, services: Services,
                                                                note: str) -> None:
    shown, evidence = _kept_note(engine, services, [note, "no"])
    assert "looks like a question" not in shown and "I read that as a question" not in shown
    assert evidence == note


def test_a_question_without_its_mark_at_an_evidence_note_is_not_saved(engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        shown = texts(say(engine, [*TO_ACTIONS[:EVIDENCE_AT], NUDES]))
    assert NUDES_ENTRY in shown and "it is not saved as your evidence note" in shown
    assert all(answer.evidence is None or "nude" not in answer.evidence
               for answer in store.answers_of(services.storage, 1).values())
