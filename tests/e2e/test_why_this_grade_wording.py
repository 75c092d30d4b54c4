""""Why this grade?" says what was graded in words that read, not the question pasted after "You graded".

Found by trial 13 (Tue 8 Dec 2026): after `requires improvment` at question 6 of Voice of the child the bot said "You
graded How would you grade how well the child is seen and heard? as Requires improvement to be good."
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine

from bot.audits.step_screens import graded_what
from bot.core.knowledge import KnowledgeService
from bot.engine.routing import Engine
from tests.e2e.test_terminal_chat import drive

TUESDAY = datetime(2026, 12, 8, 9, 50, tzinfo=ZoneInfo("Europe/London"))
TO_QUESTION_6 = ["start audit voice of the child", "CR-482913", "1", "no", "1/12/2026", "yes", "yes", "yes"]


def test_why_this_grade_names_what_was_graded_in_plain_words(engine: Engine) -> None:
    with time_machine.travel(TUESDAY, tick=False):
        _, out = drive(engine, [*TO_QUESTION_6, "requires improvment"])
    said = " ".join(out.split())
    assert ("Why this grade? You graded how well the child is seen and heard as Requires improvement to be good. "
            "In a sentence or two") in said
    assert "You graded How would you grade" not in said


def test_a_grade_question_worded_otherwise_is_named_by_its_number(shipped_knowledge: KnowledgeService) -> None:
    checklist = shipped_knowledge.current.kb.checklists["voice-of-the-child"]
    question = replace(checklist.question("seeing-quality"), text="Overall, is the child seen and heard?")
    assert graded_what(checklist, question, "Good") == "You gave question 6 **Good**"
