"""A number on its own where an audit wants words (user trial 10, F12): at the voice checklist's optional text question
("If the child read this record when older…", options #1 What good looks like, #2 Back, #3 Skip) a manager typed `2`,
and "2" was the answer the review, the submitted audit and the worker's DM showed. Now, as at the actions step, a bare
number at a step that wants words picks that option in the terminal (said back) and is refused where options carry
no numbers (Slack): a text question, an evidence note, a grade's reason, the strengths and the areas for development.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.flow import AnswerError, parse_words
from bot.core.services import Services
from bot.engine.routing import Engine
from bot.storage import audits as store
from tests.e2e.test_terminal_chat import drive
from tests.integration.test_action_removal import TO_ACTIONS
from tests.support.text import flat

DRAFTED = datetime(2026, 12, 3, 9, 50, tzinfo=UTC)
AUDITOR, WORKER = "U0MGRN001", "U0PRAN001"
READING = "child-reading-record"  # "If the child read this record when older, what might they think of it?"
# The voice of the child checklist typed through to that question (12 of 13).
TO_READING = ["start audit voice-of-the-child", "CR-123456", WORKER, "no", "1/11/2026", "yes", "yes", "yes", "good",
              "The child was seen alone on every visit this term.", "yes", "yes", "yes", "yes", "yes"]
TO_EVIDENCE = TO_ACTIONS[:10]  # the early help spot check, graded Good at its first graded question
TO_REASON = [*TO_ACTIONS[:-3], "outstanding"]  # "Why a different grade?"
TO_STRENGTHS = TO_ACTIONS[:-2]


def audit(services: Services) -> store.AuditRow:
    return store.get_audit(services.storage, 1)


def test_a_bare_number_at_an_optional_text_question_picks_its_option_in_the_terminal(engine: Engine,
                                                                                     services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*TO_READING, "2"], user=AUDITOR)
    asked = out.split("If the child read this record when older")[-1]
    assert "  1) What good looks like" in asked and "  2) Back" in asked and "  3) Skip" in asked  # no `#`
    assert "→ You picked 2: Back" in asked
    assert READING not in store.answers_of(services.storage, 1)
    assert audit(services).step == "question:advocacy-offered"  # question 11 again


def test_a_bare_number_at_a_text_question_in_slack_is_refused_and_nothing_is_stored(engine: Engine,
                                                                                   services: Services) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, TO_READING, user=AUDITOR)
        refused, again = engine.message(AUDITOR, "2")  # in Slack the buttons carry no numbers
        assert again.text.startswith("Still at Q")  # the question shown again, with its buttons (trial 59 F2)
        assert refused.kind == "error" and flat(refused.text, "`") == (
            "A number on its own can't be your answer, so nothing was saved. Type your answer in words, or skip (or "
            "press Skip) to leave it out: it is optional.")
        assert READING not in store.answers_of(services.storage, 1)
        engine.message(AUDITOR, "They would see that their wishes were heard.")
    assert store.answers_of(services.storage, 1)[READING].value == "They would see that their wishes were heard."


@pytest.mark.parametrize(("lines", "typed", "picked", "step"), [
    (TO_EVIDENCE, "1", "Back", "question:practice-quality"),  # was "Please say in a sentence why you gave this grade"
    (TO_REASON, "1", "Back", "overall_grade"),
    (TO_STRENGTHS, "2", "Skip", "development"),  # was stored: "Strengths: 2"
])
def test_a_bare_number_at_a_note_picks_its_option_in_the_terminal(engine: Engine, services: Services,
                                                                  lines: list[str], typed: str, picked: str,
                                                                  step: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        _, out = drive(engine, [*lines, typed], user=AUDITOR)
    assert f"→ You picked {typed}: {picked}" in out
    assert audit(services).step == step
    assert audit(services).strengths is None and audit(services).grade_reason is None


@pytest.mark.parametrize(("lines", "asked"), [(TO_STRENGTHS, "the strengths"),
                                              ([*TO_STRENGTHS, "skip"], "the areas for development")])
def test_a_bare_number_at_the_strengths_or_development_in_slack_is_refused(engine: Engine, services: Services,
                                                                          lines: list[str], asked: str) -> None:
    with time_machine.travel(DRAFTED, tick=False):
        drive(engine, lines, user=AUDITOR)
        [refused] = engine.message(AUDITOR, "3")
    assert refused.kind == "error" and flat(refused.text, "`") == (
        f"A number on its own can't be your note on {asked}, so nothing was saved. Type {asked} in words, or skip "
        "(or press Skip) to leave them out.")
    assert audit(services).strengths is None and audit(services).development is None


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["", "#"]), st.sampled_from(["", ".", ")", " "]))
def test_a_number_on_its_own_is_never_taken_as_words(number: int, before: str, after: str) -> None:
    with pytest.raises(AnswerError, match="A number on its own"):
        parse_words(f"{before}{number}{after}", "answer", "Type your answer in words.")


@given(st.integers(min_value=0, max_value=999), st.text(alphabet="abcdefghij ", min_size=1, max_size=20)
       .filter(lambda words: words.strip()))
def test_words_with_a_number_in_them_are_kept_as_typed(number: int, words: str) -> None:
    typed = f"{number} {words.strip()}"  # "2 visits missed", "3 of the plans"
    assert parse_words(typed, "answer", "Type your answer in words.") == typed
