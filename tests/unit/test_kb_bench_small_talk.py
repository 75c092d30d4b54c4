"""bench/kb_bench.py counts what users get: small talk is taken out before the search, as the bot takes it out.

Trial 46: the bench's learning simulation searched "how are you today?" directly and, once half A was learned,
counted the self-harm entry as its answer; in the bot the greeting is caught first and never reaches the search.
"""

from __future__ import annotations

import re

import pytest

from bench.kb_bench import labelled, learning_simulation
from knowledge.loader import KnowledgeBase
from knowledge.search import KnowledgeSearch

SMALL_TALK = ["how are you today?", "thanks so much!", "hi", "im so tired today"]


def oos_figures(printed: str) -> list[tuple[str, str]]:
    """(OOS declined, OOS suggested) of the simulation's "before" and "after" rows."""
    rows = [line for line in printed.splitlines() if line.startswith(("before learning", "after learning"))]
    return [tuple(re.findall(r"\d+\.\d%", row)[-2:]) for row in rows]  # type: ignore[misc]


@pytest.mark.parametrize("greeting", SMALL_TALK)
def test_small_talk_is_never_counted_as_answered_or_suggested(kb: KnowledgeBase, shipped: KnowledgeSearch,
                                                              greeting: str, capsys: pytest.CaptureFixture) -> None:
    queries = [*[q for q in labelled() if q.get("expect")][:40], {"q": greeting}]

    learning_simulation(shipped, queries, "small talk", kb.smalltalk)

    assert oos_figures(capsys.readouterr().out) == [("100.0%", "0.0%"), ("100.0%", "0.0%")]


def test_a_question_after_a_greeting_is_searched_as_the_bot_searches_it(kb: KnowledgeBase,
                                                                        shipped: KnowledgeSearch) -> None:
    from bench.kb_bench import ours

    [(answer, _)] = ours(shipped, [{"q": "hello, when is the icpc due"}], kb.smalltalk)
    assert answer == shipped.search("when is the icpc due").answer.entry_id  # type: ignore[union-attr]
