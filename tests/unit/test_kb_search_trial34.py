"""Trial 34 (a South social worker's questions on her phone): a parent refusing entry, a statutory visit that will be
late, how quickly an assessment must be done, making case recording better, what a manager's audit of a neglect
case looks at ("next wk"), direct work ideas and "voice of teh child": each reaches the entry meant, not a "Did you
mean…" led by another entry or nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from bot.audits.checklist_asked import checklist_meant
from bot.core.replies import Reply
from bot.engine.routing import Engine
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
WORKER = "U0PRAS001"


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize(("query", "entry"), [
    ("dad wont let me in the house what do i do", "no-access-visit"),
    ("i cant get out to do the cp visit in time this week, what do i do", "statutory-visit-late"),
    ("i cant get out to do the visit in time this week, im off sick tmrw", "statutory-visit-late"),
    ("how quick does an assessment have to be done", "assessment-timescale"),
    ("how do i make my case recording better for audit", "case-recording-good"),
    ("direct work ideas for a 6yo", "direct-work-tools"),
    ("voice of teh child whats good", "voice-of-the-child-good"),
])
def test_the_trials_questions_reach_the_entry_meant(shipped: KnowledgeSearch, query: str, entry: str) -> None:
    assert answered(shipped.search(query)) == entry


def test_a_missed_cp_visit_is_offered_first_where_its_lead_is_narrow(shipped: KnowledgeSearch) -> None:
    """4 points ahead of the entry on child protection visits, with BM25 agreeing: answered outright under the fit on
    four tuning sets (agree margin 4), "Did you mean…" with it first under the fit on six (agree margin 6, kb37)."""
    result = shipped.search("im going to miss the 10 day cp visit, what do i do")
    assert (result.answer or result.suggestions[0]).entry_id == "statutory-visit-late"


def test_a_late_statutory_visit_says_to_tell_the_manager_before_it_is_due() -> None:
    entry = load_knowledge().entries["statutory-visit-late"]
    assert "*before it is due*" in entry.answer
    assert "*Arrange cover*" in entry.answer and "*Record the reason*" in entry.answer


def test_next_wk_is_next_week_when_asking_what_an_audit_will_look_at() -> None:
    assert checklist_meant("my TM is auditing my neglect case next wk what will she look at") == "neglect"


def test_the_manager_auditing_next_wk_shows_the_neglect_checklist(engine: Engine) -> None:
    with time_machine.travel(NOW, tick=False):
        replies: list[Reply] = engine.message(
            WORKER, "my TM is auditing my neglect case next wk what will she look at", surface="terminal")
    shown = "\n".join(f"{r.title or ''}\n{r.text}" for r in replies)
    assert shown.startswith("Neglect\n") and "This is what an audit asks" in shown, shown
    assert "Did you mean" not in shown
