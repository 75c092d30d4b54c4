"""Trial 24, MEDIUM 1: an action opening with a capitalised verb before 'school' or 'nursery' ('Invite school to all
core groups') was refused as a school's name and nothing was saved. The verb opens the action; a school's real name
(after the verb or alone) is still refused. Names are invented."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)


@pytest.mark.parametrize("text", [
    "Invite school to all core groups and set 6 weekly dates",
    "Ask school to attend CIN reviews",
    "Contact school re attendance",
    "Chase nursery for their report",
    "Monitor school attendance weekly",
    "Core group held. Invite school to the next one",
    "1. Email school re attendance",
    "edit 2 development add: Ask school to attend CIN reviews",
    "INVITE SCHOOL TO ALL CORE GROUPS",
])
def test_an_action_opening_with_a_verb_before_school_is_stored(council_screen: Screen,  # noqa: F811
                                                                text: str) -> None:
    assert found(council_screen, text) == []
    assert screen_text(text, council_screen) == text


@pytest.mark.parametrize(("text", "words"), [
    ("St Mary's Primary", "St Mary's Primary"),
    ("Oakfield School", "Oakfield School"),
    ("Hillside Academy", "Hillside Academy"),
    ("Beacon School rang about attendance", "Beacon School"),
    ("Ask Oakfield School to attend CIN reviews", "Oakfield School"),
    ("Contact Hillside Academy re attendance", "Hillside Academy"),
    ("Chase School rang", "Chase School"),  # a verb that is a name too, before a capitalised 'School'
])
def test_a_schools_real_name_is_still_refused(council_screen: Screen, text: str,  # noqa: F811
                                              words: str) -> None:
    assert ("school", words) in found(council_screen, text)
    with pytest.raises(UserError, match="school's name"):
        screen_text(text, council_screen)
