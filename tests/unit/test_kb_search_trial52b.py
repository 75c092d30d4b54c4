"""Trial 52's admin questions of a team manager: someone new in the team (F1) reaches the entry on setting people up
in the bot, not the reminders entry, and a staff label such as "Social worker S2" is not read as section 2; who
covers the team while its manager is away (F6) reaches the cover entry, not an adoption entry. Their out-of-scope
neighbours (a sourdough starter, the duty manager today, a sunset) stay declined."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch
from knowledge.textterms import words_of


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


@pytest.mark.parametrize(("query", "entry"), [
    ("a new social worker S2 started in my team today, how do i set her up", "new-starter-setup"),
    ("how do i add a new starter to the bot", "new-starter-setup"),
    ("my team has a new starter", "new-starter-setup"),
    ("who covers my team while im off", "away-cover"),
    ("who is covering for my manager", "away-cover"),
])
def test_a_managers_admin_question_is_answered_with_its_entry(shipped: KnowledgeSearch, query: str,
                                                              entry: str) -> None:
    result = shipped.search(query)
    assert result.answer is not None and result.answer.entry_id == entry


def test_someone_new_in_the_team_is_never_answered_with_the_reminders_entry(shipped: KnowledgeSearch) -> None:
    result = shipped.search("a new social worker S2 started in my team today, how do i set her up")
    assert result.answer is None or result.answer.entry_id != "reminder-working-hours"


def test_who_covers_the_team_offers_no_adoption_entry_first(shipped: KnowledgeSearch) -> None:
    result = shipped.search("who covers my team while im off")
    assert result.answer is not None and not result.answer.entry_id.startswith("adoption")


@pytest.mark.parametrize("query", [
    "how do i make a sourdough starter",
    "who is the duty manager in the north team today",
    "what time does the sun set today",
    "starter for ten",
])
def test_out_of_scope_neighbours_stay_declined(shipped: KnowledgeSearch, query: str) -> None:
    result = shipped.search(query)
    assert result.answer is None
    assert not {"new-starter-setup", "away-cover"} & {match.entry_id for match in result.suggestions}


def test_the_setup_entry_says_only_an_admin_changes_the_team_list() -> None:
    answer = load_knowledge().entries["new-starter-setup"].answer
    assert "teams.yaml" in answer and "admin" in answer and "member ID" in answer


def test_the_cover_entry_says_what_a_cover_does_not_take() -> None:
    answer = load_knowledge().entries["away-cover"].answer
    assert "cover @colleague" in answer and "nobody chases" in answer


def test_a_staff_label_is_not_read_as_a_section() -> None:
    assert words_of("a new social worker S2 started") == ["a", "new", "social", "worker", "started"]
    assert words_of("Team manager N1 is off") == ["team", "manager", "is", "off"]
    assert words_of("the social worker s47 enquiry") == ["the", "social", "worker", "section", "47", "enquiry"]
    assert words_of("is this s20 or a care order") == ["is", "this", "section", "20", "or", "a", "care", "order"]


@given(role=st.sampled_from(["worker", "practitioner", "manager"]),
       letter=st.sampled_from("abcdefghijklmnopqrstuvwxyz"), digit=st.integers(0, 9),
       rest=st.text(alphabet="abcdefghij ", max_size=20))
def test_a_staff_label_never_becomes_a_section_number(role: str, letter: str, digit: int, rest: str) -> None:
    words = words_of(f"social {role} {letter.upper()}{digit} {rest}")
    assert words[:2] == ["social", role]
    assert "section" not in words and f"{letter}{digit}" not in words
