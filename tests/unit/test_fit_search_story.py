"""The threshold fit works out the story rule's figures (narrative_score, narrative_lead, narrative_keyword_lead)
for every setting at once, with arrays, instead of putting every question to the search once per setting (that
took most of an 88-minute fit). The figures it then chooses by must be the ones the search itself gives
(`measure`, question by question): otherwise the fit would choose a rule the search does not follow."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

import bench.fit_search as fit_search
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch, SearchFit

QUERIES = Path(__file__).resolve().parents[1] / "data" / "kb_queries.yaml"
# Labelled tuning questions: stories the rule answers at some settings and not at others, one on an out-of-scope
# topic (annual leave), a plain question and an out-of-scope one.
STARTS = (
    "same actions keep getting carried forward every core group",
    "relevant care leaver aged 17 moving out of her foster placement",
    "health visitor saw a small bruise on the cheek of a 4 month old",
    "16 yr old told her teacher her family are taking her abroad",
    "one of my looked after 15 year olds has been arrested late at night",
    "I am off on annual leave from friday until the 5th of january",
    "how long have we got to decide on a new referral",
)
SETTINGS = [(30.0, 1.2, 1.6), (15.0, 1.1, 1.4), (1e9, 1e9, 1e9), (20.0, 3.0, 1e9), (35.0, 1.5, 2.0),
            (1e9, 1e9, 1.4)]


@pytest.fixture(scope="module")
def questions() -> list[dict]:
    labelled = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    chosen = [query for query in labelled if query["q"].startswith(STARTS)]
    chosen.append({"q": "what time is the football on", "expect": None})
    assert len(chosen) == len(STARTS) + 1
    return chosen


def test_the_story_rules_figures_for_every_setting_at_once_are_the_searchs_own(questions: list[dict]) -> None:
    kb = load_knowledge()
    base = SearchFit.load()
    fitting = fit_search._remembering_topics(KnowledgeSearch(kb, base))
    evidence = [fitting.evidence(query["q"]) for query in questions]
    story = fit_search._story(fitting, questions, evidence)
    at_once = fit_search._story_figures(questions, evidence, base, fitting, story, SETTINGS)

    plain = KnowledgeSearch(kb, base)  # no remembered topic checks: the search as users meet it
    one_by_one = [fit_search.measure(questions, evidence, replace(base, narrative_score=score, narrative_lead=lead,
                                                                  narrative_keyword_lead=keyword_lead), plain)
                  for score, lead, keyword_lead in SETTINGS]
    assert at_once == one_by_one
    assert len({figures["right"] for figures in one_by_one}) > 1  # the settings differ on these questions


def test_the_fitted_story_rule_is_the_best_setting_as_measured(questions: list[dict],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fit_search, "MAX_CONFIDENT_WRONG", 1.0)
    monkeypatch.setattr(fit_search, "MAX_OOS_SUGGESTED", 1.0)
    kb = load_knowledge()
    base = SearchFit.load()
    search = fit_search._remembering_topics(KnowledgeSearch(kb, base))
    evidence = [search.evidence(query["q"]) for query in questions]
    chosen, figures = fit_search._fit_narrative(questions, evidence, base, search,
                                                fit_search._story(search, questions, evidence))
    assert figures == fit_search.measure(questions, evidence, chosen, KnowledgeSearch(kb, base))
    assert figures["right"] == 1.0  # every story here is answered by some setting, and the plain question always
