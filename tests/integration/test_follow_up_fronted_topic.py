"""A question that names its topic first and then asks "is it required" is about that topic, not the answer before
(trial 64 F6: "famliy group conferance before PLO is it required", straight after the family network meeting answer,
was "read with your last question" and offered the Public Law Outline, though an entry answers it)."""

from __future__ import annotations

import pytest
import time_machine

from bot.asking.follow_up import points_back
from bot.engine.routing import Engine
from tests.integration.test_follow_up import settings, stored  # noqa: F401 - the same knowledge base and rows
from tests.support.kb_helpers import all_text, button_values
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"


@pytest.mark.parametrize("question", ["famliy group conferance before PLO is it required",
                                      "fgc before pre-proceedings, is it needed?",
                                      "family time in section 20 do they have to go"])
def test_a_topic_named_first_then_is_it_required_points_at_that_topic(question: str) -> None:
    assert not points_back(question)


@pytest.mark.parametrize("question", ["why is it required", "how long is it", "section 20 is it the same",
                                      "and is it required", "the icpc is it 15 days then"])
def test_a_question_still_pointing_back_is_still_a_follow_up(question: str) -> None:
    assert points_back(question)


@pytest.mark.parametrize("question", ["famliy group conferance before PLO is it required",
                                      "family group conference before plo, is it a must?"])
def test_trial_64s_fgc_question_after_the_family_network_meeting_answer_is_searched_on_its_own(
        engine: Engine, question: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        first = engine.message(PRACTITIONER, "what is a family network meeting")
        replies = engine.message(PRACTITIONER, question)
    assert "family network meeting" in all_text(first).casefold()
    assert "Reading that with your last question" not in all_text(replies)
    shown = [value.split(":")[0] for value in button_values(replies, "kb.show")]
    answered = "Do we have to offer family group decision-making before care proceedings?" in all_text(replies)
    assert answered or shown[:1] == ["fgdm-before-proceedings"]
