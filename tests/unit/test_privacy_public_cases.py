"""Refusals that annoyed in the user trial (priority 2): an everyday verb opening an instruction ('Redo the CIN
plan'), the names of public reviews and inquiries cited in practice learning, and an address reported twice; and
what a refusal of a colleague's name says (priority 3)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.public_cases import PUBLIC_CASES_FILE, load_public_cases
from bot.privacy.screen import Finding, Screen, screen_text

CITED = ("Arthur Labinjo-Hughes", "Star Hobson", "Victoria Climbié", "Victoria Climbie", "Peter Connelly", "Baby P",
         "Daniel Pelka", "Khyra Ishaq", "Ellie Butler", "Child Q", "Hamzah Khan", "Keanu Williams", "Logan Mwangi",
         "Finley Boden", "Sara Sharif")
CITING = ("Consider the {} review learning", "learning from {} applies here", "as the {} inquiry showed",
          "{} reminds us why seeing the child alone matters", "see the national review into {}'s death")


@pytest.fixture(scope="module")
def find(identifier_screen: Screen) -> Callable[[str], list[Finding]]:
    """The screen's find, without the lists in its repr (hypothesis prints the arguments of a failing example)."""
    return lambda text: identifier_screen.find(text)


@pytest.mark.parametrize("text", [
    "Redo the CIN plan with the family", "redo the CIN plan with the family", "Good visit. Redo the chronology",
    "Consider the Arthur Labinjo-Hughes and Star Hobson review learning",
    "Victoria Climbie and Baby P remind us why seeing the child alone matters",
    "learning from Peter Connelly (Baby P), Daniel Pelka and Khyra Ishaq",
    # cited as reviews: a bare list of the names is no longer let through (trial 43, test_privacy_case_citations.py)
    "the Ellie Butler, Child Q, Hamzah Khan and Keanu Williams reviews",
    "lessons from Logan Mwangi, Finley Boden and Sara Sharif",
])
def test_the_trials_ordinary_texts_pass(identifier_screen: Screen, text: str) -> None:
    assert identifier_screen.find(text) == []


@given(name=st.sampled_from(CITED), template=st.sampled_from(CITING))
def test_a_public_case_cited_in_full_passes(find: Callable[[str], list[Finding]], name: str, template: str) -> None:
    assert find(template.format(name)) == []


@pytest.mark.parametrize(("text", "words"), [
    ("Arthur needs a plan", ["Arthur"]),  # a given name alone is a child of the case
    ("Ellie needs a plan, as the Ellie Butler review showed", ["Ellie"]),  # the same given name elsewhere
    ("Kayden the child needs a plan", ["Kayden"]),  # a name before 'the' is no instruction
    ("the star hobson review", []),  # written as the public case, even in lower case
])
def test_only_the_full_public_name_passes(identifier_screen: Screen, text: str, words: list[str]) -> None:
    assert [f.words for f in identifier_screen.find(text) if f.kind == "name"] == words


def test_the_public_cases_are_a_data_list_qa_can_extend() -> None:
    assert "arthur labinjo-hughes" in load_public_cases()
    assert "victoria climbie" in load_public_cases()  # accents are ignored
    assert PUBLIC_CASES_FILE.parent.name == "data"


@pytest.mark.parametrize("text", ["14 Elm Grove", "visited 14 Elm Grove on Monday"])
def test_an_address_is_one_finding(identifier_screen: Screen, text: str) -> None:
    assert [(f.kind, f.words) for f in identifier_screen.find(text)] == [("address", "14 Elm Grove")]


def test_a_name_written_outside_the_address_is_still_found(identifier_screen: Screen) -> None:
    found = identifier_screen.find("Mrs Smith moved to 4 Smith Road")
    assert ("name", "Mrs Smith") in [(f.kind, f.words) for f in found]


def test_a_worker_named_without_a_role_is_refused_and_told_to_write_the_role(identifier_screen: Screen) -> None:
    """Priority 3 of the trial: the screen cannot tell a colleague from a child, so the refusal says what to write."""
    with pytest.raises(UserError) as refused:
        screen_text("good recording while Paige was off sick", identifier_screen, "that note")
    assert "“P…”" in str(refused.value) and "Paige" not in str(refused.value)
    assert "the social worker" in str(refused.value)
