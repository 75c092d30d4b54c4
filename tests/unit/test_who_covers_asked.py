"""Trial 57 (F9): the questions read as "who covers my manager" (answered from time away, never the knowledge base),
and lines that are not: a line that names no manager of the asker's is never taken."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.asking.who_am_i import asks_who_covers


@pytest.mark.parametrize("typed", ["my manager is on leave who do i go to", "who is covering for my manager",
                                   "Who's covering for my manager?", "who covers my team manager",
                                   "who do i ask now my manager is away", "is my manager off"])
def test_the_ways_a_worker_asks_who_covers_their_manager(typed: str) -> None:
    assert asks_who_covers(typed)


@pytest.mark.parametrize("typed", ["who covers my team's audit work while i am on leave",
                                   "how do i name a cover", "my manager said the grade was wrong",
                                   "who is my manager", "im on leave till friday, tm north covering"])
def test_other_questions_about_cover_or_managers_are_not_taken(typed: str) -> None:
    assert not asks_who_covers(typed)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_a_line_naming_no_manager_is_never_taken(typed: str) -> None:
    if not any(word in typed.lower() for word in ("manager", "tm", "boss")):
        assert not asks_who_covers(typed)
