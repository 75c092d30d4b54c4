"""Trial 32: `yes, seen alone at school, Kayleigh said…` was refused with "“K…” looks like a school's name" and,
again, "“K…” looks like a child's or family member's name". A word found as two kinds is said once, as a name. Only
the message changes: what is refused (bench.privacy_bench) is not."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.privacy.screen import Finding, Screen, describe, explain, screen_text

TYPED = "yes, seen alone at school, Kayleigh said she feels safe at home"


def test_one_word_found_twice_is_said_once_as_a_name(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text(TYPED, identifier_screen, "that evidence note")
    said = str(refused.value)
    assert said.count("“K…”") == 1, said
    assert "“K…” looks like a child's or family member's name" in said
    assert "school's name" not in said


def test_different_words_are_each_still_said() -> None:
    found = [Finding("school", "a school's name", "Oakfield School"), Finding("name", "a child's name", "Kayleigh"),
             Finding("school", "a school's name", "kayleigh"), Finding("phone", "a phone number", "07700 900123")]
    said = explain(found)
    assert said.count("“K…”") == 1 and "“O… S…” looks like a school's name" in said and "“0… 9…”" in said
    assert describe(found[1:3]) == "a child's name"
