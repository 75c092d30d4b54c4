"""Trial 14's privacy findings (session 14).

F14. 'the child is known as KB', 'the child is known as KB on the system' and 'mum calls her KB' were stored or
     answered (KB read as the knowledge base): after a calling phrase said of a person (the child is known as, she
     goes by, mum calls her, his friends call him) the letters are the person's initials whatever else they spell;
     only a practice term stays one there ('she was known as CIN', 'call her GP'). Said of no person ('also known as
     KB', 'this is known as CP', 'the meeting is known as an ICPC') any acronym the bot knows still passes.
F15. 'the child's school is St Johns and they are worried', 'the child goes to St Johns', 'her school, St Johns, is
     worried' and 'the child's nursery is Little Acorns' were stored: a saint's name after 'goes to' or 'attends',
     and a capitalised name after 'school is', 'nursery is' or 'her school,' is the school's name; 'goes to school',
     'the school is worried', 'attends CAMHS', 'goes to Early Help', 'the school is Roman Catholic' stay practice.
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
    assert "“K…” looks like a child's or family member's name" in reply
    assert "knowledge base" not in reply.casefold()
    assert services.storage.db["kb_asks"].count == 0


# -- F15. a school or nursery named without 'school'

@pytest.mark.parametrize(("text", "school"), [
    ("the child's school is St Johns and they are worried", "St Johns"), ("the child goes to St Johns", "St Johns"),
    ("her school, St Johns, is worried", "St Johns"), ("the child's nursery is Little Acorns", "Little Acorns"),
    ("her nursery is Busy Bees", "Busy Bees"), ("his school is Oakwood", "Oakwood"),
    ("he attends St Johns", "St Johns"),
    ("the school is Kingsmead and they have been great", "Kingsmead"), ("she goes to St Anne's", "St Anne's"),
    ("his college was Leeds City College", "Leeds City College"), ("the child's school is st johns", "st johns"),
])
def test_a_school_named_by_what_is_said_around_it_is_refused(council_screen: Screen, text: str,  # noqa: F811
                                                            school: str) -> None:
    assert ("school", school) in found(council_screen, text)


ORDINARY = [
    "the child goes to school", "attends nursery", "the school is worried", "goes to the GP", "attends CAMHS",
    "goes to Early Help", "the school is Roman Catholic", "the school is Outstanding",
    "the school is Requires Improvement", "the school is Good according to Ofsted",
    "the school, CAMHS and the GP all came", "the school, Early Help, police and health all attended",
    "the school, Police and Health attended", "the nursery is Ofsted registered", "the school was Catholic",
    "school, GP and CAMHS to be invited", "goes to St Thomas hospital for her clinic", "the school is aware",
    "she goes to St Marys church on Sundays", "goes to St Lukes hospice for respite", "the college is Ofsted Good",
    "the school, Health Visitor and GP were invited", "her school is Catholic and they offered counselling",
    "her school is Welsh-medium", "the nursery is Monday to Friday", "the school is Church of England",
    "the family moved from St Helens last year", "mum goes to St Albans to see her sister",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_words_about_a_school_pass(council_screen: Screen, text: str) -> None:  # noqa: F811
    assert found(council_screen, text) == []


@given(cue=st.sampled_from(["the child's school is", "her nursery is", "his school was", "the child goes to",
                            "she attends", "her school,"]),
       saint=st.sampled_from(["St Johns", "St Anne's", "Saint Bede's", "St. Marys", "St Wilfrid"]),
       ending=st.sampled_from(["", " and they are worried", ", they rang today", " since September"]))
def test_a_saints_school_after_any_cue_is_refused(find: Finder, cue: str, saint: str, ending: str) -> None:
    assert any(kind == "school" for kind, _ in find(f"{cue} {saint}{ending}"))


def test_a_question_naming_the_childs_school_is_not_stored(engine: Engine, services: Services) -> None:
    reply = _asked(engine, "the child's school is St Johns and they are worried, what do I do")
    assert "“S… J…” looks like a school's name" in reply
    assert services.storage.db["kb_asks"].count == 0
