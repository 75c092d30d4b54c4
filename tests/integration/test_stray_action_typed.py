"""Trial 53, finding 14: a QA lead, just after saving a moderation, typed `book a home visit to see the child alone -
sw s1 by 11/12`, got "Did you mean… interpreter / left home alone / seen alone", and the line went onto the QA
leads' unanswered list. An action typed with its owner or due date when none is being added is now told so, with how
an action is added, and is never a question; a question with a date still goes to the knowledge base."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits import stray_action
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_moderation_reason_grade import asked_the_knowledge_base
from tests.integration.test_more_time_trial41 import MONDAY
from tests.support.text import flat

QA = "U0QALEAD1"


def _say(engine: Engine, text: str) -> str:
    with time_machine.travel(MONDAY, tick=False):  # pinned: a working Monday
        return " ".join(flat(reply.text, "`*_") for reply in engine.message(QA, text, surface="terminal"))


@pytest.mark.parametrize("typed", ["book a home visit to see the child alone - sw s1 by 11/12",
                                   "update the chronology by next fri",
                                   "arrange a strategy meeting, owner the worker",
                                   "make a referral to CAMHS - me by 18/12"])
def test_an_action_typed_when_none_is_being_added_is_told_so_and_not_a_question(engine: Engine, services: Services,
                                                                              typed: str) -> None:
    out = _say(engine, typed)
    assert out.startswith("No action is being added now") and "/audit edit N" in out and "Did you mean" not in out
    assert asked_the_knowledge_base(services) == 0


@pytest.mark.parametrize("asked", ["when is the ICPC due by 11/12?", "book interpreter for a home visit",
                                   "review timescales for an ICPC"])
def test_a_question_with_a_date_still_goes_to_the_knowledge_base(engine: Engine, services: Services,
                                                                 asked: str) -> None:
    out = _say(engine, asked)
    assert "No action is being added" not in out and asked_the_knowledge_base(services) == 1


QUESTION_STARTS = st.sampled_from(["when is", "what is", "how do i", "who", "can i", "should we", "is the",
                                   "do we", "where do i", "why is"])


@given(start=QUESTION_STARTS, words=st.text(st.characters(codec="ascii", categories=("L", "Zs")), max_size=40),
       tail=st.sampled_from(["- sw s1 by 11/12", "by next fri", "due 18/12", ", owner the worker"]))
def test_a_line_starting_as_a_question_is_never_an_action(start: str, words: str, tail: str) -> None:
    assert stray_action.typed(f"{start} {words} {tail}") is None
