"""Trial 53 found the identifier screen let three things through and named two others wrongly:
- F1: 'Good work by Kayla's lead practitioner, who knows the family well' was saved as strengths and a reflection:
  a name's possessive before a professional's role is the child's (or family member's) professional, so the name is
  refused; a colleague's line ('Priya's manager agreed') and colleagues written as roles still pass;
- F3: 'The school Brookfield was not invited to the TAF' was saved: 'the school <Name>' and "Kayla's school
  <Name>" are a school's name, as '<Name> school' was; 'the school nurse', 'the school's DSL', 'Sunday school' pass;
- F2: 'the one-legged dad who runs the chip shop on the high street' was saved: a family member who runs, owns or
  works at a business, with where it is, is refused as a parent's workplace (bot/privacy/jigsaw.py); 'mum runs the
  house', 'mum works in a shop', 'dad works nights' pass;
- F12: 'the only Eritrean twins…' was refused, but said “E…” looked like a name: a people's word is no name;
- F18: 'Ask Sandra Moyes in finance' was refused as "a child's or family member's name": with where the person
  works, the refusal says "a person's name" and to write their role."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import found

REFUSED = [
    ("Good work by Kayla's lead practitioner, who knows the family well", "name", "Kayla's"),
    ("The school Brookfield was not invited to the TAF and should have been", "school", "Brookfield"),
    ("the school Brookfield is shut over xmas so the visit cant happen there, what do i do", "school", "Brookfield"),
    ("Kayla's school Brookfield is shut over xmas", "school", "Brookfield"),
    ("I missed that the one-legged dad who runs the chip shop on the high street had moved back in", "workplace",
     "chip shop on the high street"),
    ("dad owns the corner shop in Hexham", "workplace", "corner shop in Hexham"),
    ("mum runs a cafe near the station", "workplace", "cafe near the station"),
]

PASSED = [
    "Good work by the lead practitioner, who knows the family well", "the lead practitioner's view was clear",
    "S1's caseload is high", "Social worker S1's visit was late", "Priya's manager agreed",
    "the school nurse shared concerns and I should have called a TAF sooner", "the school's DSL called",
    "School said he was fine", "a secondary school place is needed", "he goes to Sunday school",
    "the school SENCO called", "the school Safeguarding Lead called", "dad works nights", "mum runs the house",
    "mum works in a shop", "mum works in a shop on Saturdays", "mum works in a shop in the town centre",
    "dad runs a business", "the club runs a tuck shop on the estate", "the Polish twins were seen",
    "Romanian dad was not spoken to", "the Irish Traveller family moved", "Kurdish mum needs an interpreter",
]


@pytest.mark.parametrize(("text", "kind", "words"), REFUSED)
def test_the_trials_identifiers_are_refused(identifier_screen: Screen, text: str, kind: str, words: str) -> None:
    assert (kind, words) in found(identifier_screen, text)


@pytest.mark.parametrize("text", PASSED)
def test_roles_and_everyday_words_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


def test_a_childs_lead_practitioner_is_refused_as_the_childs_name(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("Good work by Kayla's lead practitioner, who knows the family well", identifier_screen,
                    "the strengths")
    assert "“K…” looks like a child's or family member's name" in str(refused.value)
    assert "Nothing was saved" in str(refused.value)


def test_a_nationality_is_not_called_a_name(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("the only Eritrean twins at the village primary, dad is the local vicar, reviews slipped",
                    identifier_screen)
    said = str(refused.value)
    assert "a description only one child or family fits" in said
    assert "“E…” looks like" not in said and "family member's name" not in said


@pytest.mark.parametrize(("text", "masked"), [
    ("Ask Sandra Moyes in finance about the rate", "“S… M…”"),
    ("I should have asked Grace from the family hub, she visits weekly", "“G…”"),
])
def test_a_colleagues_name_is_called_a_persons_name(identifier_screen: Screen, text: str, masked: str) -> None:
    with pytest.raises(UserError) as refused:
        screen_text(text, identifier_screen)
    said = str(refused.value)
    assert f"{masked} looks like a person's name: write their role instead" in said
    assert "child's or family member's name" not in said


def test_a_childs_name_keeps_the_childs_wording(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("I should have seen Kayla alone at school", identifier_screen)
    assert "“K…” looks like a child's or family member's name" in str(refused.value)


BUSINESSES = st.sampled_from(["chip shop", "corner shop", "takeaway", "cafe", "pub", "garage", "salon", "bakery",
                              "barbers", "newsagents"])
FAMILY = st.sampled_from(["dad", "mum", "stepdad", "uncle", "nan", "mum's partner"])
VERBS = st.sampled_from(["runs", "owns", "works at", "manages"])
PLACES = st.sampled_from(["on the high street", "in the town centre", "near the station", "on Front Street",
                          "in Hexham", "at the retail park"])


@settings(max_examples=60, deadline=None)
@given(FAMILY, VERBS, BUSINESSES, PLACES)
def test_a_family_business_with_its_place_is_refused_and_without_it_passes(
        identifier_screen: Screen, family: str, verb: str, business: str, place: str) -> None:
    screen = identifier_screen
    said = f"the {family} who {verb} the {business}"
    assert found(screen, said + " had moved back in") == []
    assert any(kind == "workplace" for kind, _ in found(screen, f"{said} {place} had moved back in"))

