"""A practice word misspelt in a question typed in lower case is the word, not a child's name (trial 27: 'is a
chronolgy needed' was refused as naming a child and the question lost, while 'do i need a chronolgy' was answered)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.practice_spelling import misspelt_practice_word
from bot.privacy.screen import Screen
from bot.storage import asks as ask_store

PRACTITIONER = "U0PRAN001"
MONDAY = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/London"))


def said(engine: Engine, text: str) -> str:
    return "\n".join(f"{r.title or ''}\n{r.text}" for r in engine.message(PRACTITIONER, text, surface="terminal"))


@pytest.mark.parametrize(("typed", "answer"), [
    ("is a chronolgy needed", "What does a good chronology look like?"),
    ("is a chronolgy needed for every case?", "What does a good chronology look like?"),
    ("is supervison needed", "What is reflective supervision and how often should it happen?"),
])
def test_a_misspelt_practice_word_is_answered_not_refused_as_a_name(engine: Engine, services: Services, typed: str,
                                                                    answer: str) -> None:
    with time_machine.travel(MONDAY, tick=False):
        shown = said(engine, typed)
        ask = ask_store.latest_ask(services.storage, PRACTITIONER, MONDAY.replace(hour=9))
    assert "looks like a child's or family member's name" not in shown
    assert answer in shown
    assert ask is not None and ask.query == typed  # the question is kept, as any other


@pytest.mark.parametrize("typed", ["is tunde needed", "is a chronolgy needed for kayden", "is sharon needed"])
def test_a_name_typed_small_is_still_refused(engine: Engine, typed: str) -> None:
    assert "child's or family member's name" in said(engine, typed)


def test_only_a_slip_from_a_practice_word_of_the_same_first_letter(identifier_screen: Screen) -> None:
    words = identifier_screen.lexicon.practice_words
    assert "chronology" in words and "supervision" in words
    assert misspelt_practice_word("chronolgy", words) and misspelt_practice_word("safeguardng", words)
    assert misspelt_practice_word("chronolgoy", words)  # two slips in a long word
    assert not misspelt_practice_word("tunde", words) and not misspelt_practice_word("hronology", words)


@given(st.text(max_size=40))
def test_the_matcher_never_raises(word: str) -> None:
    assert misspelt_practice_word(word.casefold(), frozenset({"chronology", "supervision"})) in (True, False)
