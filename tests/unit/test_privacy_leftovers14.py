"""Privacy leftovers after trial 13 (session 14).

1. 'used Turnell and Edwards' mapping' and 'the Turnell and Edwards approach' were refused as names: the authors of
   Signs of Safety are cited together by surname, as public as 'the Munro review' (data/public_case_names.txt);
   either surname alone where a person is meant is still a name. 'little TLC needed' was refused as initials: TLC
   is an everyday acronym (data/everyday_acronyms.txt), as OCD is; 'little JJ needs' is still a child.
2. 'call him DJ', 'known as DJ', 'we call her KC' were stored: two or three capitals after a calling phrase are the
   name even when they are also a role's letters (disc jockey, King's Counsel); only an acronym the bot knows stays a
   term there ('also known as CP', 'call her GP', 'known as LAC', 'call her AM').
3. 'Ysgol Gymraeg Aberystwyth' was refused as a person's name: a Welsh (or Gaelic) school is named after the word for
   school, 'Ysgol', as an English one is before 'School', and the refusal now says it looks like a school's name.
"""

from __future__ import annotations

import pytest

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.screen import Screen
from tests.e2e.test_terminal_chat import drive
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

PRACTITIONER = "U0PRAN002"


def _asked(engine: Engine, question: str) -> str:
    """The reply to a question typed by a practitioner."""
    _, out = drive(engine, [question], user=PRACTITIONER)
    return " ".join(out.split())


# -- 1. practice authors cited together, and an everyday acronym after 'little'

@pytest.mark.parametrize("text", [
    "used Turnell and Edwards' mapping with mum and dad", "the Turnell and Edwards approach",
    "we used the Turnell and Edwards approach at the core group", "Turnell and Edwards’ mapping was done together",
    "signs of safety (Turnell and Edwards) mapping with the family", "little TLC needed", "the flat needs lil TLC",
    "a little TLC and he settled", "TLC needed after the move",
])
def test_practice_authors_and_everyday_acronyms_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "finding"), [
    ("Edwards said she was scared", ("name", "Edwards")), ("we saw Turnell at home", ("name", "Turnell")),
    ("Kayden and Edwards approach", ("name", "Edwards")), ("little JJ needs a new bed", ("initials", "JJ")),
    ("lil j needs TLC", ("initials", "lil j")),
])
def test_either_author_alone_as_a_person_and_a_child_called_little_are_still_refused(
        council_screen: Screen, text: str, finding: tuple[str, str]) -> None:  # noqa: F811
    assert finding in found(council_screen, text)


def test_a_question_about_turnell_and_edwards_is_answered_not_refused(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "how do I use the Turnell and Edwards approach in a core group")
    assert "I haven't stored or answered that question" not in reply
    assert "looks like" not in reply


# -- 2. capitals after a calling phrase

@pytest.mark.parametrize(("text", "name"), [
    ("call him DJ", "DJ"), ("he is known as DJ at school", "DJ"), ("we call her KC", "KC"), ("she goes by KC", "KC"),
    ("nicknamed DJ by his brothers", "DJ"), ("she asked me to call her QC", "QC"), ("we call him MP at home", "MP"),
])
def test_a_roles_letters_given_as_a_name_are_refused(council_screen: Screen, text: str,  # noqa: F811
                                                     name: str) -> None:
    assert ("name", name) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "also known as CP", "known as CIN until the review", "call her GP", "call her SW tomorrow", "known as LAC",
    "call her AM tomorrow", "call her PM", "call her ASAP", "call her CAMHS worker", "call her OK",
])
def test_a_practice_acronym_after_a_calling_phrase_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


def test_a_note_naming_a_child_dj_is_not_stored(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "we call him DJ at home, what does the plan need to say about his name")
    assert "I haven't stored or answered that question: “D…” looks like a child's or family member's name" in reply
    assert services.storage.db["kb_asks"].count == 0


# -- 3. a Welsh school's name

@pytest.mark.parametrize(("text", "school"), [
    ("Ysgol Gymraeg Aberystwyth", "Ysgol Gymraeg Aberystwyth"),
    ("Ysgol Gymraeg Caerdydd is her school", "Ysgol Gymraeg Caerdydd"),
    ("Ysgol y Wern rang about attendance", "Ysgol y Wern"),
    ("moved from Ysgol Gynradd Llanfair to a school in Leeds", "Ysgol Gynradd Llanfair"),
    ("ysgol gymraeg aberystwyth said she is doing well", "ysgol gymraeg aberystwyth"),
    ("Gaelscoil Mhuire sent the attendance figures", "Gaelscoil Mhuire"),
])
def test_a_school_named_after_ysgol_is_refused_as_a_school(council_screen: Screen, text: str,  # noqa: F811
                                                           school: str) -> None:
    assert found(council_screen, text) == [("school", school)]


@pytest.mark.parametrize("text", [
    "she goes to a Welsh-medium school and wants her plan in Welsh", "a Welsh school would suit him",
    "moving to an English-medium school in September", "a bilingual school nearer home",
])
def test_a_kind_of_school_in_welsh_or_english_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


def test_a_question_naming_a_welsh_school_is_refused_as_a_schools_name(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "Ysgol Gymraeg Aberystwyth want a copy of the plan, can I share it")
    assert "“Y… G… A…” looks like a school's name" in reply
    assert "name of a child" not in reply and "family member's name" not in reply
    assert services.storage.db["kb_asks"].count == 0
