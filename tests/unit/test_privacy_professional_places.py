"""Trial 43, finding 19: professionals' names were stored ('Grace from the school said attendance is ok', 'need to
chase Dr Patel the GP and PC Jones about the DA incident') while the refusal text told people to write roles. A
person named as from or at the family's school, nursery or GP, or as their GP, is now refused with advice to write
the role; staff named beside a role with no such place, and roles alone, still pass
(bot/privacy/professional_places.py).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.privacy_bench import TUNING, load_corpus
from bot.errors import UserError
from bot.privacy.screen import Screen, screen_text


@pytest.fixture(scope="module")
def found(identifier_screen: Screen) -> Callable[[str], list[tuple[str, str]]]:
    """(kind, words) found in full mode, without the lists in its repr (hypothesis prints it)."""
    return lambda text: [(f.kind, f.words) for f in identifier_screen.find(text)]


@pytest.mark.parametrize(("typed", "shown"), [
    ("Grace from the school said attendance is ok", "“G…”"),
    ("need to chase Dr Patel the GP and PC Jones about the DA incident", "“D… P…”"),
])
def test_the_trials_texts_are_refused_asking_for_the_role(identifier_screen: Screen, typed: str, shown: str) -> None:
    for mode in ("audit", "full"):  # audit free text and a knowledge question alike
        with pytest.raises(UserError) as refused:
            screen_text(typed, identifier_screen, "your reflections", mode=mode)
        said = str(refused.value)
        assert f"{shown} looks like a professional's name beside the family's school, nursery or GP" in said
        assert "'the GP', 'the class teacher'" in said and "Grace" not in said and "Patel" not in said


@pytest.mark.parametrize("text", [
    "the IRO agreed the plan", "Team manager (South) signed off", "the GP has no concerns",
    "the class teacher said attendance is ok", "the DSL, Mr Hughes, confirmed attendance has improved",
    "Dr Okafor, paediatrician, completed the CP medical", "PC Walsh from the MASH shared police information",
    "PC Jones attended the strategy discussion", "Support from the school has been good",
    "Nobody from the nursery came to the core group", "the health visitor from the GP surgery visited",
    "Mason the IRO chaired the review", "Dr Patel the designated doctor chairs the panel",
])
def test_roles_and_staff_named_beside_a_role_still_pass(identifier_screen: Screen, text: str) -> None:
    assert identifier_screen.find(text) == []


@settings(deadline=None)
@given(person=st.sampled_from(["Grace", "Amelia", "Tunde", "Mrs Khan", "Mr Nowak", "Ms Li", "Dr Okafor", "Miss Reid"]),
       place=st.sampled_from(["from the school", "at the nursery", "from the GP surgery", "from the college",
                              "at the health centre", "from the pre-school"]),
       then=st.sampled_from(["said attendance is ok", "rang me", "will send the report", "raised a concern"]),
       before=st.sampled_from(["", "Today ", "I spoke to ", "need to chase "]))
def test_any_person_named_with_the_familys_place_is_refused(found: Callable[[str], list[tuple[str, str]]],
                                                            person: str, place: str, then: str, before: str) -> None:
    hits = found(f"{before}{person} {place} {then}")
    assert any(kind in ("professional", "name") and person.split()[-1] in words for kind, words in hits)


@settings(deadline=None)
@given(doctor=st.sampled_from(["Dr Patel", "Dr O'Brien", "Dr Nakamura", "Doctor Evans"]),
       form=st.sampled_from(["{} the GP", "{} (GP)", "GP {}", "{}, the family's GP", "{} GP"]))
def test_the_familys_gp_named_is_refused(found: Callable[[str], list[tuple[str, str]]], doctor: str,
                                         form: str) -> None:
    assert ("professional", doctor) in found(form.format(doctor) + " has no concerns")


def test_few_of_the_tuning_corporas_ordinary_sentences_are_refused(identifier_screen: Screen) -> None:
    """The rule costs at most the five 'Dr X the GP' sentences of 1,101 ordinary ones (a rule refusing every titled
    professional would cost 42)."""
    refused = [item["text"] for name in TUNING for item in load_corpus(name)
               if not item["has_identifier"] and identifier_screen.find(item["text"])]
    assert len(refused) <= 5 and all("GP" in text for text in refused), refused
