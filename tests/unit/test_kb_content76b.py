"""Knowledge-base content trial 62 found wanting (fix76b): "how long have we got to finish a s47" got Did-you-mean
(F14), the deprivation of liberty entry left out a 16 or 17 year old who lacks capacity (F15), and the IRO and guardian
entries said nothing of when the IRO goes to Cafcass or when a guardian is appointed (F16). (The National Transfer
Scheme and Lifelong Links entries, F12 and F13, broke the tuning rule and wait on their own branch.)"""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered_to


@pytest.mark.parametrize("question", [
    "how long have we got to finish a s47",
    "how long have we got to finish a section 47",
    "s47 timescales",
])
def test_how_long_to_finish_a_section_47_is_answered_outright(question: str, shipped: KnowledgeSearch) -> None:
    """F14: Did-you-mean before, though the section 47 entry holds the 45 working days."""
    assert answered_to(shipped, question) == "section-47-enquiries"


def test_deprivation_of_liberty_for_a_16_year_old_names_the_court_of_protection_and_dols(
        kb: KnowledgeBase, shipped: KnowledgeSearch) -> None:
    """F15"""
    assert answered_to(shipped, "when do we need a court order for a deprivation of liberty for a 16 year old") == \
        "deprivation-of-liberty-children"
    answer = kb.entries["deprivation-of-liberty-children"].answer
    assert "*A 16 or 17 year old who lacks capacity*" in answer and "*Court of Protection*" in answer
    assert "do not apply under 18" in answer


def test_the_iro_entry_says_when_and_how_a_case_goes_to_cafcass(kb: KnowledgeBase, shipped: KnowledgeSearch) -> None:
    """F16"""
    assert answered_to(shipped, "when should the IRO escalate to cafcass") == "iro-role"
    answer = kb.entries["iro-role"].answer
    assert "*Referral to Cafcass* (section 25B(3), the last resort)" in answer
    assert "the dispute resolution process is exhausted" in answer and "rights or welfare at risk" in answer


def test_the_guardian_entry_says_when_the_guardian_is_appointed(kb: KnowledgeBase, shipped: KnowledgeSearch) -> None:
    """F16"""
    question = "when is a childrens guardian appointed in care proceedings and what do they do"
    assert answered_to(shipped, question) == "childrens-guardian-cafcass"
    assert "as soon as practicable after the council's application is issued" in \
        kb.entries["childrens-guardian-cafcass"].answer
