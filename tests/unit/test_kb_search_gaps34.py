"""Knowledge-search gaps (fix34c): a question whose words are nearly all stop words ("what if a child asks me not to
tell anyone") reaches the entry on a child's secret through its phrase, and one that says almost nothing is offered,
never answered outright; texting or messaging a young person has an entry; and "how often are review conferences held
after the icpc" is answered as "when is the next review conference due after the icpc" is."""

from __future__ import annotations

import pytest

from bot.core.knowledge import KnowledgeService
from bot.engine.routing import Engine
from knowledge.search import KnowledgeSearch
from tests.support.kb_helpers import answered, chat_text

WORKER = "U0PRAN001"
DISCLOSURE = "What do I do right now if a child discloses harm or is in immediate danger?"
REVIEW_CONFERENCES = "When are child protection review conferences due?"


@pytest.fixture
def shipped(shipped_knowledge: KnowledgeService) -> KnowledgeSearch:
    """The search service's live index of the shipped knowledge base."""
    return shipped_knowledge.current.search


def _chat(engine: Engine, line: str) -> str:
    return chat_text(engine, WORKER, line)


# -- a child asking the worker not to tell anyone

@pytest.mark.parametrize("query", ["what if a child asks me not to tell anyone",
                                   "a young person asked me not to tell anybody what she said",
                                   "the child made me promise not to tell anyone"])
def test_a_child_asking_not_to_tell_anyone_reaches_the_entry_on_a_childs_secret(shipped: KnowledgeSearch,
                                                                                 query: str) -> None:
    assert answered(shipped.search(query)) == "child-at-immediate-risk"


def test_the_chat_says_a_secret_cannot_be_promised_and_who_to_tell(engine: Engine) -> None:
    reply = _chat(engine, "what if a child asks me not to tell anyone")
    assert f"== {DISCLOSURE} ==" in reply
    assert "you cannot promise that" in reply and "explain who you will need to tell and why" in reply
    assert "What kind of questions can I ask the audit bot?" not in reply


@pytest.mark.parametrize("query", ["what if a child asks me", "what can a child ask"])
def test_a_question_saying_almost_nothing_is_offered_never_answered(shipped: KnowledgeSearch, query: str) -> None:
    result = shipped.search(query)
    assert result.outcome == "ambiguous" and result.answer is None
    assert shipped.evidence(query).vague(shipped.fit)


def test_a_short_question_that_says_enough_is_still_answered(shipped: KnowledgeSearch) -> None:
    assert not shipped.evidence("what does the IRO actually do").vague(shipped.fit)
    assert answered(shipped.search("what does the IRO actually do")) == "iro-role"


def test_the_chat_offers_a_question_saying_almost_nothing(engine: Engine) -> None:
    reply = _chat(engine, "what if a child asks me")
    assert "Did you mean" in reply
    assert "== What kind of questions can I ask the audit bot? ==" not in reply


# -- "how often" a review conference is held after the ICPC

@pytest.mark.parametrize("query", ["how often are review conferences held after the icpc",
                                   "how often are review conferences held",
                                   "when is the next review conference due after the icpc"])
def test_how_often_review_conferences_are_held_is_answered(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "rcpc-timescale"


def test_the_chat_answers_how_often_review_conferences_are_held(engine: Engine) -> None:
    reply = _chat(engine, "how often are review conferences held after the icpc")
    assert f"== {REVIEW_CONFERENCES} ==" in reply
    assert "Did you mean" not in reply


# -- texting or messaging a young person

MESSAGING = "Can I text or message a child or young person, and what are the professional boundaries?"


@pytest.mark.parametrize("query", ["can i text a 15 year old on my work phone", "is it ok to whatsapp a young person",
                                   "is it ok to text a 15 yr old on my work phone",
                                   "can i whatsapp a 16 year old from my work mobile"])
def test_texting_or_messaging_a_young_person_reaches_the_boundaries_entry(shipped: KnowledgeSearch,
                                                                          query: str) -> None:
    result = shipped.search(query)
    assert answered(result) == "messaging-young-people"
    assert result.topic is None  # a practice question, not one for the IT desk


def test_the_chat_answers_texting_a_young_person_with_work_devices_and_recording(engine: Engine) -> None:
    reply = _chat(engine, "can i text a 15 year old on my work phone")
    assert f"== {MESSAGING} ==" in reply
    assert "Work devices and work accounts only" in reply and "Record significant messages" in reply
    assert "Follow your local policy" in reply
    assert "I don't know that yet" not in reply and "IT service desk" not in reply
