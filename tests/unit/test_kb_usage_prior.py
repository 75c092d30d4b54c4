"""Learning from use as a prior: an entry people keep picking is answered on a smaller lead when both rankings put
it first (`SearchFit.usage_lead`, fitted by bench/fit_usage.py on the tuning sets' learning simulation)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.loader import load_knowledge
from knowledge.search import FIT_FILE, Evidence, KnowledgeSearch, Match, SearchFit, decide

ICPC = Match("icpc-timescale", "When is the initial child protection conference due?", 84.0)
RCPC = Match("rcpc-timescale", "When are review child protection conferences due?", 81.5)


@pytest.fixture(scope="module")
def search() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def close_call(uses: int) -> Evidence:
    """Both rankings put the initial conference first, 2.5 points ahead of the review conference."""
    return Evidence((ICPC, RCPC), (ICPC, RCPC), uses=uses)


def test_a_close_call_is_offered_until_people_have_picked_that_entry() -> None:
    fit = SearchFit(agree_score=44.0, agree_margin=6.0, usage_lead=3.0)
    assert decide("first conference timescale", close_call(0), fit).outcome == "ambiguous"
    answered = decide("first conference timescale", close_call(2), fit)
    assert (answered.outcome, answered.answer and answered.answer.entry_id) == ("answer", "icpc-timescale")


def test_without_a_fitted_prior_picks_change_nothing() -> None:
    fit = SearchFit(agree_score=44.0, agree_margin=6.0, usage_lead=0.0)
    assert decide("first conference timescale", close_call(50), fit).outcome == "ambiguous"


def test_picks_never_answer_what_bm25_puts_elsewhere() -> None:
    fit = SearchFit(agree_score=44.0, agree_margin=6.0, usage_lead=3.0)
    disagreed = Evidence((ICPC, RCPC), (RCPC, ICPC), uses=100)
    assert decide("first conference timescale", disagreed, fit).outcome == "ambiguous"


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=10_000))
def test_more_picks_never_make_an_answer_less_likely(fewer: int, more: int) -> None:
    fewer, more = sorted((fewer, more))
    fit = SearchFit(agree_score=44.0, agree_margin=6.0, usage_lead=3.0)
    if decide("q", close_call(fewer), fit).outcome == "answer":
        assert decide("q", close_call(more), fit).outcome == "answer"


def test_the_shipped_search_answers_a_new_wording_of_an_entry_people_keep_picking(search: KnowledgeSearch) -> None:
    question = "is it 15 working days from the strat to conference"
    assert search.search(question).outcome == "ambiguous"
    learned = search.with_learned([("icpc-timescale", "wen does the initial cp conferance hav to b held"),
                                   ("icpc-timescale", "when must the first child protection conference happen")])
    result = learned.search(question)
    assert (result.outcome, result.answer and result.answer.entry_id) == ("answer", "icpc-timescale")
    # the review conference's own questions are not pulled to the popular entry
    review = learned.search("how often are review child protection conferences held")
    assert review.answer is not None and review.answer.entry_id == "rcpc-timescale"


def test_picks_are_counted_per_entry_and_a_repeated_pick_once(search: KnowledgeSearch) -> None:
    learned = search.with_learned([("icpc-timescale", "first conf when"), ("icpc-timescale", "first conf when"),
                                   ("rcpc-timescale", "review conf how often")])
    assert learned.uses == {learned.numbers["icpc-timescale"]: 1, learned.numbers["rcpc-timescale"]: 1}
    assert search.uses == {}  # the index learned from is left as it was


def test_the_shipped_fit_records_the_fitted_prior() -> None:
    record = json.loads(FIT_FILE.read_text(encoding="utf-8"))
    assert SearchFit.load().usage_lead == record["usage_lead"] > 0
