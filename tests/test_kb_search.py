"""Search answers what practitioners ask, offers choices when unsure, and admits what it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchResult, to_json

DATA = Path(__file__).parent / "data"
QUERIES = DATA / "kb_queries.yaml"


@pytest.fixture(scope="module")
def small() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge(DATA / "kb_fixtures" / "search"))


@pytest.fixture(scope="module")
def shipped() -> KnowledgeSearch:
    return KnowledgeSearch(load_knowledge())


def answered(result: SearchResult) -> str | None:
    return result.answer.entry_id if result.outcome == "answer" and result.answer else None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("when is the ICPC due?", "icpc-timescale"),  # acronym in the query, meaning in the entry
        ("initial child protection conference deadline", "icpc-timescale"),  # and the other way round
        ("What does the local authority designated officer do?", "lado"),
        ("how often do I visit a LAC", "cla-visits"),  # LAC meets "looked after"
        ("how often should children in care be seen", "cla-visits"),
        ("whats a s47", "section-47-enquiries"),
        ("assesment timescale", "assessment-timescale"),  # typo
        ("how long for an asessment", "assessment-timescale"),  # typo
        ("when is the first review conference", "rcpc-timescale"),
        ("ICPC TIMESCALE!!!", "icpc-timescale"),
        ("icpc when", "icpc-timescale"),
    ],
)
def test_confident_answers(small: KnowledgeSearch, query: str, expected: str) -> None:
    result = small.search(query)
    assert answered(result) == expected, result


def test_long_question_is_answered_from_its_last_sentence(small: KnowledgeSearch) -> None:
    query = ("I have just picked up a family from another team and the manager wants everything on the "
             "system by Friday, and there was a strategy discussion on Monday. When do we need to hold "
             "the initial conference?")
    assert answered(small.search(query)) == "icpc-timescale"


@pytest.mark.parametrize(
    "query",
    ["how do I claim overtime on payroll", "where can I park at county hall",
     "how many days annual leave do I get", "when is my payslip due", "how do I book a meeting room",
     "what's the wifi password", "", "   ", "?!?", "the and of"],
)
def test_out_of_scope_gets_none(small: KnowledgeSearch, query: str) -> None:
    result = small.search(query)
    assert result.outcome == "none", result
    assert result.answer is None and result.suggestions == ()


def test_answer_carries_runner_ups_as_suggestions(small: KnowledgeSearch) -> None:
    result = small.search("child protection conference timescale")
    assert result.outcome in ("answer", "ambiguous")
    ids = [m.entry_id for m in ([result.answer] if result.answer else []) + list(result.suggestions)]
    assert {"icpc-timescale", "rcpc-timescale"} <= set(ids)
    assert len(result.suggestions) <= 3
    assert all(0 <= m.score <= 100 for m in result.suggestions)


def test_vague_question_is_ambiguous_with_choices(small: KnowledgeSearch) -> None:
    result = small.search("conference")
    assert result.outcome == "ambiguous", result
    assert {m.entry_id for m in result.suggestions} >= {"icpc-timescale", "rcpc-timescale"}


def test_to_json_has_the_documented_shape(small: KnowledgeSearch) -> None:
    answer = to_json(small.search("when is the icpc due"))
    assert set(answer) == {"query", "answer", "suggestions"}
    assert answer["query"] == "when is the icpc due"
    assert set(answer["answer"]) == {"id", "question", "score"}
    assert answer["answer"]["id"] == "icpc-timescale"
    assert all(set(s) == {"id", "question", "score"} for s in answer["suggestions"])
    assert to_json(small.search("payroll")) == {"query": "payroll", "answer": None, "suggestions": []}


def labelled_queries() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]


def test_labelled_queries_meet_the_accuracy_targets(shipped: KnowledgeSearch) -> None:
    queries = labelled_queries()
    in_scope = [q for q in queries if q.get("expect")]
    out_of_scope = [q for q in queries if not q.get("expect")]
    misses, top1, confident_right, none_right = [], 0, 0, 0
    for query in in_scope:
        result = shipped.search(query["q"])
        first = result.answer or (result.suggestions[0] if result.suggestions else None)
        top1 += first is not None and first.entry_id == query["expect"]
        confident_right += answered(result) == query["expect"]
        if answered(result) != query["expect"]:
            misses.append(f"{query['q']!r}: expected {query['expect']}, got {to_json(result)}")
    for query in out_of_scope:
        result = shipped.search(query["q"])
        none_right += result.outcome == "none"
        if result.outcome != "none":
            misses.append(f"{query['q']!r}: expected none, got {to_json(result)}")
    assert in_scope and out_of_scope, "the labelled set needs in-scope and out-of-scope queries"
    report = "\n".join(misses)
    assert top1 / len(in_scope) >= 0.9, f"top-1 {top1}/{len(in_scope)}\n{report}"
    # The bar is top-1 (above). Confident answers are our own, stricter measure: 89.5% when last
    # measured, guarded here against regressions while the last points are worked on.
    assert confident_right / len(in_scope) >= 0.87, f"answered {confident_right}/{len(in_scope)}\n{report}"
    assert none_right / len(out_of_scope) >= 0.9, f"none {none_right}/{len(out_of_scope)}\n{report}"
