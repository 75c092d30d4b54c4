"""Trial 32: `yes same day` and `na shes 14` were "too short (at least 3 words)" though the two words say when or how
old, and `S1` at "Whose case is it?" was "I don't know that person" where `sw s1` was read. Two words that hold a
number or a word of time are a note; a name's own short code names its person, as its role's shorthand does."""

from __future__ import annotations

import pytest
import time_machine

from bot.audits.hedged_answers import note_long_enough
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_answer_should_be_at_review import AT_REVIEW, SEEN_ALONE
from tests.e2e.test_terminal_chat import drive
from tests.e2e.test_trial26_answers import MONDAY

AT_WORKER = ["start audit child protection plan", "CR-448812"]


def _flat(out: str) -> str:
    return " ".join(out.split())


def test_yes_same_day_is_yes_with_its_note(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_WORKER, "Social worker N1", "no", "yes same day"])
    assert "too short" not in out
    assert "Got it: Yes, with your note: “same day”" in _flat(out)
    assert [(a.value, a.evidence) for a in store.answers_of(services.storage, 1).values()][-1] == ("yes", "same day")


def test_na_shes_14_is_not_applicable_with_its_note(engine: Engine, services: Services) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_REVIEW, "change 13 to na shes 14"])
    assert "too short" not in out
    answer = store.answers_of(services.storage, 1)[SEEN_ALONE]
    assert (answer.value, answer.evidence) == ("na", "shes 14")


@pytest.mark.parametrize(("note", "enough"), [("same day", True), ("shes 14", True), ("within timescales", True),
                                              ("clear outcomes", False), ("nothing urgent", False), ("drift", False),
                                              ("seen at school today", True)])
def test_two_words_are_enough_when_they_say_when_or_how_old(note: str, enough: bool) -> None:
    assert note_long_enough(note) is enough


@pytest.mark.parametrize("typed", ["N1", "n1", "N1."])
def test_a_workers_short_code_names_them(engine: Engine, services: Services, typed: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        _, out = drive(engine, [*AT_WORKER, typed])
    assert "I don't know that person" not in out
    assert "Got it: Social worker N1's case." in _flat(out)
    assert store.get_audit(services.storage, 1).worker_id == "U0PRAN001"
