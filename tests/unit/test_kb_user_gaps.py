"""Questions users asked that the knowledge base missed: each now reaches the entry that answers it, and the
nearby wording that means something else does not."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="module")
def shipped(knowledge: KnowledgeBase) -> KnowledgeSearch:
    return KnowledgeSearch(knowledge)


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


def offered(result: SearchResult) -> list[str]:
    """The entries a person sees: the answer first, then the suggestions."""
    return ([result.answer.entry_id] if result.answer else []) + [match.entry_id for match in result.suggestions]


@pytest.mark.parametrize("query", [
    "can i audit my own case",  # was "Did you mean" starting an audit, themed audits, re-audits
    "can a manager audit their own cases",
    "can i audit a case i hold",
])
def test_auditing_your_own_case_gets_the_independence_rule(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "audit-independence"


@pytest.mark.parametrize("query", ["I need to audit a case", "how do i audit a case"])
def test_auditing_a_case_is_not_read_as_auditing_your_own(shipped: KnowledgeSearch, query: str) -> None:
    """"own" is a small word: read as nothing, "audit my own case" would be "audit a case", and every question
    about auditing a case would get the rule on cases you hold. "own case" is one idea of its own instead."""
    result = shipped.search(query)
    assert answered(result) != "audit-independence"
    assert "audit-independence" not in offered(result)[:1]


def test_self_audit_before_supervision_keeps_its_entry(shipped: KnowledgeSearch) -> None:
    assert answered(shipped.search("should i self audit my own case before supervision")) == \
        "own-case-before-supervision"


@pytest.mark.parametrize("query", ["how do i get some demo data", "can we have some example data to show the team"])
def test_demo_data_says_it_is_loaded_on_the_command_line(shipped: KnowledgeSearch, knowledge: KnowledgeBase,
                                                          query: str) -> None:
    """A head of service trying the bot got "I don't know": "demo" was read as the start of "demographic". (The second
    wording leads by 5 points: under the fit on six tuning sets, agree margin 6, it is offered first, not answered.)"""
    result = shipped.search(query)
    assert (result.answer or result.suggestions[0]).entry_id == "demo-data"
    answer = knowledge.entries["demo-data"].answer
    assert "Not from Slack" in answer
    assert "`audit-bot demo-data`" in answer
    assert "`audit-bot demo-data --remove`" in answer


def test_a_drifting_plan_with_meetings_cancelled_is_offered_drift_and_delay(shipped: KnowledgeSearch) -> None:
    """It ranked the entry on drift ninth: the message's words are mostly about the cancelled core group."""
    result = shipped.search("core group has been cancelled twice and the plan is drifting, what should I do")
    assert offered(result)[0] == "drift-and-delay"
