"""A council's own lines are often ordinary 01 or 02 numbers (trial 17: a QA lead answering "who is the LADO in our
area" was refused "looks like a phone number"). A landline whose words just before it name the service it rings ('our
LADO team is on 01632 960123') is the service's; a number about a person or a home, a school's, a mobile, or one a
worker rang stays refused. The numbers are Ofcom's drama numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen


def phones(screen: Screen, text: str) -> list[str]:
    return [finding.words for finding in screen.find(text) if finding.kind == "phone"]


@pytest.mark.parametrize("text", [
    "Our LADO team is on 01632 960123 for advice", "the emergency duty team: 01632 960000",
    "call the MASH on 0113 496 0000", "children's services front door: 020 7946 0000",
    "Contact the LADO on 01632 960123 or email lado@council.gov.uk", "the out of hours service (01632 960999)",
    "our team number is 01632 960123"])
def test_a_services_own_line_passes(identifier_screen: Screen, text: str) -> None:
    assert phones(identifier_screen, text) == []


@pytest.mark.parametrize("text", [
    "mum is on 01632 960123", "the family home number is 01632 960123", "mob 07700 900123",
    "the team manager rang mum on 01632 960123", "social worker rang 01632 960123",
    "dad works for the council, his office line is 01632 960123", "rang the school office on 01632 960123",
    "contact the duty team on 07700 900123", "the team rang 01632 960123 for mum", "the office rang 01632 960123",
    "the LADO team is on 01632 960123. Mum is on 01632 960777"])
def test_a_persons_a_homes_a_schools_or_a_mobile_number_is_still_refused(identifier_screen: Screen,
                                                                         text: str) -> None:
    assert phones(identifier_screen, text)


@given(st.sampled_from(["mum", "dad's", "the family", "nan", "her", "the child's", "grandad"]),
       st.sampled_from(["", "home ", "landline ", "office "]),
       st.sampled_from(["01632 960123", "0113 496 0000", "020 7946 0000"]))
def test_a_landline_given_to_a_person_is_refused_whatever_service_words_come_before(
        identifier_screen: Screen, person: str, kind: str, number: str) -> None:
    assert phones(identifier_screen, f"the duty team said {person} {kind}number is {number}") == [number]
