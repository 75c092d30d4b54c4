"""Knowledge-base content trial 60 found wanting (fix74d): a family network meeting answered as if it were a family
group conference (F27); children sharing nudes answered only by the online-harm entry (F23); the LADO's "1 working
day" read as the LADO's own timescale (F26); a parent refusing a home visit offered only Did-you-mean (D4)."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered_to


@pytest.mark.parametrize("question", [
    "what is a family network meeting and is it the same as a family group conference",
    "what is a family network meeting",
    "is a family network meeting the same as an fgc",
    "difference between a family network meeting and an fgc",
    "who comes to a family network meeting",
])
def test_a_family_network_meeting_gets_its_own_entry(question: str, shipped: KnowledgeSearch) -> None:
    """F27: "family network meeting" was an alternative of the FGC entry, so the answer implied they were one."""
    assert answered_to(shipped, question) == "family-network-meeting"


def test_the_family_network_meeting_entry_says_how_it_differs_from_an_fgc(kb: KnowledgeBase) -> None:
    entry = kb.entries["family-network-meeting"]
    assert entry.answer.startswith("*Not quite the same.*")
    assert "an FGC has an *independent coordinator*" in entry.answer
    assert "*private family time*" in entry.answer
    assert "family-group-conference" in entry.related
    assert "family-network-meeting" in kb.entries["family-group-conference"].related


def test_the_fgc_entry_no_longer_claims_the_family_network_meeting(kb: KnowledgeBase) -> None:
    assert "family network meeting" not in kb.entries["family-group-conference"].alternatives


def test_a_family_network_meeting_is_not_the_same_word_as_fgdm_or_an_fgc(kb: KnowledgeBase) -> None:
    groups = [group for group in (*kb.vocabulary, *kb.concepts) if "family network meeting" in group]
    assert len(groups) == 1 and "fgdm" not in groups[0] and "fgc" not in groups[0]


@pytest.mark.parametrize("question", [
    "what is a family group conference",
    "when should i offer an fgc",
    "fgc coordinator",
])
def test_family_group_conference_questions_still_get_the_fgc_entry(question: str, shipped: KnowledgeSearch) -> None:
    assert answered_to(shipped, question) == "family-group-conference"


@pytest.mark.parametrize("question", [
    "a 14 year old sent a nude photo to her boyfriend and its been shared round the school, what should i do",
    "nudes shared at school",
    "sharing nudes and semi-nudes",
    "does the school have to tell the police about nudes shared between pupils",
])
def test_nudes_shared_between_children_get_the_ukcis_entry(question: str, shipped: KnowledgeSearch) -> None:
    """F23: the online-harm entry answered, with none of the UKCIS advice."""
    assert answered_to(shipped, question) == "sharing-nudes-semi-nudes"


def test_the_sharing_nudes_entry_gives_the_ukcis_advice(kb: KnowledgeBase) -> None:
    entry = kb.entries["sharing-nudes-semi-nudes"]
    assert "*In a school, the DSL leads.*" in entry.answer
    for referral_reason in ("an adult is involved", "coercion, blackmail or grooming", "under 13",
                            "immediate risk of serious harm"):
        assert referral_reason in entry.answer
    assert "*Never view, copy, print, forward or delete the images,*" in entry.answer
    assert "*Report Remove* (Childline and the Internet Watch Foundation)" in entry.answer
    assert "online-harm" in entry.related and "sharing-nudes-semi-nudes" in kb.entries["online-harm"].related


@pytest.mark.parametrize("question", [
    "sextortion",
    "teenager being blackmailed after sending nudes online, how do we respond",
    "child groomed online by an adult pretending to be a teenager",
])
def test_blackmail_and_grooming_online_still_get_the_online_harm_entry(question: str, shipped: KnowledgeSearch) -> None:
    assert answered_to(shipped, question) == "online-harm"


@pytest.mark.parametrize("question", ["how long does the LADO have to respond", "lado timescales"])
def test_the_lados_own_timescales_are_told_apart_from_the_day_to_tell_the_lado(
        question: str, kb: KnowledgeBase, shipped: KnowledgeSearch) -> None:
    """F26: "Contact the LADO, within 1 working day" was the only timescale, read as the LADO's response time."""
    assert answered_to(shipped, question) == "lado"
    answer = kb.entries["lado"].answer
    assert "*The LADO's own timescales:* the 1 working day is yours, to tell the LADO." in answer
    assert "The LADO considers a referral promptly, usually within 1 working day" in answer
    assert "80% of cases resolved within a month, 90% within three months, nearly all within a year" in answer


def test_a_foster_carer_allegation_still_gets_when_to_contact_the_lado(shipped: KnowledgeSearch) -> None:
    question = "a foster carer has been accused of hitting a child, when do i contact the LADO"
    assert answered_to(shipped, question) == "lado"


@pytest.mark.parametrize("question", [
    "a parent refuses to let me in for a home visit",
    "dad refuses to let me in for the home visit",
    "parent refuses home visit what do i do",
])
def test_a_parent_refusing_a_home_visit_gets_the_no_access_entry(question: str, shipped: KnowledgeSearch) -> None:
    """D4: "Did you mean… disguised compliance; parents recording; seen alone", none of them the no-access entry."""
    assert answered_to(shipped, question) == "no-access-visit"


@pytest.mark.parametrize("question", ["mum refuses to let me in when i visit",
                                      "the parents refuse to let me in for my visit"])
def test_a_refused_visit_in_fewer_words_offers_the_no_access_entry_first(
        question: str, shipped: KnowledgeSearch) -> None:
    result = shipped.search(question)
    first = result.answer if result.outcome == "answer" else result.suggestions[0]
    assert first is not None and first.entry_id == "no-access-visit"


def test_a_father_refusing_during_section_47_enquiries_still_gets_the_consent_entry(shipped: KnowledgeSearch) -> None:
    question = ("Strategy meeting agreed enquiries but dad is refusing to let us see the kids and says we need his "
                "permission. Do we?")
    assert answered_to(shipped, question) == "section-47-parental-consent"
