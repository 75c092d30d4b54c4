"""A trial and a sweep (fix44c) found names the screen let through, each now refused with the usual refusal:
- a professional named, in any case, with 'the' and the family's GP or school role after the name ('spoke to dr patel
  the gp', 'rang mrs khan the dsl', 'mr obi the head said', 'Mrs Khan the DSL'; bot/privacy/professional_places.py);
- a word that is a child's name watched over, with 'she' or 'he' after it ('keep an eye on success as she seems low');
- a pet name standing for one child ('lil man was upset', 'spoke to little man'; bot/privacy/pet_names.py).
The ordinary sentences closest to them pass: roles alone, 'success of the plan', 'little progress', 'the little man',
'the baby girl'. The sweep's own items are in tests/data/privacy/corpus_tuning6.yaml."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.privacy_bench import load_corpus, measure, new_screen
from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text
from tests.unit.test_privacy_lower_case import found

Found = Callable[[str], list[tuple[str, str]]]


@pytest.fixture(scope="module")
def find(identifier_screen: Screen) -> Found:
    """(kind, words) found, without the screen's lists in a repr (hypothesis prints its arguments)."""
    return lambda text: found(identifier_screen, text)

REFUSED = [
    ("spoke to dr patel the gp", "professional", "dr patel"),
    ("rang mrs khan the dsl", "professional", "mrs khan"),
    ("mr obi the head said attendance is poor", "professional", "mr obi"),
    ("Mrs Khan the DSL reports improved attendance", "professional", "Mrs Khan"),
    ("need to chase miss wojcik the class teacher", "name", "miss wojcik"),  # found as a name first
    ("keep an eye on success as she seems low", "name", "success"),
    ("I have asked the school to keep an eye on success as she seems low", "name", "success"),
    ("worried about grace because she has stopped eating", "name", "grace"),
    ("lil man was upset", "name", "lil man"),
    ("little man was really chatty today", "name", "little man"),
    ("spoke to lil man about school", "name", "lil man"),
    ("little miss told me she likes her room", "name", "little miss"),
]

PASSED = [
    "success of the plan", "the school's DSL", "the GP said", "spoke to the gp", "little progress", "the dsl rang",
    "the DSL, Mr Hughes, confirmed attendance has improved", "Mr Smith the head of service chaired the gateway",
    "we miss appointments the gp offers", "Dr Patel the designated doctor chairs the panel",
    "keep an eye on money as she is in debt", "keep an eye on mum as she is struggling",
    "keep an eye on progress as he settles", "keep an eye on attendance as it has dipped",
    "the little man was upset", "a little man came to the door", "the baby girl was upset", "the baby was upset",
    "little one was asleep when we arrived", "we saw success with the new routine",
]


@pytest.mark.parametrize(("text", "kind", "words"), REFUSED)
def test_what_the_sweep_found_is_refused(identifier_screen: Screen, text: str, kind: str, words: str) -> None:
    assert (kind, words) in found(identifier_screen, text)


@pytest.mark.parametrize("text", PASSED)
def test_the_ordinary_sentences_closest_to_them_pass(identifier_screen: Screen, text: str) -> None:
    assert found(identifier_screen, text) == []


def test_the_refusal_asks_for_the_role_and_masks_the_name(identifier_screen: Screen) -> None:
    with pytest.raises(UserError) as refused:
        screen_text("rang mrs khan the dsl about attendance", identifier_screen, "your question")
    said = str(refused.value)
    assert "“m… k…” looks like a professional's name beside the family's school, nursery or GP" in said
    assert "khan" not in said


@settings(deadline=None)
@given(title=st.sampled_from(["dr", "Dr", "mr", "Mrs", "mrs", "ms", "Miss", "miss"]),
       name=st.sampled_from(["patel", "Khan", "obi", "nowak", "Okafor", "wojcik"]),
       role=st.sampled_from(["gp", "GP", "dsl", "DSL", "head", "headteacher", "class teacher", "SENCO"]),
       before=st.sampled_from(["", "spoke to ", "rang ", "need to chase "]),
       then=st.sampled_from(["", " said attendance is ok", " will send the report"]))
def test_a_titled_name_then_the_familys_role_is_refused(find: Found, title: str, name: str, role: str, before: str,
                                                        then: str) -> None:
    assert find(f"{before}{title} {name} the {role}{then}")  # refused ('Miss patel': the finder's “Miss” first)


@settings(deadline=None)
@given(pet=st.sampled_from(["lil man", "little man", "Little Man", "lil miss", "little lady"]),
       said=st.sampled_from(["was upset", "said he was scared", "didnt want to talk", "was really chatty today"]),
       which=st.sampled_from(["the", "a", "his", "our"]))
def test_a_pet_name_is_refused_bare_and_passes_described(find: Found, pet: str, said: str, which: str) -> None:
    assert ("name", pet) in find(f"{pet} {said}")
    assert not any(pet in words for _, words in find(f"{which} {pet} {said}"))


def test_the_sweep_corpus_figures(identifier_screen: Screen) -> None:
    figures = measure(load_corpus("tuning6"), new_screen(identifier_screen))
    assert [item["text"] for item in figures.missed] == []
    assert figures.over_refused == []
