"""Trial 49 finding 10: "home" and "school" said apart in a situation (home visits; school says attendance is 60%) no
longer read as home schooling, so the entry on elective home education is not offered; questions that do say home
schooling, or a school attendance order, still reach it."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

SEARCH = KnowledgeSearch(load_knowledge())
EHE = "elective-home-education"


def offered(question: str) -> list[str]:
    """Every entry the reply shows: the answer, then the suggestions or related entries."""
    result = SEARCH.search(question)
    return [match.entry_id for match in ((result.answer,) if result.answer else ()) + result.suggestions]


@pytest.mark.parametrize("question", [
    "mum keeps cancelling home visits and says kids are at nans, dad not engaging, school says attendance 60%, "
    "what do i do",
    "mum keeps cancelling home visits and the school says his attendance is poor"])
def test_home_visits_and_school_attendance_do_not_offer_home_education(question: str) -> None:
    shown = offered(question)
    assert EHE not in shown
    assert "no-access-visit" in shown or "disguised-compliance" in shown


@pytest.mark.parametrize("question", ["mum is home schooling him now, is that a safeguarding concern",
                                      "can the council issue a school attendance order"])
def test_home_schooling_still_reaches_home_education(question: str) -> None:
    assert offered(question)[:1] == [EHE]
