"""Trial 54 found the identifier screen let a first name with where its person works through, and refused a line
typed with caps lock on for a reason it did not have:
- F1: 'reflect 130 Grace from the family hub visits weekly' was saved: a listed given name that is also an everyday
  word ('Grace', 'Hope') opening a sentence before 'from the <…> hub', a service, a centre or health visiting is a
  person's name, refused as "a person's name: write their role" (as 'Ask Sandra Moyes in finance' is). Family
  words ('Dad from the family home', 'Mum from work'), roles ('the worker from the family hub') and a colleague
  named by their team or panel ('Mason from the fostering panel') still pass."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text


@pytest.mark.parametrize(("text", "masked"), [
    ("Grace from the family hub visits weekly", "“G…”"),
    ("Hope from the family hub did the home visit", "“H…”"),
    ("Summer from the children's centre came to the core group", "“S…”"),
    ("Paige from health visiting visits weekly", "“P…”"),
])
def test_a_first_name_before_a_service_is_a_persons_name(identifier_screen: Screen, text: str, masked: str) -> None:
    with pytest.raises(UserError) as refused:
        screen_text(text, identifier_screen)
    said = str(refused.value)
    assert f"{masked} looks like a person's name: write their role instead ('the finance officer', 'the family " \
           "hub worker'" in said
    assert "child's or family member's name" not in said and "Nothing was saved" in said


@pytest.mark.parametrize("text", [
    "Dad from the family home came to the meeting", "the worker from the family hub visits weekly",
    "Mum from work picked her up", "Support from the family hub has been consistent",
    "Mason from the fostering panel queried the match", "Jo from the YOT will attend",
    "referral came from the family hub", "Will from the service be enough to meet the need?",
])
def test_family_words_roles_and_colleagues_by_team_still_pass(identifier_screen: Screen, text: str) -> None:
    assert screen_text(text, identifier_screen) == text
