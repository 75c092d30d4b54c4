"""Knowledge-base content trial 70 found wanting: what percent of audits is moderated answered with the agreement
rate (A)."""

from __future__ import annotations

import pytest

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch

KB = load_knowledge()
SEARCH = KnowledgeSearch(KB)


def answered(question: str) -> str | None:
    """The entry the bot answers the question with outright, or None when it only offers or declines."""
    result = SEARCH.search(question)
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize("question", [
    "what percent of audits are moderated",
    "what per cent of audits get moderated",
    "how many audits get moderated",
    "what proportion of audits are moderated",
    "share of audits moderated",
])
def test_what_share_of_audits_is_moderated_is_answered_with_the_moderation_entry(question: str) -> None:
    """A: "percent" was not read as "percentage", so the agreement rate's "80 percent" won the question."""
    assert answered(question) == "moderation-agreement"


def test_an_agreement_rate_given_in_percent_still_gets_the_agreement_rate() -> None:
    assert answered("our agreement rate is 60 percent, is that bad") == "agreement-rate"
