"""Trial 41: "the child is 7 and keeps wetting the bed, is that a sign of abuse" was answered outright with the
domestic-abuse entry: the search read only "sign of abuse" and the knowledge base had no entry on signs of abuse
or neglect. It now has one, and bedwetting questions get it."""

from __future__ import annotations

import pytest
import time_machine

from bot.engine.routing import Engine
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
SIGNS = "What are the signs that a child may be being abused or neglected?"


@pytest.mark.parametrize("question", ["the child is 7 and keeps wetting the bed, is that a sign of abuse",
                                      "is bedwetting a sign of abuse", "what are the signs of neglect"])
def test_a_question_on_signs_of_harm_gets_the_signs_entry_not_domestic_abuse(engine: Engine, question: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, question)
    answers = [reply for reply in replies if reply.title]
    assert answers[0].title == SIGNS
    assert "Bedwetting" in answers[0].text and "health check" in answers[0].text
    assert all(reply.title != "How should we respond when there is domestic abuse in the family?" for reply in replies)
