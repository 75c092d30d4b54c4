"""Trial 30 (a social worker's questions): a timescale question ending on the event it counts from is answered with
what falls due, not the event's own entry; a no-access visit "for a month" or "for 2 wks" reaches its entry; a remark
before a vague question ("my chronologies are always too long, what should go in one") keeps only what it is about;
and a holiday abroad for a child in care is answered with delegated authority, which now says who agrees."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.loader import load_knowledge
from knowledge.search import COPULAS, REMARK_HABITS, KnowledgeSearch
from tests.unit.test_kb_search_trial29 import NO_ACCESS, _reply, answered

REVIEWS = "When are child protection review conferences due?"
CHRONOLOGY = "What does a good chronology look like?"
DELEGATED = "What decisions can foster carers make without asking, under delegated authority?"


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def _asked(services: Services) -> list[tuple[str, str]]:
    return [(row["outcome"], row["entry_id"]) for row in services.storage.db["kb_asks"].rows]


# -- 1: the event a timescale counts from

@pytest.mark.parametrize(("query", "entry"), [
    ("when is the next review conference due after the icpc", "rcpc-timescale"),
    ("when is the next rcpc due after the icpc", "rcpc-timescale"),
    ("when is the second review conference due after the first review", "rcpc-timescale"),
    ("when is the core group due after the icpc", "core-group-timescale"),
    ("when's the next review conf after the icpc", "rcpc-timescale"),
    ("when is the next cp review after the first conference", "rcpc-timescale"),
])
def test_a_timescale_counted_from_an_event_is_answered_with_what_falls_due(shipped: KnowledgeSearch, query: str,
                                                                           entry: str) -> None:
    assert answered(shipped.search(query)) == entry


def test_the_event_counts_less_than_what_is_asked(shipped: KnowledgeSearch) -> None:
    terms, _, event = shipped._query_terms("when is the next review conference due after the icpc")
    assert terms["#icpc"] < terms["next"] == 1.0
    assert "#icpc" in event and "next" not in event and "review" not in event


@pytest.mark.parametrize("query", [
    "whats the process after a child dies unexpectedly",  # no timescale asked
    "when is the second looked after review",  # "looked after" is one phrase, not an event
    "what happens after the icpc",  # nothing before the event to ask about
    "when does support end after they leave care",  # a clause, not an event
    "deadline for placement plan after an emergency placement",  # no event the domain names
])
def test_an_after_that_names_no_event_a_timescale_counts_from_is_read_whole(shipped: KnowledgeSearch,
                                                                            query: str) -> None:
    read = shipped._read(query.split())
    assert shipped._anchor_at(read, shipped.vocabulary.terms(read)) is None


def test_the_trials_review_conference_question_is_answered_in_the_chat(engine: Engine, services: Services) -> None:
    reply = _reply(engine, "when is the next review conference due after the icpc")
    assert f"== {REVIEWS} ==" in reply
    assert "within 3 months of the initial conference" in reply and "no more than 6 months" in reply
    assert "Did you mean" not in reply
    assert _asked(services) == [("answer", "rcpc-timescale")]


# -- 2: no access, for a month or two weeks

@pytest.mark.parametrize("query", ["no access for a month", "no access for 2 wks", "no access for two weeks"])
def test_no_access_for_a_while_is_answered(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "no-access-visit"


@pytest.mark.parametrize("query", ["no access for a month", "no access for 2 wks"])
def test_the_trials_no_access_questions_are_answered_in_the_chat(engine: Engine, services: Services,
                                                                 query: str) -> None:
    reply = _reply(engine, query)
    assert f"== {NO_ACCESS} ==" in reply
    assert "Tell your manager the same day." in reply
    assert _asked(services) == [("answer", "no-access-visit")]


# -- 3: a remark before the question

@pytest.mark.parametrize("query", [
    "my chronologies are always too long, what should go in one",
    "our chronologies keep getting too long. what goes in one?",
    "my chronologies never seem finished, what should go in one",
])
def test_a_remark_then_a_vague_question_is_answered_from_what_the_remark_names(shipped: KnowledgeSearch,
                                                                              query: str) -> None:
    assert answered(shipped.search(query)) == "chronologies-good"


def test_a_leading_remark_keeps_what_it_is_about(shipped: KnowledgeSearch) -> None:
    assert shipped.without_remarks("my chronologies are always too long, what should go in one") == \
        "my chronologies, what should go in one"
    assert shipped.without_remarks("our core groups keep slipping. when should they be held?") == \
        "our core groups. when should they be held?"


@pytest.mark.parametrize("query", [
    "my chronologies are always too long",  # no question
    "i always forget, what is a strategy discussion",  # names nothing but the asker
    "my SM keeps booking a monthly meeting to go through team data, what is that meeting for",  # tells what happens
    "my chronologies are always too long, what should go in a chronology for a baby",  # the question says enough
])
def test_a_clause_before_the_question_that_is_no_such_remark_is_kept(shipped: KnowledgeSearch, query: str) -> None:
    assert shipped.without_remarks(query) == query


def test_the_trials_chronology_remark_is_answered_in_the_chat(engine: Engine, services: Services) -> None:
    reply = _reply(engine, "my chronologies are always too long, what should go in one")
    assert f"== {CHRONOLOGY} ==" in reply
    assert "I don't know that yet" not in reply
    assert _asked(services) == [("answer", "chronologies-good")]


THINGS = ["chronologies", "core groups", "plans", "case notes", "supervision notes", "visits", "strat minutes"]
QUESTIONS = ["what should go in one", "when are they due", "how do i do one", "what goes in them", "who attends"]
TAILS = ["too long", "late", "a mess", "slipping", "forgotten about", "really hard to do"]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=80, deadline=None)
@given(owner=st.sampled_from(["my", "our"]), thing=st.sampled_from(THINGS),
       copula=st.sampled_from(["", *sorted(COPULAS)]), habit=st.sampled_from(sorted(REMARK_HABITS)),
       tail=st.sampled_from(TAILS), mark=st.sampled_from([", ", ". ", "; ", " but "]),
       question=st.sampled_from(QUESTIONS), ending=st.sampled_from(["", "?"]))
def test_the_leading_remark_split_never_drops_the_question_or_what_it_is_about(
        shipped: KnowledgeSearch, owner: str, thing: str, copula: str, habit: str, tail: str, mark: str,
        question: str, ending: str) -> None:
    remark = " ".join(word for word in (owner, thing, copula, habit, tail) if word)
    query = f"{remark}{mark}{question}{ending}"
    kept = shipped.without_remarks(query)
    assert kept.endswith(f"{question}{ending}")  # the question, whole and last
    assert f"{owner} {thing}" in kept  # what it points back to
    if shipped._vague_question(question):  # one saying enough reads the clause before it as its story: kept
        assert tail not in kept.removesuffix(f"{question}{ending}")  # the remark itself is gone
    else:
        assert kept == query


# -- 4: a holiday abroad for a child in care

@pytest.mark.parametrize("query", [
    "foreign holiday for a looked after child, who agrees",
    "who agrees to a looked after child going on a foreign holiday",
    "whats the rule on taking a child in care abroad on holiday",
])
def test_a_holiday_abroad_for_a_child_in_care_is_answered_with_delegated_authority(shipped: KnowledgeSearch,
                                                                                   query: str) -> None:
    assert answered(shipped.search(query)) == "delegated-authority"


def test_the_trials_holiday_question_says_who_agrees(engine: Engine, services: Services) -> None:
    reply = _reply(engine, "foreign holiday for a looked after child, who agrees")
    assert f"== {DELEGATED} ==" in reply
    for said in ("care order", "without going to court",
                 "written agreement of everyone with parental responsibility", "the court's permission",
                 "section 33(7) and (8)", "section 20", "the parents decide"):
        assert said in reply
    assert _asked(services) == [("answer", "delegated-authority")]
