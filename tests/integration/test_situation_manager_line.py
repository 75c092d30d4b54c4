"""Trial 49 finding 10: a long, non-urgent situation asking what to do ("mum keeps cancelling home visits …, what do i
do") is told to take the decision on the case to a manager or supervision; definitions, timescales, acronyms and
urgent situations (which lead with their own steer) are not."""

from __future__ import annotations

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.asking.urgent_steer import SITUATION_LINE, situation_asked
from bot.engine.routing import Engine
from tests.support.kb_helpers import all_text
from tests.support.moved_clock import CONTENT_DAY

PRACTITIONER = "U0PRAN001"
TRIAL_49 = ("mum keeps cancelling home visits and says kids are at nans, dad not engaging, school says attendance 60%, "
            "what do i do")


@pytest.mark.parametrize("question", [
    TRIAL_49,
    "dad keeps missing the core group and the plan has not moved in six months, what should i do",
    "the foster carer says the 14 year old is staying out late most weekends and lying about where, what do we do",
    "grandparents want to take the children but mum is refusing and the school is worried, what shall i do?"])
def test_a_situation_asking_what_to_do_gets_the_manager_line(engine: Engine, question: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        replies = engine.message(PRACTITIONER, question)
    assert replies[-1].text == SITUATION_LINE
    assert all_text(replies).count("talk it through with your manager") == 1


@pytest.mark.parametrize("question", [
    "what is disguised compliance", "how long do i have to complete a single assessment", "what does PLO stand for",
    "what do i do", "what do i do about a pep", "how often should a child in care be visited"])
def test_a_definition_timescale_or_acronym_gets_no_manager_line(engine: Engine, question: str) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        assert SITUATION_LINE not in all_text(engine.message(PRACTITIONER, question))


def test_an_urgent_situation_keeps_its_own_steer_only(engine: Engine) -> None:
    with time_machine.travel(CONTENT_DAY, tick=False):
        text = all_text(engine.message(PRACTITIONER, "teen said he wants to kill himself tonight and mum is out, "
                                                     "what do i do"))
    assert "talk to your manager or the duty team straight away" in text
    assert SITUATION_LINE not in text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.?'", max_size=80))
def test_no_story_means_no_situation(said: str) -> None:
    """Fewer than eight words before the ask never read as a situation, whatever they are."""
    story = " ".join(said.split()[:7])
    assert not situation_asked(f"{story} what do i do")
    assert not situation_asked(said) or len(said.split()) >= 10
