"""Trial 41: live situations told without a harm word get the steer to a manager or the duty team first, with the
entry nearest to the situation offered, whatever else the search finds; never "I don't know that yet" alone."""

from __future__ import annotations

import pytest
import time_machine

from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
STEER = "talk to your manager or the duty team straight away"


@pytest.mark.parametrize(("question", "nearest"), [
    ("teen said he wants to kill himself", "What should I do when a child is self-harming or talks about suicide?"),
    ("found the baby home alone on my visit", "At what age can a child be left at home alone?"),
    ("mum was too drunk to look after the kids when i visited",
     "How do we assess the impact of parental drug or alcohol use?"),
    ("dad turned up drunk at contact, do i need to tell someone",
     "How do we assess the impact of parental drug or alcohol use?"),
    ("theres no food in the house and the kids are filthy",
     "How should neglect be assessed, including the graded care profile?")])
def test_a_live_situation_gets_the_steer_first_and_the_nearest_entry(engine: Engine, question: str,
                                                                       nearest: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        first, *rest = engine.message(PRACTITIONER, question)
    assert STEER in first.text and "999" in first.text
    offered = [choice.label for choice in first.choices] + [reply.title for reply in rest] + [
        choice.label for reply in rest for choice in reply.choices]
    assert nearest in offered
    assert "What do I do right now if a child discloses harm or is in immediate danger?" in offered
    assert len(offered) == len(set(offered))


def test_a_near_miss_on_the_same_topic_gets_no_steer(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        for question in ("we discussed self-harm in training", "policy on parental alcohol use",
                         "how do i record a home alone concern from last year"):
            assert "duty team" not in all_text(engine.message(PRACTITIONER, question))
