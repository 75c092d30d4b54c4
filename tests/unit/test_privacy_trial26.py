"""Trial 26, HIGH 2: 'wks' was refused as a child's name. `core groups have lapsed for 9 wks` (a note at Areas for
development) and `no core group for 9 wks` (a question) got "“w…” looks like a child's or family member's name", and
the note was lost; `core groups lapsed 9 wks` was taken. A number is no word to the name finder, so 'for 9 wks' read
as 'for wks', the rule that finds 'concerns for tunde'; and 'wks', in no word list, looked like a rare name. A unit of
time shortened is never a name, and a number between 'for' and a word breaks that rule. Names are invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

UNITS = ["wk", "wks", "wkly", "hr", "hrs", "yr", "yrs", "mth", "mths", "mnth", "mnths", "mins", "secs", "mos"]
BEFORE = ["core groups have lapsed for", "no core group for", "not seen for", "visits were missed for",
          "worried about", "drifting for about", "no contact with dad for", "child seen alone", "plan in place",
          "Core groups have lapsed for", "No core group for", "CIN plan has drifted for", "sw off sick for",
          "the plan was reviewed after", "approx", "for approx", "every", "within"]
AFTER = ["", ".", "?", " now", " and the plan is drifting", " at home", " with no visits", ", chased by TM",
         " ago", " on the plan", " approx", " - escalate to TM"]


@pytest.mark.parametrize("text", [
    "core groups have lapsed for 9 wks",
    "no core group for 9 wks",
    "core groups lapsed 9 wks",
    "no visits for 4 mths, escalated",
    "seen for 2 hrs at home",
    "Core groups have lapsed for 9 wks and the plan is drifting",
    "for approx 6 wks",
])
def test_the_trials_notes_with_a_shortened_unit_of_time_are_stored(council_screen: Screen,  # noqa: F811
                                                                    text: str) -> None:
    assert found(council_screen, text) == []
    assert screen_text(text, council_screen) == text


@given(before=st.sampled_from(BEFORE), number=st.integers(min_value=1, max_value=52), unit=st.sampled_from(UNITS),
       after=st.sampled_from(AFTER), spaced=st.booleans(), upper=st.booleans())
def test_a_number_and_a_shortened_unit_of_time_are_never_refused(
        council_screen: Screen, before: str, number: int, unit: str, after: str, spaced: bool,  # noqa: F811
        upper: bool) -> None:
    text = f"{before} {number}{' ' if spaced else ''}{unit.upper() if upper else unit}{after}"
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("worried about tunde", "tunde"),
    ("concerns for chidi at home", "chidi"),
    ("worried about chidi for 9 wks", "chidi"),
    ("no core group for 9 wks, kayden told me he feels safe at nans", "kayden"),
])
def test_a_name_beside_a_shortened_unit_is_still_refused(council_screen: Screen, text: str,  # noqa: F811
                                                         words: str) -> None:
    assert ("name", words) in found(council_screen, text)
    with pytest.raises(UserError, match="Nothing was saved"):
        screen_text(text, council_screen)
