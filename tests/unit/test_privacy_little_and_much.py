"""'little faith was placed in the plan' was refused as naming a child “f…” (fix43c, 1): 'little', 'much', 'more',
'less' and 'enough' before a word such as faith, hope, joy or grace measure it, as 'no' or 'some' would, and such a
word is then the word, unless what follows is said only of a child ('little grace was happy on the visit', 'little
faith said she was scared'), where 'little' is how carers speak of a small child."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

PASSED = [
    "little faith was placed in the plan",
    "Little faith was placed in the plan",
    "little faith has been placed in services by this family",
    "much faith was placed in the plan",
    "more faith was placed in the school than in us",
    "little joy was observed in the home",
    "little hope of change",
    "little joy in the home",
    "there was little joy in the home and little faith was placed in the plan",
    "little grace was shown to her by the school",
]

REFUSED = [
    ("little grace was happy on the visit", "grace"),
    ("Little Grace was happy on the visit", "Grace"),
    ("little faith said she was scared", "faith"),
    ("little faith was upset at contact", "faith"),
    ("little hope cried when mum left", "hope"),
    ("little jack was placed with his nan", "jack"),
    ("little joy was seen alone at school", "joy"),
]


@pytest.mark.parametrize("text", PASSED)
def test_a_measured_word_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@pytest.mark.parametrize(("text", "name"), REFUSED)
def test_a_little_child_told_of_as_a_child_is_still_refused(council_screen: Screen, text: str,  # noqa: F811
                                                           name: str) -> None:
    assert ("name", name) in found(council_screen, text)


@given(st.sampled_from(["little", "much", "more", "less"]),
       st.sampled_from(["faith", "hope", "joy", "grace", "trust", "patience"]),
       st.sampled_from(["was placed in the plan", "was shown by the family", "has been placed in the professionals",
                        "was observed during the visit", "was expressed at the meeting"]),
       st.sampled_from(["", "there was concern that ", "on review, "]))
def test_a_measured_abstract_word_with_a_things_passive_passes(identifier_screen: Screen, measure: str, word: str,
                                                               said: str, lead: str) -> None:
    """However the sentence opens, a measure before an abstract word that a thing's passive follows names no one."""
    assert found(identifier_screen, f"{lead}{measure} {word} {said}") == []


@given(st.sampled_from(["faith", "hope", "joy", "grace"]),
       st.sampled_from(["was happy on the visit", "said she was scared", "cried at school", "was upset at contact",
                        "was seen alone", "is 4 and at nursery"]))
def test_little_before_a_name_told_of_as_a_child_is_refused(identifier_screen: Screen, name: str, said: str) -> None:
    assert ("name", name) in found(identifier_screen, f"little {name} {said}")
