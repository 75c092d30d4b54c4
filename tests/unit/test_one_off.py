"""bot.engine.near_miss.one_off: the word a line of one word is one letter off, where free text waits (fix34a)."""

from __future__ import annotations

import pytest

from bot.engine.near_miss import one_off

WORDS = ("agree", "disagree", "release", "show", "list", "help", "moderate")


@pytest.mark.parametrize(("typed", "meant"), [("agre", "agree"), ("Agre.", "agree"), ("relase", "release"),
                                              ("disagre", "disagree"), ("shw", "show"), ("hepl", "help")])
def test_a_word_one_letter_off_is_that_word(typed: str, meant: str) -> None:
    assert one_off(typed, WORDS) == meant


@pytest.mark.parametrize("typed", ["agree", "show", "ok", "agre now", "shows no evidence", "good", "12", ""])
def test_a_word_itself_a_longer_line_or_no_near_word_is_no_slip(typed: str) -> None:
    assert one_off(typed, WORDS) is None


def test_a_slip_between_two_words_is_not_guessed() -> None:
    assert one_off("lise", ("list", "lose")) is None
