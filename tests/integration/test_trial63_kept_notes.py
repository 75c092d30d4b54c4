"""Trial 63 (F9): at a follow-up yes/no question (Q2a) a six-word note got "Please answer yes, no or not applicable"
and was lost, while a ten-word note at another question was kept and went with the next answer, though it was meant
for the question before. A sentence typed at any yes/no, scale or choice step is now kept the same way, the reply
names the question it will go with, and `drop note` drops it."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial28_manager import TO_Q3, _answers, _chat

WHEN = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
TO_Q2A = ["start audit neglect", "CR-555124", "U0PRAS001", "no", "yes"]  # gcp2 used: its follow-up, Q2a, is asked


def neglect(engine: Engine, lines: list[str]) -> str:
    with time_machine.travel(WHEN, tick=False):
        return " ".join(drive(engine, [*TO_Q2A, *lines], user="U0MGRS001")[1].split())


def test_a_short_note_at_a_follow_up_is_kept_for_it_and_goes_with_its_answer(engine: Engine,
                                                                            services: Services) -> None:
    out = neglect(engine, ["repeated at review, scores the same", "yes"])
    assert "I've kept your note for Q2a: type yes, no or n/a (or press a button) and it goes with the answer; or " \
           "type drop note if it is not for this question." in out
    assert "Please answer" not in out
    assert store.answers_of(services.storage, 1)["gcp2-repeated"].evidence == "repeated at review, scores the same"


def test_drop_note_drops_the_kept_note_and_the_next_answer_has_none(engine: Engine, services: Services) -> None:
    out = neglect(engine, ["chronology updated in november, shows 4 years", "drop the note", "yes"])
    assert "Dropped your note “chronology updated in november, shows 4 years”: Q2a has no note kept now." in out
    answer = store.answers_of(services.storage, 1)["gcp2-repeated"]
    assert (answer.value, answer.evidence) == ("yes", None)
    assert "No note is kept for Q3, so there is nothing to drop." in neglect(engine, ["yes", "drop note"])


def test_a_note_at_a_grade_is_kept_for_the_grade_typed_next(engine: Engine, services: Services) -> None:
    out = _chat(engine, [*TO_Q3, "no", "yes", "yes", "plan has clear timescales and owners", "good"])
    assert "Which grade is that? I've kept your note for Q6: type the grade (or press a button)" in out
    assert _answers(services)["plan-quality"] == ("good", "plan has clear timescales and owners")
