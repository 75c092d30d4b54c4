"""Trial 26, MEDIUM 4: what the question on screen means, asked mid-audit in words, shows its *What good looks like*.

At a new audit's first question `what does this q mean?` was read as a follow-up to a knowledge-base question asked
earlier ("Reading that with your last question (When are child protection review conferences due?)"), `what does
that mean` got "Sorry, I didn't follow that", and `what does this mean - does it have to be education too? …` got "I
don't know that yet". Only `what am i looking for here` showed the question's guidance.
"""

from __future__ import annotations

import pytest
import time_machine

from bot.audits.core import load
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.integration.test_action_removal import DRAFTED, TO_ACTIONS
from tests.integration.test_asides_mid_audit import AUDITOR, EVIDENCE_AT, QUESTION_AT, say, step, texts

ASKED = ["what does this q mean?", "what does that mean", "What does this question mean?",
         "what does this mean - does it have to be education too? or just police", "whats this question asking?",
         "so what does it mean here?"]


@pytest.mark.parametrize("at", [QUESTION_AT, EVIDENCE_AT])
@pytest.mark.parametrize("typed", ASKED)
def test_what_the_question_means_asked_in_words_shows_its_guidance_and_stores_nothing(
        engine: Engine, services: Services, at: int, typed: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        say(engine, TO_ACTIONS[:at])
        before, answers = step(services), store.answers_of(services.storage, 1)
        pressed = engine.action(AUDITOR, "audit.guidance", load(services, 1).value())
        replies = say(engine, [typed])
    assert texts(replies) == texts(pressed)
    assert replies[0].title == "What good looks like" and "Back to audit #1, question" in texts(replies)
    assert (step(services), store.answers_of(services.storage, 1)) == (before, answers)
    assert services.storage.db["kb_asks"].count == 0


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
