"""fix81d (fix80c's follow-up sweep): after "I couldn't read that as a question… > Type your question", a number
typed next was told "There's no question waiting for a "1" from you just now", against the prompt just shown. A
number typed when nothing waits for one now says it is no question to look up and no options wait for it."""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_moderated_inadequate_action import flat

WORKER = "U0PRAN001"
SAID = "on its own isn't a question I can look up, and no options are waiting for a number from you just now."


@pytest.mark.parametrize(("first", "number"), [("asdfghjkl", "1"), ("asdfghjkl", "12"), ("/audit ask", "2")])
def test_a_number_after_type_your_question_is_not_told_no_question_waits(engine: Engine, first: str,
                                                                        number: str) -> None:
    _, out = drive(engine, [first, number], user=WORKER)
    said = flat(out)
    assert "Type your question" in said
    assert f"“{number}” {SAID}" in said and "no question waiting" not in said
    assert "ask me a practice question in words" in said


def test_a_number_in_slack_is_said_so_too(engine: Engine, services: Services) -> None:
    engine.message(WORKER, "asdfghjkl")
    [reply] = engine.message(WORKER, "3")
    assert reply.text.startswith(f"“3” {SAID}")


def test_a_yes_with_no_question_waiting_is_still_said_so(engine: Engine) -> None:
    [reply] = engine.message(WORKER, "yes")
    assert reply.text.startswith("There's no question waiting for a \"yes\" from you just now.")
