"""'contact is at Horizon House' was refused as an address (fix43c, 3): a named building with no house number (an
office, a resource or contact centre, a children's home) is where work happens, not where a family lives, and passes
in ordinary sentences. Where the text says someone lives there ('mum lives at Oakfield House', 'moved to Whitfield
House', 'her flat is in Jubilee House'), and wherever a house number and a street are given, it is still refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

PASSED = [
    "contact is at Horizon House",
    "meeting at Horizon House",
    "Horizon House",
    "contact is at Horizon House on Tuesdays, supervised by the family time team",
    "the review will be at Horizon House, room 3",
    "she is placed at Oak Tree House, a childrens home out of borough",
    "our office has moved to Civic House",
    "the resource centre at Beacon House has a play room",
    "contact now takes place at Maple Lodge on a Saturday morning",
    "he is on the waiting list for the Anna Freud centre",
]

REFUSED = [
    ("mum lives at Oakfield House now", "Oakfield House"),
    ("the family are living at Horizon House since the fire", "Horizon House"),
    ("she moved to Whitfield House last month", "Whitfield House"),
    ("her new flat is in Jubilee House", "Jubilee House"),
    ("dad is staying at Beacon House with his brother", "Beacon House"),
    ("the home visit was at 14 Acacia Avenue", "14 Acacia Avenue"),
    ("12 Horizon House Road", "12 Horizon House Road"),
]


@pytest.mark.parametrize("text", PASSED)
def test_a_named_building_where_work_happens_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "words"), REFUSED)
def test_a_home_and_a_numbered_address_are_refused(council_screen: Screen, text: str, words: str) -> None:  # noqa: F811
    assert ("address", words) in found(council_screen, text)


@given(st.sampled_from(["Horizon", "Beacon", "Civic", "Jubilee", "Kingfisher", "Elmwood"]),
       st.sampled_from(["contact is at {} House", "the meeting at {} House went well", "{} House is our base",
                        "family time at {} House on Fridays"]))
def test_a_named_house_without_a_home_passes(identifier_screen: Screen, name: str, sentence: str) -> None:
    assert [f for f in found(identifier_screen, sentence.format(name)) if f[0] == "address"] == []


@given(st.sampled_from(["Horizon", "Beacon", "Civic", "Jubilee", "Kingfisher", "Elmwood"]),
       st.sampled_from(["mum lives at {} House", "they moved into {} House", "the family are staying at {} House",
                        "her address is {} House"]),
       st.integers(min_value=1, max_value=300), st.sampled_from(["Road", "Street", "Avenue", "Close"]))
def test_a_home_in_a_named_house_or_a_numbered_street_is_refused(identifier_screen: Screen, name: str, sentence: str,
                                                                 number: int, street: str) -> None:
    assert ("address", f"{name} House") in found(identifier_screen, sentence.format(name))
    assert ("address", f"{number} {name} {street}") in found(identifier_screen, f"the visit was at {number} {name} "
                                                                                f"{street}")


@pytest.mark.parametrize(("text", "name"), [
    ("Tyler House was seen alone at school", "Tyler House"),
    ("Jenny Hall said she was scared of dad", "Jenny Hall"),
    ("Amy Lodge is 9 and in foster care", "Amy Lodge"),
])
def test_a_person_whose_surname_is_a_buildings_word_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                              name: str) -> None:
    """A given name and a surname such as Hall, House or Lodge, told of as a person, is no building."""
    assert ("name", name) in found(council_screen, text)
