"""Trial 26, MEDIUM 4: what the question on screen means, asked mid-audit in words, shows its *What good looks like*.

At a new audit's first question `what does this q mean?` was read as a follow-up to a knowledge-base question asked
earlier ("Reading that with your last question (When are child protection review conferences due?)"), `what does
that mean` got "Sorry, I didn't follow that", and `what does this mean - does it have to be education too? …` got "I
don't know that yet". Only `what am i looking for here` showed the question's guidance. The guidance shown for each
wording is tested with the others in tests/integration/test_asides_mid_audit.py.
"""

from __future__ import annotations

import pytest
import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS
from tests.integration.test_asides_mid_audit import QUESTION_AT, say, texts


def test_what_this_means_is_the_audits_question_not_a_follow_up_to_an_earlier_knowledge_question(
        engine: Engine, services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        say(engine, ["when are rcpcs due?"])
        replies = say(engine, [*TO_ACTIONS[:QUESTION_AT], "what does this q mean?"])
    assert replies[0].title == "What good looks like"
    assert "Reading that with your last question" not in texts(replies)


@pytest.mark.parametrize("asked", ["what does s47 mean?", "what does that mean for the child?"])
def test_what_a_term_means_is_still_asked_of_the_knowledge_base(engine: Engine, services: Services,
                                                                 asked: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        replies = say(engine, [*TO_ACTIONS[:QUESTION_AT], asked])
    assert not replies or replies[0].title != "What good looks like"
    assert [row["query"] for row in services.storage.db.query("SELECT query FROM kb_asks")] == [asked]
