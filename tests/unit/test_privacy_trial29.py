"""Trial 29, MEDIUM 3: 'cousins' was refused as a family's name. `my cousins kids are on a cp plan` got "“c…” looks
like a child's or family member's name", though `my cousin's kids are on a cp plan` passed: 'cousins' is a surname
too, and a listed surname before 'kids' names a family ('the tyler kids'). A word for a relative with an s after it
(a plural, or a possessive typed without its apostrophe) is an ordinary word there; a capitalised surname mid-sentence
('the Cousins family') still names a family. Names are invented."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

KIN = ["cousins", "nans", "aunties", "grandads", "step-dads", "brothers", "sisters", "uncles", "nephews", "nieces",
       "grandmas", "nannas", "mums", "dads", "stepdads", "grannies", "half-brothers", "cousins'"]
OWNERS = ["my", "our", "your", "the", "her", "his", ""]
FAMILY = ["kids", "children", "family", "siblings", "boys", "girls", "household"]
AFTER = [" are on a cp plan", " have just gone on a cp plan in our LA", " are open to us", "", ".",
         " are on a cin plan, do i have to tell my manager?", " live in our area"]


@pytest.mark.parametrize("text", [
    "my cousins kids are on a cp plan",
    "my brothers kids are on a plan",
    "my brothers family is open to our team",
    "my nans kids",
    "My Cousins kids are on a cp plan",
    "MY COUSINS KIDS ARE ON A CP PLAN",
])
def test_the_trials_relatives_in_the_plural_are_not_refused(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []
    assert screen_text(text, council_screen) == text


@given(owner=st.sampled_from(OWNERS), kin=st.sampled_from(KIN), family=st.sampled_from(FAMILY),
       after=st.sampled_from(AFTER))
def test_a_word_for_a_relative_with_an_s_before_a_family_word_is_never_refused(
        council_screen: Screen, owner: str, kin: str, family: str, after: str) -> None:  # noqa: F811
    text = f"{owner} {kin} {family}{after}".strip()
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("we met the Cousins family today", "Cousins"),
    ("the tyler kids are on a cp plan", "tyler"),
    ("my cousins kids are on a cp plan, kayden told me he is scared", "kayden"),
])
def test_a_family_named_beside_a_relative_is_still_refused(council_screen: Screen, text: str,  # noqa: F811
                                                           words: str) -> None:
    assert ("name", words) in found(council_screen, text)
    with pytest.raises(UserError, match="Nothing was saved"):
        screen_text(text, council_screen)
