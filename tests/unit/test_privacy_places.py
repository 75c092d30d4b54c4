"""Trial 38 (a DPO), M3: a street named without a house number ('family live on moor lane near the park') was stored
and a local hospital by name ('mum in hospital at Leeds General Infirmary till xmas') was sent on to the manager,
though '14 Moor Lane' and a school's name are refused (bot/privacy/places.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text


def found(screen: Screen, text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.words) for f in screen.find(text)]


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("family live on moor lane near the park", "address", "moor lane"),  # the trial's own
    ("mum in hospital at Leeds General Infirmary till xmas", "hospital", "Leeds General Infirmary"),
    ("moved to Elm Grove last week", "address", "Elm Grove"),
    ("the child lives in Station Road with nan", "address", "Station Road"),
    ("Hull Royal Infirmary discharged him", "hospital", "Hull Royal Infirmary"),
    ("seen at Pinderfields General Hospital on Monday", "hospital", "Pinderfields General Hospital"),
])
def test_a_street_lived_on_and_a_local_hospital_are_refused(identifier_screen: Screen, text: str, kind: str,
                                                            words: str) -> None:
    assert (kind, words) in found(identifier_screen, text)


def test_the_refusal_says_what_to_write_instead(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("mum in hospital at Leeds General Infirmary till xmas", identifier_screen, "that reason")
    said = str(refused.value)
    assert "“L… G… I…” looks like a local hospital's name: write 'the hospital'" in said
    assert "Leeds" not in said


@pytest.mark.parametrize("text", [
    "lives on the high street", "lives on a busy road", "lives on the same road as dad", "they live on the main road",
    "she lives in the lane behind the school", "mum lives in London", "the family moved to a new street",
    "Child was at the Royal Manchester Children's Hospital for 2 nights",
    "she goes to St Thomas hospital for her clinic every three months", "admitted to the Royal Infirmary",
    "the General Hospital said", "moving in with dad on friday", "moved to the area in june",
    "living in temporary accommodation", "mum is in hospital", "down memory lane with the family photos",
])
def test_streets_anyone_is_on_and_hospitals_naming_no_place_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


@settings(max_examples=60, deadline=None)
@given(street=st.sampled_from(["moor lane", "Elm Grove", "station road", "Oak Avenue", "church street",
                               "Willow Close"]),
       cue=st.sampled_from(["family live on {}", "mum moved to {}", "they are staying on {}", "dad lives in {}"]),
       tail=st.sampled_from(["", " near the park", ", seen there today", ". CP plan review due"]))
def test_any_street_lived_on_any_tail_is_refused(identifier_screen: Screen, street: str, cue: str, tail: str) -> None:
    text = cue.format(street) + tail
    assert ("address", street) in found(identifier_screen, text), found(identifier_screen, text)


# fixp38, item 3: a national specialist children's hospital was refused as a child's name or an address ('Alder Hey
# did the skeletal survey'), though workers write it in every record of a scan or an admission.
CHILDRENS_HOSPITALS = ["Alder Hey", "Great Ormond Street", "GOSH", "Birmingham Children's", "Sheffield Children's",
                       "Royal Manchester Children's", "Evelina London"]


@pytest.mark.parametrize("text", [
    "Alder Hey did the skeletal survey",  # the brief's own
    "alder hey did the skeletal survey, what next",
    "Great Ormond Street did the skeletal survey",
    "seen at Great Ormond Street on Monday",
    "admitted to the Evelina overnight",
    "seen at Evelina for the CT",
    "GOSH said the fracture was old",
])
def test_a_national_childrens_hospital_passes(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("she is on the ward at St Mary's", "name", "Mary's"),  # as before
    ("mum in hospital at Leeds General Infirmary", "hospital", "Leeds General Infirmary"),
    ("the family live on Great Ormond Street", "address", "Great Ormond Street"),  # where they live
    ("Evelina said she was scared", "name", "Evelina"),  # a given name without a hospital's cue
    ("she was seen with Brook", "name", "Brook"),
])
def test_local_hospitals_streets_lived_on_and_names_are_still_refused(identifier_screen: Screen, text: str,
                                                                      kind: str, words: str) -> None:
    assert (kind, words) in found(identifier_screen, text)


@settings(max_examples=60, deadline=None)
@given(hospital=st.sampled_from(CHILDRENS_HOSPITALS), cue=st.sampled_from([
    "{} did the skeletal survey", "seen at {} yesterday", "transferred to {} that evening", "the {} consultant said",
    "{} said the fracture was old", "referred to {} for a CT"]))
def test_any_national_childrens_hospital_in_any_sentence_passes(identifier_screen: Screen, hospital: str,
                                                                cue: str) -> None:
    text = cue.format(hospital)
    assert found(identifier_screen, text) == []
