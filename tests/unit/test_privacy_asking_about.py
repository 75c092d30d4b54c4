"""A question about someone by full name, typed in lower case, was stored: 'what about ruby smith' passed the screen
because 'ruby' is also a word and nothing after the name said a person was meant. After 'about', 'for', 'regarding'
or 're', a given name and a surname ending the clause (or owning something) are a person; the same words that are
no full name pass ('what about grace period', 'support for amber rating')."""

from __future__ import annotations

import pytest

from bot.privacy.screen import Screen


@pytest.mark.parametrize("text", ["what about ruby smith", "what about ruby smith?", "any advice for amber jones",
                                  "advice about ruby smith's plan", "question regarding grace brown, year 9",
                                  "re hope taylor - can we close"])
def test_a_full_name_asked_about_is_refused(identifier_screen: Screen, text: str) -> None:
    assert [finding.kind for finding in identifier_screen.find(text)] == ["name"]


@pytest.mark.parametrize("text", ["what about grace period", "support for amber rating", "what about will writing",
                                  "advice for hope street", "what about mark scheme", "training for dawn shift",
                                  "what about summer holidays"])
def test_the_same_words_that_are_no_full_name_pass(identifier_screen: Screen, text: str) -> None:
    assert identifier_screen.find(text) == []
