"""A season, a month or a day after a word for any child is when, as campaign names and action texts say it (trial 9,
finding 5: the campaign name 'Voice of the child winter' was refused, "“winter” looks like a child's or family member's
name"); with the same eye on managers' wordings, a piece of work 'called' something names the work ('a campaign called
spring refresh') and 'Kid's voice' is a child's. Each is checked against the child's name the same words can hold
('child summer said she was scared', 'sister april', 'a girl called summer'), which is still refused.
All names are invented for the screen's tests.
"""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import COUNCIL_NAMES


@pytest.fixture(scope="module")
def council_screen(identifier_screen: Screen) -> Screen:
    """The screen as the bot runs it: the installed lists plus the shipped names file."""
    return identifier_screen.with_listed(COUNCIL_NAMES)


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


# Campaign names, checklist titles and action texts as managers and QA leads write them: seasons, months, days and
# holidays after 'the child', 'children', 'young person', ... with nothing after them that only a person does.
ORDINARY = [
    "Voice of the child winter", "voice of the child summer", "Voice of the child autumn",
    "Voice of the child spring", "Voice of the child april", "Voice of the child June", "Voice of the child easter",
    "Voice of the child Jan", "Voice of the child winter, north team", "Theme - voice of the child winter",
    "Voice of the Child Winter", "Voice of the Child Summer", "Voice of the Child Winter 2027",
    "Lived experience of the child autumn", "Wishes and feelings of the child spring", "Views of the child winter",
    "Dip sample of the child winter", "Deep dive: the child winter", "Re-audit of the child summer",
    "Direct work with children spring", "Looked after children autumn", "Disabled children summer",
    "Missing children summer", "Young person spring", "YP winter", "CYP spring", "Teenager winter",
    "Siblings autumn", "Babies summer", "Kids summer", "Neglect: child summer", "CP plans: child autumn",
    "Plan for the child summer", "Start direct work with the child winter", "Children august", "Child may",
    # already passing, kept so: something after the season
    "the voice of the child summer audit", "child winter round", "Voice of the child autumn term",
    "the child spring 2027", "Voice of the child Q3", "Voice of the child round 2", "Voice of the child pilot",
    "Voice of the child refresh",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_a_season_or_month_after_a_word_for_any_child_is_when(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []
    assert screen_text(text, council_screen, "that campaign name") == text


@pytest.mark.parametrize(("text", "words"), [
    ("child summer said she was scared", "summer"),  # a person's verb after it
    ("the child summer was not at home", "summer"),
    ("child summer to attend school daily", "summer"),
    ("the child summer, who is 8, was seen alone", "summer"),  # 'who'
    ("child april's mum rang", "april's"),
    ("spoke to the child summer", "summer"),  # met, or to be met, or worried about
    ("I saw the child summer.", "summer"),
    ("see the child summer", "summer"),
    ("worried about the child summer", "summer"),
    ("visited the child Summer at home", "Summer"),
    ("the child Summer.", "Summer"),  # a season with a capital after a lower-case 'child' is a name
    ("sister april said she was scared", "april"),  # after a family word it stays a name
    ("baby summer was seen at home", "summer"),
    ("Baby winter", "winter"),
    ("the boy, summer, ran off", "summer"),
    ("Voice of the child ruby", "ruby"),  # a given name that is no season after 'the child' is still a name
    ("Voice of the child hope", "hope"),
])
def test_the_childs_name_in_the_same_words_is_still_refused(council_screen: Screen, text: str, words: str) -> None:
    assert ("name", words) in found(council_screen, text)


@pytest.mark.parametrize("text", ["Kid's voice summer", "Kid's views matter", "Kids voice winter"])
def test_kid_is_a_word_for_a_child_never_a_name(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []  # 'Kid' was read as a surname's possessive


@pytest.mark.parametrize("text", [
    "a campaign called spring refresh", "Audit named winter review", "is there a campaign called winter?",
    "a programme called hope", "we ran a project called ruby", "the app called kooth",
])
def test_a_piece_of_work_called_something_is_named_not_a_child(council_screen: Screen, text: str) -> None:
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), [
    ("a girl called summer", "summer"), ("i called ruby to check in", "ruby"), ("mum called ruby", "ruby"),
    ("the referral named jayden as the victim", "jayden"), ("the project called jayden", "jayden"),
])
def test_a_person_called_something_is_still_named(council_screen: Screen, text: str, words: str) -> None:
    assert ("name", words) in found(council_screen, text)


def test_the_refusal_of_a_name_after_the_child_still_says_what_to_change(council_screen: Screen) -> None:
    with pytest.raises(UserError, match="“s…” looks like a child's or family member's name"):
        screen_text("child summer said she was scared", council_screen, "that action")
