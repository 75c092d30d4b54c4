"""'Our visit to Blessing' was stored (fix43c, 2): a given name that is also an English word (Blessing, Favour, Gift,
Treasure, Precious, Miracle, Princess) after visiting, seeing, meeting or speaking to is the person visited, seen, met
or spoken to; so it is after the nouns and forms of those verbs practice writes ('a visit to', 'home visit to see',
'visiting', 'seeing', 'meeting with', 'speaking to'). The same words as words still pass ('a blessing in disguise',
'the gift of time', 'visited the gift shop'), and so does a feeling seen in someone ('we saw joy on his face')."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.screen import Screen
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

WORD_NAMES = ["Blessing", "Precious", "Favour", "Miracle", "Gift", "Princess", "Destiny", "Treasure", "Angel"]
MEETINGS = ["Our visit to {}", "I visited {} at home", "saw {} at school", "met {} and mum", "spoke to {} after school",
            "home visit to see {} today", "meeting {} at the contact centre", "speaking with {}, she said she was fine",
            "visiting {} at her placement", "we need to see {} on her own before the review"]

REFUSED = [
    ("Our visit to Blessing", "Blessing"),
    ("our visit to blessing went well", "blessing"),
    ("spoke to favour after school", "favour"),
    ("visited gift at home, all fine", "gift"),
    ("visiting precious at her placement", "precious"),
    ("went to see miracle on monday", "miracle"),
    ("meeting Treasure at the contact centre", "Treasure"),
    ("The home visit to see Victory and her mum was cancelled", "Victory"),
]

PASSED = [
    "a blessing in disguise",
    "the new arrangements have been a blessing in disguise for mum",
    "the gift of time",
    "we gave her the gift of time to decide",
    "visited the gift shop with mum at the hospital",
    "spoke to the princess at the pantomime",
    "saw a miracle of a change in dad",
    "we saw joy on his face when his nan arrived",
    "she saw real hope in the plan for the first time",
    "it was lovely to see joy in her face",
    "visit to Treasure Island at the theatre was his reward",
]


@pytest.mark.parametrize(("text", "name"), REFUSED)
def test_a_word_name_visited_seen_or_met_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                    name: str) -> None:
    assert ("name", name) in found(council_screen, text)


@pytest.mark.parametrize("text", PASSED)
def test_the_same_words_as_words_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@given(st.sampled_from(WORD_NAMES), st.sampled_from(MEETINGS), st.booleans())
def test_every_word_name_in_every_meeting_is_refused(identifier_screen: Screen, name: str, meeting: str,
                                                     lower: bool) -> None:
    """Capitalised mid-sentence or typed in lower case, the person met is refused."""
    text = meeting.format(name.lower() if lower else name)
    text = text.lower() if lower else text
    assert ("name", name.lower() if lower else name) in found(identifier_screen, text)
