"""A title and an initial (twelfth user trial, F12): 'yes, seen alone, miss k said she is happy' and 'I spoke with
miss k about the plan' were stored, while 'mr okafor left the room' was refused. 'Miss K', 'mr j', 'mrs b.' name a
family member by initial and are refused in any case; 'miss' on its own, as pupils call a teacher, and 'miss' as a
verb ('will miss a visit') pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_called_names import Finder, find  # noqa: F401  (the fixture, shared)
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)


@pytest.mark.parametrize(("text", "words"), [
    ("yes, seen alone, miss k said she is happy", "miss k"),  # the trial's own
    ("I spoke with miss k about the plan and she agreed to the changes", "miss k"),
    ("mr j came to the meeting", "mr j"),
    ("mrs b. came late", "mrs b"),
    ("Ms. T was there", "Ms. T"),
    ("Mx R did not attend", "Mx R"),
    ("we visited mr j's house", "mr j"),
    ("mrs j.k. said the children were fine", "mrs j.k"),
    ("mr and mrs b came together", "mrs b"),
    ("miss a said she is happy", "miss a"),
])
def test_a_title_with_an_initial_is_refused(council_screen: Screen, text: str, words: str) -> None:  # noqa: F811
    assert ("initials", words) in found(council_screen, text)


def test_the_trials_note_is_refused_with_the_usual_message(council_screen: Screen) -> None:  # noqa: F811
    with pytest.raises(UserError, match="“m… …” looks like a person's initials"):
        screen_text("yes, seen alone, miss k said she is happy", council_screen, "that note")


@pytest.mark.parametrize("text", [
    "miss said it was fine", "she will miss a visit", "I miss u",
    "he does not want to miss a day of school", "she has to master a new routine", "mr and mrs said they agreed",
])
def test_a_title_without_an_initial_or_miss_as_a_verb_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


def test_a_title_with_an_initial_and_a_surname_is_one_finding(council_screen: Screen) -> None:  # noqa: F811
    assert found(council_screen, "Miss D Campbell (mum) did not consent") == [("name", "Campbell")]


@given(title=st.sampled_from(["mr", "mrs", "ms", "miss", "mx", "Mr.", "Mrs.", "Ms."]),
       initial=st.sampled_from("bcdefghjklmnopqrstvwxyz"), dot=st.sampled_from(["", "."]),
       after=st.sampled_from([" said she is happy", " came to the meeting", " was in the kitchen", "", " (mum)",
                              ", the mother, agreed"]),
       case=st.sampled_from([str.lower, str.upper, lambda text: text]))
def test_any_title_and_initial_is_refused_in_any_case(find: Finder, title: str, initial: str,  # noqa: F811
                                                      dot: str, after: str, case) -> None:
    text = case(f"yes, seen alone, {title} {initial}{dot}{after}")
    assert find(text), text


@given(lead=st.sampled_from(["she will", "we did not want to", "they often", "I"]),
       thing=st.sampled_from(["a visit", "a day of school", "u", "it", "an appointment", "i think"]),
       case=st.sampled_from([str.lower, str.capitalize]))
def test_miss_as_a_verb_before_an_article_or_a_pronoun_is_never_refused(find: Finder, lead: str,  # noqa: F811
                                                                       thing: str, case) -> None:
    assert find(case(f"{lead} miss {thing}")) == []
