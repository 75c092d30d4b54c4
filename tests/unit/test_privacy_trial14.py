"""Trial 14's privacy findings (session 14).

F14. 'the child is known as KB', 'the child is known as KB on the system' and 'mum calls her KB' were stored or
     answered (KB read as the knowledge base): after a calling phrase said of a person (the child is known as, she
     goes by, mum calls her, his friends call him) the letters are the person's initials whatever else they spell;
     only a practice term stays one there ('she was known as CIN', 'call her GP'). Said of no person ('also known as
     KB', 'this is known as CP', 'the meeting is known as an ICPC') any acronym the bot knows still passes.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from bot.privacy.initials import load_acronyms, practice_terms
from bot.privacy.screen import Screen
from tests.unit.test_privacy_leftovers14 import PRACTITIONER, _asked  # noqa: F401  (shared)
from tests.unit.test_privacy_lower_case import council_screen, found  # noqa: F401  (the fixture, shared)

Finder = Callable[[str], list[tuple[str, str]]]


@pytest.fixture(scope="module")
def find(council_screen: Screen) -> Finder:  # noqa: F811
    """The screen's find, without the lists in its repr (hypothesis prints the arguments of a failing example)."""
    return lambda text: found(council_screen, text)


# -- F14. a person's initials that spell an acronym the bot knows

@pytest.mark.parametrize(("text", "name"), [
    ("the child is known as KB", "KB"), ("the child is known as KB on the system", "KB"), ("mum calls her KB", "KB"),
    ("his friends call him KB", "KB"), ("she's also known as KB at school", "KB"), ("he goes by KB", "KB"),
    ("the young person is known as KB by staff", "KB"), ("they call her KB at the unit", "KB"),
])
def test_a_persons_letters_that_spell_the_knowledge_base_are_refused(council_screen: Screen, text: str,  # noqa: F811
                                                                    name: str) -> None:
    assert ("name", name) in found(council_screen, text)


@pytest.mark.parametrize("text", [
    "the meeting is known as an ICPC", "this is known as CP", "also known as LAC", "also known as KB",
    "the knowledge base, also known as KB, has the answer", "she was known as CIN until the review stepped it down",
    "please call her GP tomorrow", "call her AM tomorrow", "call her MUM",
])
def test_an_acronym_said_of_no_person_or_a_practice_term_passes(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


_KNOWN_NOT_PRACTICE = sorted(w for w in load_acronyms() - practice_terms() if len(w) in (2, 3) and w.isalpha()
                             and w.casefold() not in {"mum", "dad", "nan", "mam", "mom"})


@given(letters=st.sampled_from(_KNOWN_NOT_PRACTICE),
       said=st.sampled_from(["the child is known as {}", "mum calls her {}", "he's known as {} at school",
                             "his friends call him {}"]))
def test_any_known_acronym_but_a_practice_term_said_of_a_person_is_refused(find: Finder, letters: str,
                                                                           said: str) -> None:
    assume(len(letters) == 2 or "call" in said)  # three letters after 'known as' are the name finder's to judge
    assert ("name", letters) in find(said.format(letters))


@given(letters=st.sampled_from(sorted(load_acronyms())),
       said=st.sampled_from(["also known as {}", "this is known as {}", "the meeting is known as {}"]))
def test_any_known_acronym_said_of_no_person_passes(find: Finder, letters: str, said: str) -> None:
    assert find(said.format(letters)) == []


def test_a_question_naming_a_child_kb_is_refused_not_answered(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "the child is known as KB on the system")
    assert "“KB” looks like a child's or family member's name" in reply
    assert "knowledge base" not in reply.casefold()
    assert services.storage.db["kb_asks"].count == 0
