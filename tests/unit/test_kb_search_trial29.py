"""Trial 29 (a social worker's questions): a no-access visit in a worker's own words reaches its entry, a question
about a relative open to the service reaches the conflict-of-interest entry rather than the entry on a plan moving
council, and a question followed by a remark ("…, mine are always too long") is answered from the question."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.services import Services
from bot.engine.routing import Engine
from knowledge.loader import load_knowledge
from knowledge.search import REMARK_HABITS, REMARK_STARTS, KnowledgeSearch, SearchResult
from tests.e2e.test_terminal_chat import drive

WORKER = "U0PRAN001"
NO_ACCESS = "What should I do when I can't see the child on a home visit (no access)?"
DISGUISED = "How do I recognise disguised compliance?"
KNOWN_FAMILY = "What should I do if a relative, friend or someone I know is open to our service (conflict of interest)?"
MOVED = "What happens when a child on a child protection plan moves to another council?"


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


def _reply(engine: Engine, question: str) -> str:
    _, out = drive(engine, [question], user=WORKER)
    return " ".join(out.split())


# -- HIGH 1: no access, in a worker's words

@pytest.mark.parametrize("query", [
    "family wont engage, not answering door or calls for 3 wks, cin plan. what do i do",
    "no access for 3 wks, what do i do",
    "havent seen the child for 3 weeks, family not answering door",
    "not seen the child for 2 weeks",
    "family not answering the door for 2 wks, what now",
    "parents wont engage and i cant get in to see the kids",
])
def test_a_no_access_visit_in_a_workers_words_is_answered(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "no-access-visit"


def test_wks_is_read_as_weeks(shipped: KnowledgeSearch) -> None:
    typed, spelt = shipped.search("no access for 3 wks"), shipped.search("no access for 3 weeks")
    assert (typed.outcome, answered(typed)) == (spelt.outcome, answered(spelt)) == ("answer", "no-access-visit")


def test_the_trials_no_access_question_gets_the_entry_and_offers_disguised_compliance(engine: Engine,
                                                                                   services: Services) -> None:
    reply = _reply(engine, "family wont engage, not answering door or calls for 3 wks, cin plan. what do i do")
    assert f"== {NO_ACCESS} ==" in reply
    assert "Tell your manager the same day." in reply
    assert DISGUISED in reply  # both fit: the other is offered beside it
    assert "I don't know that yet" not in reply
    assert [row["outcome"] for row in services.storage.db["kb_asks"].rows] == ["answer"]  # not on the QA leads' list


# -- HIGH 2: a relative's case

def test_a_relatives_case_is_not_answered_with_the_plan_moving_council(shipped: KnowledgeSearch) -> None:
    result = shipped.search("my cousin's kids have just gone on a cp plan in our LA, do i have to tell my manager?")
    assert answered(result) != "cp-transfer-in"
    first = result.answer if result.answer else result.suggestions[0]
    assert first.entry_id == "conflict-of-interest-known-family"


@pytest.mark.parametrize("query", [
    "my cousins kids are on a cp plan",
    "can i look up my nephew's file on the system",
    "my sisters kids are open to our cin team, is that a conflict of interest",
    "i know the mum on one of my colleagues cases, what should i do",
])
def test_knowing_a_family_open_to_the_service_is_answered(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "conflict-of-interest-known-family"


def test_the_trials_relative_question_offers_the_conflict_of_interest_entry_first(engine: Engine) -> None:
    reply = _reply(engine, "my cousin's kids have just gone on a cp plan in our LA, do i have to tell my manager?")
    assert f"== {MOVED} ==" not in reply  # no confident answer on the wrong subject
    assert reply.index(KNOWN_FAMILY) < reply.index(MOVED) if MOVED in reply else KNOWN_FAMILY in reply


def test_the_conflict_of_interest_entry_says_what_to_do(engine: Engine) -> None:
    reply = _reply(engine, "my cousins kids are on a cp plan")
    assert f"== {KNOWN_FAMILY} ==" in reply
    for said in ("Tell your manager", "Do not work on the case or look at the record", "declared interest is recorded",
                 "Local practice"):
        assert said in reply


# -- MEDIUM 4: a question, then a remark

@pytest.mark.parametrize("query", [
    "wat shud go in a chronology, mine are always too long",
    "what should go in a chronology, ours always end up too long",
    "how do i write a good chronology, ours are always too long",
])
def test_a_question_then_a_remark_is_answered_from_the_question(shipped: KnowledgeSearch, query: str) -> None:
    assert answered(shipped.search(query)) == "chronologies-good"


def test_the_trials_chronology_question_is_answered_in_the_chat(engine: Engine, services: Services) -> None:
    reply = _reply(engine, "wat shud go in a chronology, mine are always too long")
    assert "== What does a good chronology look like? ==" in reply
    assert [(row["outcome"], row["entry_id"]) for row in services.storage.db["kb_asks"].rows] == \
        [("answer", "chronologies-good")]


def test_a_remark_before_the_question_or_a_second_question_is_kept(shipped: KnowledgeSearch) -> None:
    assert shipped.without_remarks("mine are always too long") == "mine are always too long"
    assert shipped.without_remarks("what is a strategy discussion, i always forget, and who attends?") == \
        "what is a strategy discussion, and who attends?"
    assert shipped.without_remarks("when is the icpc due, mine are late") == "when is the icpc due"


QUESTIONS = ["wat shud go in a chronology", "when is the icpc due", "what is a strategy discussion",
             "how often should a child on a cp plan be visited", "whats section 20", "what is disguised compliance"]
REMARK_ENDS = ["too long", "late", "a mess", "confusing", "forgotten", "hard to do", "it"]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None)
@given(question=st.sampled_from(QUESTIONS), start=st.sampled_from(sorted(REMARK_STARTS | {"i", "we", "they"})),
       habit=st.sampled_from(sorted(REMARK_HABITS)), end=st.sampled_from(REMARK_ENDS),
       mark=st.sampled_from([", ", ". ", "? ", "; "]))
def test_a_remark_after_a_question_never_changes_the_answer(shipped: KnowledgeSearch, question: str, start: str,
                                                            habit: str, end: str, mark: str) -> None:
    alone = shipped.search(question)
    with_remark = shipped.search(f"{question}{mark}{start} {habit} {end}")
    assert (with_remark.outcome, answered(with_remark)) == (alone.outcome, answered(alone))


def test_a_holiday_abroad_for_a_child_in_care_is_delegated_authority_not_forced_marriage(
        shipped: KnowledgeSearch) -> None:
    """Trial 28: a QA lead saw "whats the rule on taking a child in care abroad on holiday" answered outright with the
    forced-marriage entry; holidays abroad are among the decisions delegated authority covers."""
    result = shipped.search("whats the rule on taking a child in care abroad on holiday")
    assert result.answer is not None and result.answer.entry_id == "delegated-authority"
