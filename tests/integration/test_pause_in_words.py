"""Pausing (and going back) in the words people use mid-audit (trial 43, finding 14): `hang on phone call, pause` at a
yes/no question got "Please answer yes, no or not applicable". Pausing is read by bot.audits.leaving_words, going back
by bot.audits.control_words."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.audits.control_words import control_word
from bot.audits.leaving_words import leaving
from bot.core.services import Services
from bot.engine.routing import Engine
from tests.integration.test_cancel_in_words import at_a_number_question, the_audit, typed

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
PAUSES = ("hang on phone call, pause", "pause", "hang on, pause", "can we stop here", "can we stop here?",
          "pause, phone call", "phone call - pause", "sorry gotta pause", "i need to pause", "lets stop for now",
          "pause this audit please", "Pause please.")


def at_a_yes_no_question(engine: Engine) -> None:
    for line in ("start audit front door", "CR-900111", "sw n1"):
        typed(engine, line)


@pytest.mark.parametrize("words", PAUSES)
def test_pausing_in_words_at_a_yes_no_question_pauses_the_audit(
        engine: Engine, services: Services, words: str) -> None:
    with time_machine.travel(NOW, tick=False):
        at_a_yes_no_question(engine)
        [paused] = typed(engine, words)
    assert paused.text.startswith("Paused audit #1. Everything so far is saved.")
    assert the_audit(services).state.get("paused") is True


def test_going_back_in_words_at_a_number_question_goes_back(engine: Engine, services: Services) -> None:
    with time_machine.travel(NOW, tick=False):
        at_a_number_question(engine)
        asked = typed(engine, "can we go back?")
    assert "Answered before: No" in asked[-1].text
    assert the_audit(services).step.startswith("question:")


_REASON = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30).filter(lambda s: s.strip())


@given(reason=_REASON, separator=st.sampled_from([", ", " - ", "; ", " — "]),
       ending=st.sampled_from(["pause", "pause please", "pause this audit", "stop here", "stop for now"]))
def test_a_reason_then_a_pause_after_a_comma_or_dash_is_pausing(reason: str, separator: str, ending: str) -> None:
    assert leaving(f"{reason.strip()}{separator}{ending}")


@given(before=_REASON, after=_REASON,
       word=st.sampled_from(["a pause", "dont pause", "no pause", "to pause", "paused", "pauses", "the pause"]))
def test_pause_as_a_word_inside_a_note_is_not_pausing(before: str, after: str, word: str) -> None:
    note = f"{before.strip()} {word} {after.strip()}"
    assert not leaving(note) or leaving(after) or leaving(before)  # the words around it may leave on their own


@given(going=st.sampled_from(["go back", "can we go back?", "go back one", "Go back to the last question",
                              "lets go back"]),
       end=st.sampled_from(["", ".", "!"]))
def test_going_back_in_words_is_back(going: str, end: str) -> None:
    assert control_word(f"{going}{end}") == "back"
