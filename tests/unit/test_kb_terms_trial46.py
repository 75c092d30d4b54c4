"""Trial 46: "whats the rule of optimism" was only hedged towards professional curiosity, and "what is the lscp" was
answered with joint targeted area inspections: terms the knowledge base's answers use had no entry of their own."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch


@pytest.mark.parametrize(("question", "entry"), [
    ("whats the rule of optimism", "rule-of-optimism"), ("rule of optimism", "rule-of-optimism"),
    ("what is the lscp", "safeguarding-partners"), ("who are the safeguarding partners", "safeguarding-partners"),
])
def test_the_terms_are_answered_with_their_own_entry(shipped: KnowledgeSearch, question: str, entry: str) -> None:
    result = shipped.search(question)
    assert result.outcome == "answer" and result.answer is not None and result.answer.entry_id == entry


def test_the_rule_of_optimism_points_to_professional_curiosity_and_disguised_compliance(kb: KnowledgeBase) -> None:
    entry = kb.entries["rule-of-optimism"]
    assert {"professional-curiosity", "disguised-compliance"} <= set(entry.related)
    assert "*Audit tip:*" in entry.answer and entry.source and entry.owner and entry.review_by
    assert "rule-of-optimism" in kb.entries["professional-curiosity"].related
