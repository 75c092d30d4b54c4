"""`no cant see it recorded` at a yes/no question is No with the note "cant see it recorded", as `no, cant see it
recorded` is (trial 29 kept "no cant see it recorded" as the note). A "no" run into a noun stays in the note (`no
consent form on file`, trial 17), since without it the note says the opposite."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.questions import answer_with_note
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from knowledge.checklist_schema import Question
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_choice_typed import TO_CONSENT

VERBS = ("cant", "can't", "can’t", "cannot", "couldnt", "dont", "didnt", "wasnt", "isnt", "havent", "unable")


@pytest.mark.parametrize("typed", ["no cant see it recorded", "no, cant see it recorded", "no - cant see it recorded",
                                   "No can't see it recorded"])
def test_no_before_a_verb_is_the_answer_and_the_note_is_the_words_after(engine: Engine, services: Services,
                                                                       typed: str) -> None:
    with time_machine.travel(datetime(2026, 12, 5, 10, 0, tzinfo=UTC), tick=False):
        _, out = drive(engine, [*TO_CONSENT, typed])
    assert "Got it: No, with your note: “" in out
    consent = store.answers_of(services.storage, 1)["consent"]
    assert consent.value == "no" and consent.evidence is not None
    assert consent.evidence.lower().replace("’", "'") in ("cant see it recorded", "can't see it recorded")


@given(st.sampled_from(["no", "No", "NO"]), st.sampled_from(VERBS),
       st.lists(st.sampled_from(["see", "it", "find", "recorded", "on", "file", "the", "plan"]), min_size=2,
                max_size=8).map(" ".join))
def test_a_no_before_a_verb_or_negation_never_stays_in_the_note(answer: str, verb: str, words: str) -> None:
    question = Question("consent", "Is consent recorded?", "yes_no")
    assert answer_with_note(question, f"{answer} {verb} {words}") == ("no", f"{verb} {words}")
