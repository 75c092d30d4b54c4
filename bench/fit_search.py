"""Fit the knowledge search's thresholds and BM25 weights on the labelled questions, print the fit, save it.

    .venv/bin/python -m bench.fit_search          # fit, print, write knowledge/search_fit.json
    .venv/bin/python -m bench.fit_search --dry    # fit and print only
    .venv/bin/python -m bench.fit_search --cross-validate [--max-confident-wrong 0.005]
                                                  # each tuning file left out in turn: figures on it
    .venv/bin/python -m bench.fit_search --cut-only  # only the suggestion cut, on the shipped fit; write it

Only the labelled tuning sets are read: `tests/data/kb_queries.yaml`, `kb_queries_retired.yaml` to
`kb_queries_retired4.yaml` (held-out sets v1-v3 and v8, retired into tuning; their headers say why) and
`kb_queries_retired5.yaml` (t12, written as a tuning set from the start). The held-out sets
(`tests/data/kb_heldout*.yaml`) are never read here: `make bench` reports them separately.

Fitted after everything else (`_fit_cut`, on the winner; alone with `--cut-only`): how far below the first a later
"Did you mean…" suggestion may score and still be shown (trial 44: "how lng for a core grp" offered parents recording
meetings third). Fitted 2026-12-06 with --cut-only on the six tuning files: ratio 0.65 of the concept scorer's best,
or among BM25's first 2; suggestions per question offered them 2.958 -> 2.586, one step unchanged (95.85%).

Fitted after min_answer_mass (`_fit_whole`; alone with --whole-only, on the shipped fit): when a question all in the
first choice's wordings, a share of it in the runner-up's nowhere, is answered though the runner-up scores close (trial
46: "do i need parents consent to do a s47 visit at school"). Fitted 2026-12-06 with --whole-only on the six tuning
files: score 80, share 0.2; right 81.85% -> 82.24%, one step 95.85% and confident-wrong 0.91% unchanged.

Fitted with the rest, last (`_fit_mass`, on the winner): the least a question must say, in total idf of its words,
to be answered outright rather than offered (`min_answer_mass`; hand-set at log 5 until 2026-12-06).

The objective, in order: confident-wrong answers at most 1.0% of all questions and out-of-scope questions
given suggestions at most 15% (the issue's limits are 2% and 20%: the margin is for wording nobody tuned on.
Confident-wrong answers roughly doubled on each fresh held-out set, 1.5% fitted becoming 4.1% on v2 and 2.7%
on v3, so its margin is half the limit); then the most of: questions whose entry is reached in one step (answered, or
among the 3 suggestions) plus half the questions answered right (an answer saves a click, so reaching an
entry in one step is worth most, but not everything); then the most answered right; ties go to the fewest
suggestions on out-of-scope questions, then to the stricter setting (it generalises better). Questions
about an out-of-scope topic (knowledge/vocabulary.yaml) are decided as the search decides them: never
suggested, and answered only when their entry does not depend on the topic's words. How much a BM25 rank
counts in the fused suggestions (`keyword_vote`) is fitted with the rest.

The shipped knowledge/search_fit.json is still the fit on the first four tuning files (2026-12-03). A refit on all
five, v8 included (2026-12-04: answer 65, agree 52, suggest keyword 12, story lead 1.3), fitted better in sample
(95.5% one step, 1.0% confident-wrong) but did worse on every held-out set: pooled right 79.8% against 80.6%,
confident-wrong 1.3% against 1.2%, out-of-scope given suggestions 12.4% against 6.0%, v4 right 73.1% against 74.0%,
v9 confident-wrong 2.8% against 2.5%. It was not shipped.

That run took 88 minutes, nearly all of it in the story rule (24 finalists x 378 settings, each measured question
by question). The rule's settings are now tried all at once (`_story_figures`): a setting changes what the search
does with a question only through whether the question's first choice stands out (`knowledge.search.stands_out`,
for the question and for what is left of it without an out-of-scope topic's words), so each question is put to
the search once for each way the settings treat it, and numpy adds up every setting's figures. On a busy machine
(2026-12-04) the story rule went from 4.4 minutes a finalist to 1.8 minutes for all 24 (38 s of processor time),
with the same choices: the same rule and figures on the first two finalists; on the code and questions of the
shipped fit, the shipped fit to the last setting; on all five files, the refit above. The whole fit now takes
about 4 minutes of processor time (6.4 minutes there). The winner is still measured question by question
(`measure`), and the fit stops if that differs from what the arrays said.

Choosing the in-sample confident-wrong limit from the tuning files alone (`--cross-validate`: fit on four tuning
files, measure on the fifth, each in turn; 2026-12-04), mean over the left-out files, and the worst file:

    limit   right (worst)   one step   confident-wrong (worst)   out of scope given suggestions
    1.0%    80.6% (75.8%)   95.2%      1.3% (2.2%)               15.6%
    0.75%   78.7% (75.4%)   95.2%      1.1% (1.5%)               14.0%
    0.5%    76.2% (70.0%)   95.5%      0.8% (1.2%)               14.4%

0.75% was the one limit under which every left-out file met the issue's right >= 75% and confident-wrong <= 2%. The
refit on all five files with it (answer 75/10, agree 55/4, suggest 30/14/0, story 30/1.3/1.6, weights (3,3,1,1);
80.2% right, 95.6% one step, 0.7% confident-wrong in sample) was then measured on the held-out sets: pooled right
78.6% against the shipped 80.6%, one step 95.9% against 95.0%, confident-wrong 1.1% against 1.2%, out of scope given
suggestions 11.8% against 6.0%; v4 right 71.7% (74.0%), v5 73.3% (76.8%), v9 confident-wrong 2.5% (2.5%). It was
not shipped: it answers fewer questions right on every held-out set and lowers confident-wrong nowhere that needs it.
That decision, like the one above, looked at the held-out sets: v4-v7 and v9 have now informed two choices of fit,
so the next fit should be judged on a new held-out set written by someone who has seen neither the knowledge base's
alternatives nor these results.

That set is v10 (`tests/data/kb_heldout10.yaml`, 271 in scope over all 189 entries, 100 out of scope; frozen before
anything was measured on it). Written down before measuring (2026-12-04): a fit with the cross-validated 0.75% limit
on ten files (the five tuning files and v4-v7, v9, which had informed two choices already) would be shipped only if
on v10 it had confident-wrong below the shipped fit's, right >= 75%, one step >= 90%, out of scope declined >= 90%
and given suggestions <= 20%. On v10:

    fit                         right   one step   confident-wrong   OOS declined   OOS given suggestions
    shipped (4 files, 1.0%)     77.5%   90.0%      2.7%              97%            8%
    ten files, 0.75%            72.0%   93.0%      1.9%              98%            17%

(the ten-file fit in sample: answer 75/10, agree 55/6, suggest 25/17/0, story 35/1.75/1.6, weights (3,3,1,1); right
76.9%, one step 96.2%, confident-wrong 0.7%, 4,902 questions). It lowers confident-wrong under the issue's 2% but
answers 72% right, under its 75%: not shipped, by the rule set beforehand. Neither fit meets every target on v10;
the trade between answering and being wrong is the fit's limit, and v10 has now informed that choice once.

Shipped 2026-12-06 (kb37), chosen on the tuning sets alone: the fit on six files (t12 added) with min_answer_mass fitted
too. Answer 75/10, agree 44/6, suggest 25/17/0, BM25 share 0.5 and vote 0.5, story 30/1.2/1.6, weights (3,3,1,1),
min_answer_mass 1.75; in sample right 81.6%, one step 95.9%, confident-wrong 1.0%, 2,631 questions. (On the first five
files alone, before t12's vocabulary changes, it fitted min_answer_mass 2.0, agree 42/6, the rest the same.)
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import json
import math
import sys
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.loader import KnowledgeBase, load_knowledge  # noqa: E402
from knowledge.out_of_scope import OutOfScopeTopic  # noqa: E402
from knowledge.search import (  # noqa: E402
    FIT_FILE,
    Evidence,
    KnowledgeSearch,
    SearchFit,
    StoryScores,
    fused,
    stands_out,
    story_scores,
)

TUNING = tuple(ROOT / "tests" / "data" / name
               for name in ("kb_queries.yaml", "kb_queries_retired.yaml", "kb_queries_retired2.yaml",
                           "kb_queries_retired3.yaml", "kb_queries_retired4.yaml", "kb_queries_retired5.yaml"))
MAX_CONFIDENT_WRONG = 0.01
MAX_OOS_SUGGESTED = 0.15
RIGHT_WORTH = 0.5  # a question answered right counts this much beyond being reached in one step
WEIGHTS = [(4.0, 3.0, 2.0, 1.0), (3.0, 3.0, 1.0, 1.0), (5.0, 3.0, 2.0, 0.5), (2.0, 2.0, 1.0, 1.0),
           (4.0, 2.0, 2.0, 1.5)]
# With 25-30 wordings an entry, strong wrong matches score higher, so the grid reaches 75 and a lead of 21: most
# answers then come from the concept scorer and BM25 agreeing (agree_score), not from the concept score alone.
# Reaching 75 pays only when the story rule is fitted on top of enough settings (FINALISTS): with 8, going past 65
# fitted worse. Fitting on three tuning sets and measuring on the fourth, each in turn, the grid to 75 with 24
# finalists beat the grid to 65 with 8 on every set: right 89.0/81.7/81.3/76.0% against 85.5/80.9/78.1/75.3%,
# confident-wrong 1.67/1.06/0.68/1.16% against 1.88/1.69/0.68/1.16%, one step within 0.2 points.
ANSWER_SCORES = [30.0, 32.0, 34.0, 36.0, 38.0, 40.0, 42.0, 44.0, 46.0, 48.0, 50.0, 52.0, 55.0, 58.0, 61.0, 65.0, 70.0,
                 75.0]
MARGINS = [4.0, 6.0, 8.0, 10.0, 12.0, 15.0, 18.0, 21.0]  # a lead under 4 points (of 100) is a tie: never answered
SUGGEST_SCORES = [25.0, 30.0, 35.0, 40.0, 45.0]
SUGGEST_KEYWORDS = [4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 17.0, 20.0, 25.0, 1e9]
SUGGEST_FLOORS = [0.0, 20.0, 25.0, 30.0, 35.0]
KEYWORD_SHARES = [0.0, 0.5, 0.7, 0.85]
KEYWORD_VOTES = [0.5, 1.0, 1.5, 2.0]  # a BM25 rank's vote in the fused suggestions, against a concept rank's 1
FINALISTS = 24  # the story rule is fitted on top of this many of the best settings
NARRATIVE_SCORES = [15.0, 20.0, 25.0, 30.0, 35.0, 1e9]  # 1e9: stories are answered only as other questions are
# The story rule's lead over the runner-up. The fit once chose 1.5, the grid's lowest, so the grid goes down to
# 1.1. On top of the shipped settings, 1.2 answered 11 more tuning questions right with no more confident-wrong;
# fitting the rule on three tuning sets and measuring on the fourth, one fold chose 1.3 (+1.0 point right on its
# left-out set, confident-wrong unchanged) and the other three kept 1.5.
NARRATIVE_LEADS = [1.1, 1.2, 1.3, 1.4, 1.5, 1.75, 2.0, 2.5, 3.0]
NARRATIVE_KEYWORD_LEADS = [1.4, 1.5, 1.6, 1.8, 2.0, 2.5, 1e9]  # 1e9: BM25's lead alone never answers a story
# The least a question must say (total idf of its words) to be answered outright rather than offered: 0 bars none;
# log 5 (1.61) was the hand-set value, one word held by a fifth of the entries. Fitted last, on the winner.
MIN_ANSWER_MASSES = [0.0, 0.5, 1.0, 1.25, math.log(4), 1.5, math.log(5), 1.75, 2.0, 2.25, 2.5, 3.0]
# How far below the first a later suggestion may score (a share of the concept scorer's best) and still be shown,
# unless it is among BM25's first few: fitted last of all (`_fit_cut`), on the winner. It changes nothing but the
# suggestions after the first, so of the figures it can only lower one step: the strictest cut that keeps one step
# wins, then the fewest suggestions per question offered suggestions.
SUGGEST_RATIOS = [0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]
SUGGEST_KEYWORD_RANKS = [1, 2, 3, 1000]
# The rule for a question all in the first choice's wordings, much of it in the runner-up's nowhere (`SearchFit.
# whole_score`, `whole_unmet`): fitted after min_answer_mass, on the winner (`_fit_whole`; alone with --whole-only).
# 1e9 leaves it off. It may add no confident-wrong answer and decline no more out-of-scope questions than without it.
WHOLE_SCORES = [44.0, 50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0, 1e9]
WHOLE_UNMETS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]


def measure(queries: list[dict], evidence: list[Evidence], fit: SearchFit,
            search: KnowledgeSearch) -> dict[str, float]:
    """The issue's figures for one set of thresholds: shares of in-scope, out-of-scope or all questions."""
    in_scope = sum(1 for q in queries if q.get("expect"))
    out_of_scope = len(queries) - in_scope
    right = one_step = wrong = declined = suggested = 0
    for query, found in zip(queries, evidence, strict=True):
        result = search.outcome(query["q"], found, fit)
        expect = query.get("expect")
        answered = result.answer.entry_id if result.outcome == "answer" and result.answer else None
        wrong += answered is not None and answered != expect
        if expect:
            right += answered == expect
            one_step += answered == expect or (result.outcome == "ambiguous"
                                               and expect in [m.entry_id for m in result.suggestions[:3]])
        else:
            declined += result.outcome != "answer"
            suggested += result.outcome == "ambiguous"
    return {"right": right / in_scope, "one_step": one_step / in_scope, "confident_wrong": wrong / len(queries),
            "oos_declined": declined / out_of_scope, "oos_suggested": suggested / out_of_scope}


class _Signals(NamedTuple):
    """What `decide` looks at for each labelled question, as arrays (one weight setting)."""

    evidence: list[Evidence]
    top: np.ndarray  # the concept scorer's best score
    gap: np.ndarray  # its lead over the runner-up
    agreed: np.ndarray  # BM25's first choice is the same entry
    top_right: np.ndarray  # the concept scorer's first choice is the expected entry
    keyword_top: np.ndarray  # BM25's best score
    on_topic: np.ndarray  # about an out-of-scope topic: never suggested...
    barred: np.ndarray  # ...and not answered unless the entry stands without the topic's words
    guessed: np.ndarray  # mostly read as other words: BM25's agreement counts only at the answer score


def _signals(search: KnowledgeSearch, queries: list[dict], expect: list[str | None]) -> _Signals:
    evidence = [search.evidence(q["q"]) for q in queries]
    checks = [search.topic_check(q["q"], e) for q, e in zip(queries, evidence, strict=True)]
    return _Signals(
        evidence=evidence,
        top=np.array([e.concept[0].score if e.concept else -1.0 for e in evidence]),
        gap=np.array([(e.concept[0].score - (e.concept[1].score if len(e.concept) > 1 else 0.0))
                      if e.concept else -1.0 for e in evidence]),
        agreed=np.array([bool(e.concept and e.keyword and e.keyword[0].entry_id == e.concept[0].entry_id)
                         for e in evidence]),
        top_right=np.array([bool(e.concept) and e.concept[0].entry_id == x
                            for e, x in zip(evidence, expect, strict=True)]),
        keyword_top=np.array([e.keyword[0].score if e.keyword else -1.0 for e in evidence]),
        on_topic=np.array([topic is not None for topic, _ in checks]),
        # a question saying almost nothing (`Evidence.vague`) is offered, never answered, as a barred one (at the
        # starting min_answer_mass: it is fitted last, on top of the rest, by `_fit_mass`)
        barred=np.array([(topic is not None and capped) or e.vague(search.fit)
                         for (topic, capped), e in zip(checks, evidence, strict=True)]),
        guessed=np.array([e.guessed for e in evidence]))


def _answer_rules(signals: _Signals, count: int) -> tuple[list[tuple[float, ...]], np.ndarray]:
    """Every answer rule (answer, margin, agree, agree_margin) within the confident-wrong limit, with one row
    per rule of which questions it answers."""
    top, gap, agreed = signals.top, signals.gap, signals.agreed
    rules = [(answer, margin, agree, agree_margin) for answer, margin, agree, agree_margin
             in itertools.product(ANSWER_SCORES, MARGINS, ANSWER_SCORES, MARGINS)
             if agree <= answer and agree_margin <= margin]  # agreement can only lower the bar
    believed = ~signals.guessed  # BM25's agreement on a mostly guessed question needs the score or the lead
    answered = np.array([(((top >= a) & (gap >= m)) | (agreed & (top >= g) & (gap >= gm)
                                                       & (believed | (top >= a) | (gap >= m)))) & ~signals.barred
                         for a, m, g, gm in rules])
    keep = (answered & ~signals.top_right).sum(axis=1) / count <= MAX_CONFIDENT_WRONG
    return [rule for rule, kept in zip(rules, keep, strict=True) if kept], answered[keep]


def _offered(signals: _Signals, expect: list[str | None], base: SearchFit) -> dict[float, np.ndarray]:
    """For each BM25 vote: whether the expected entry is among the 3 fused suggestions."""
    return {vote: np.array([x is not None and x in [m.entry_id for m in fused(e.concept, e.keyword,
                                                                               replace(base, keyword_vote=vote))[:3]]
                            for e, x in zip(signals.evidence, expect, strict=True)]) for vote in KEYWORD_VOTES}


def fit(queries: list[dict]) -> tuple[SearchFit, dict[str, float]]:
    """Grid search over every weight setting and threshold combination.

    Each query's evidence is gathered once per weight setting; the thresholds are then tried on arrays of
    what `decide` looks at, and the winner is checked with `KnowledgeSearch.outcome` itself (`measure`), so
    the figures printed are exactly what the search will do.
    """
    kb = load_knowledge()
    expect = [q.get("expect") for q in queries]
    in_scope = np.array([e is not None for e in expect])
    ranked: list[tuple[tuple[float, ...], SearchFit]] = []  # the best few settings (without the story rule)
    for weights in WEIGHTS:
        signals = _signals(KnowledgeSearch(kb, SearchFit(weights=weights)), queries, expect)
        rules, answered = _answer_rules(signals, len(queries))
        right = (answered & signals.top_right & in_scope).sum(axis=1) / in_scope.sum()
        answered_right = answered & signals.top_right
        agrees, agree_margins = np.array([r[2] for r in rules]), np.array([r[3] for r in rules])
        offered_by: dict[tuple[float, float], dict[float, np.ndarray]] = {}
        for suggest, share, keyword, floor in itertools.product(SUGGEST_SCORES, KEYWORD_SHARES, SUGGEST_KEYWORDS,
                                                                SUGGEST_FLOORS):
            base = SearchFit(weights=weights, suggest_score=suggest, suggest_keyword=keyword, suggest_floor=floor,
                             keyword_share=share)
            offered = offered_by.get((suggest, share))
            if offered is None:
                offered = offered_by[suggest, share] = _offered(signals, expect, base)
            plausible = ((signals.top >= suggest) | ((signals.keyword_top >= keyword)
                                                     & (np.maximum(signals.top, 0.0) >= floor))) & ~signals.on_topic
            suggested = (~answered & plausible & ~in_scope).sum(axis=1) / (~in_scope).sum()
            rows = np.flatnonzero(suggested <= MAX_OOS_SUGGESTED)
            if not len(rows):
                continue
            for vote, reached in offered.items():
                one_step = (answered_right | (~answered & plausible & reached))[:, in_scope].sum(axis=1) \
                    / in_scope.sum()
                # ties go to fewer suggestions on out-of-scope questions, then to the stricter setting, then
                # to the vote nearest even
                worth = np.round(one_step[rows] + RIGHT_WORTH * right[rows], 6)
                row = rows[np.lexsort((agree_margins[rows], agrees[rows], -suggested[rows], right[rows], worth))[-1]]
                answer, margin, agree, agree_margin = rules[row]
                key = (round(float(one_step[row] + RIGHT_WORTH * right[row]), 6), round(float(right[row]), 6),
                       -round(float(suggested[row]), 6), floor, share, agree, agree_margin, -abs(vote - 1.0))
                ranked.append((key, replace(base, answer_score=answer, answer_margin=margin, agree_score=agree,
                                            agree_margin=agree_margin, keyword_vote=vote)))
                if len(ranked) > 4 * FINALISTS:
                    ranked = heapq.nlargest(FINALISTS, ranked, key=lambda item: item[0])
    if not ranked:
        raise SystemExit("no thresholds meet the limits on the labelled questions")
    return _with_narrative(kb, queries, heapq.nlargest(FINALISTS, ranked, key=lambda item: item[0]))


def _with_narrative(kb: KnowledgeBase, queries: list[dict], finalists: list[tuple[tuple[float, ...], SearchFit]]
                    ) -> tuple[SearchFit, dict[str, float]]:
    """The story rule fitted on top of each of the best few settings; the best pair wins. (Fitting it on top
    of the single best setting alone missed better pairs: the rule answers questions another setting leaves.)
    Each pair is then measured with `KnowledgeSearch.outcome` itself (`measure`), and must come out as the
    arrays said it would."""
    best: tuple[tuple[float, ...], SearchFit, dict[str, float]] | None = None
    by_weights: dict[tuple[float, ...], tuple[KnowledgeSearch, list[Evidence], _Story]] = {}
    for rank, (_, setting) in enumerate(finalists):
        if setting.weights not in by_weights:
            search = _remembering_topics(KnowledgeSearch(kb, setting))
            evidence = [search.evidence(q["q"]) for q in queries]
            by_weights[setting.weights] = (search, evidence, _story(search, queries, evidence))
        search, evidence, story = by_weights[setting.weights]
        chosen, expected = _fit_narrative(queries, evidence, setting, search, story)
        figures = measure(queries, evidence, chosen, search)
        if figures != expected:
            raise AssertionError(f"the story rule's arrays said {expected} for {chosen}; the search does {figures}")
        key = (round(figures["one_step"] + RIGHT_WORTH * figures["right"], 6), round(figures["right"], 6),
               -round(figures["oos_suggested"], 6), -rank)
        if best is None or key > best[0]:
            best = (key, chosen, figures)
    assert best is not None
    search, evidence, _ = by_weights[best[1].weights]
    chosen, figures = _fit_mass(queries, evidence, best[1], search)
    chosen, figures = _fit_whole(queries, evidence, chosen, search)
    return _fit_cut(queries, evidence, chosen, search, figures)


def _fit_whole(queries: list[dict], evidence: list[Evidence], base: SearchFit, search: KnowledgeSearch
               ) -> tuple[SearchFit, dict[str, float]]:
    """The rule for a question all in the first choice's wordings (whole_score, whole_unmet), on top of the fitted
    rest: among settings with no more confident-wrong answers and no fewer out-of-scope questions declined than with
    the rule off, the most reached in one step plus RIGHT_WORTH answered right, then the most right, then the
    stricter (higher score, then higher share). Each setting is measured with `KnowledgeSearch.outcome` itself."""
    off = replace(base, whole_score=1e9, whole_unmet=1e9)
    before = measure(queries, evidence, off, search)
    best: tuple[tuple[float, ...], SearchFit, dict[str, float]] = ((-1.0, -1.0, 1e9, 1e9), off, before)
    for score, unmet in itertools.product(WHOLE_SCORES, WHOLE_UNMETS):
        chosen = replace(base, whole_score=score, whole_unmet=unmet)
        figures = measure(queries, evidence, chosen, search)
        if figures["confident_wrong"] > before["confident_wrong"] or figures["oos_declined"] < before["oos_declined"]:
            continue
        key = (round(figures["one_step"] + RIGHT_WORTH * figures["right"], 6), round(figures["right"], 6), score, unmet)
        if key > best[0]:
            best = (key, chosen, figures)
    print(f"  whole-question rule: score {best[1].whole_score}, share the runner-up lacks {best[1].whole_unmet}; "
          f"right {before['right']:.2%} -> {best[2]['right']:.2%}, one step {before['one_step']:.2%} -> "
          f"{best[2]['one_step']:.2%}, confident-wrong {before['confident_wrong']:.2%} -> "
          f"{best[2]['confident_wrong']:.2%}", flush=True)
    return best[1], best[2]


def suggestions_shown(queries: list[dict], evidence: list[Evidence], fit: SearchFit, search: KnowledgeSearch
                      ) -> float:
    """How many suggestions a question offered "Did you mean…" gets, on average: fewer is less to read past."""
    counts = [len(result.suggestions) for query, found in zip(queries, evidence, strict=True)
              if (result := search.outcome(query["q"], found, fit)).outcome == "ambiguous"]
    return sum(counts) / max(len(counts), 1)


def _fit_cut(queries: list[dict], evidence: list[Evidence], base: SearchFit, search: KnowledgeSearch,
             figures: dict[str, float]) -> tuple[SearchFit, dict[str, float]]:
    """The cut on suggestions after the first (suggest_ratio, suggest_keyword_ranks), on top of the fitted rest:
    the fewest suggestions per question offered them among the cuts that reach as many questions in one step as
    no cut does; ties go to the stricter ratio. Each cut is measured with `KnowledgeSearch.outcome` itself."""
    uncut = replace(base, suggest_ratio=0.0, suggest_keyword_ranks=1000)
    reach = measure(queries, evidence, uncut, search)["one_step"]
    best: tuple[tuple[float, ...], SearchFit, dict[str, float]] = (
        (-suggestions_shown(queries, evidence, uncut, search), 0.0, 0.0), uncut, figures)
    for ratio, ranks in itertools.product(SUGGEST_RATIOS, SUGGEST_KEYWORD_RANKS):
        chosen = replace(base, suggest_ratio=ratio, suggest_keyword_ranks=ranks)
        measured = measure(queries, evidence, chosen, search)
        if measured["one_step"] < reach:
            continue
        key = (round(-suggestions_shown(queries, evidence, chosen, search), 6), ratio, -ranks)
        if key > best[0]:
            best = (key, chosen, measured)
    print(f"  suggestion cut: ratio {best[1].suggest_ratio}, BM25 ranks kept {best[1].suggest_keyword_ranks}; "
          f"suggestions per question offered them {suggestions_shown(queries, evidence, uncut, search):.3f} -> "
          f"{-best[0][0]:.3f}, one step {reach:.2%} kept", flush=True)
    return best[1], best[2]


def _fit_mass(queries: list[dict], evidence: list[Evidence], base: SearchFit, search: KnowledgeSearch
              ) -> tuple[SearchFit, dict[str, float]]:
    """The least a question must say to be answered outright (min_answer_mass), on top of the fitted rest: within
    the same limits, the most reached in one step plus RIGHT_WORTH answered right, then the most right, then the
    fewest suggestions on out-of-scope questions, then the higher bar (the stricter). Each value is measured with
    `KnowledgeSearch.outcome` itself."""
    best: tuple[tuple[float, ...], SearchFit, dict[str, float]] | None = None
    for mass in MIN_ANSWER_MASSES:
        chosen = replace(base, min_answer_mass=round(mass, 4))
        figures = measure(queries, evidence, chosen, search)
        if figures["confident_wrong"] > MAX_CONFIDENT_WRONG or figures["oos_suggested"] > MAX_OOS_SUGGESTED:
            continue
        key = (round(figures["one_step"] + RIGHT_WORTH * figures["right"], 6), round(figures["right"], 6),
               -round(figures["oos_suggested"], 6), mass)
        if best is None or key > best[0]:
            best = (key, chosen, figures)
    if best is None:  # no value keeps the limits: the rest was fitted at the starting value, which does
        return base, measure(queries, evidence, base, search)
    return best[1], best[2]


def _remembering_topics(search: KnowledgeSearch) -> KnowledgeSearch:
    """The index, working out once per question what its out-of-scope topic check needs whatever the thresholds
    (the topic, and the evidence for the question without the topic's words: a second search), rather than once
    per setting tried. Only for the questions' own evidence from this index, which a question alone decides."""
    seen: dict[str, tuple[OutOfScopeTopic | None, str, Evidence | None]] = {}
    look = search.topic_rest

    def remembered(query: str, evidence: Evidence) -> tuple[OutOfScopeTopic | None, str, Evidence | None]:
        if query not in seen:
            seen[query] = look(query, evidence)
        return seen[query]

    search.topic_rest = remembered  # type: ignore[method-assign]
    return search


NO_STORY = StoryScores(-math.inf, 0.0, -math.inf, 0.0)  # scores that never stand out, whatever the setting


class _Story(NamedTuple):
    """What the story rule reads of each labelled question, as arrays (one weight setting): the scores that
    `stands_out` compares for the question itself, and for the question without its out-of-scope topic's words
    (`topic_check` asks `decide` about that rest too). Nothing else a setting of the rule changes can change
    what the search does with a question (see `_story_figures`)."""

    asked: tuple[np.ndarray, ...]  # StoryScores' fields in its order, as arrays of one value a question
    rest: tuple[np.ndarray, ...]


def _story(search: KnowledgeSearch, queries: list[dict], evidence: list[Evidence]) -> _Story:
    asked = [story_scores(found) for found in evidence]
    rests = [search.topic_rest(query["q"], found)[2] for query, found in zip(queries, evidence, strict=True)]
    rest = [story_scores(again) if again is not None else NO_STORY for again in rests]
    return _Story(tuple(np.array(column) for column in zip(*asked, strict=True)),
                  tuple(np.array(column) for column in zip(*rest, strict=True)))


def _story_settings() -> list[tuple[float, float, float]]:
    """Every setting of the story rule, in the order they are tried."""
    return list(itertools.product(NARRATIVE_SCORES, NARRATIVE_LEADS, NARRATIVE_KEYWORD_LEADS))


def _story_figures(queries: list[dict], evidence: list[Evidence], base: SearchFit, search: KnowledgeSearch,
                   story: _Story, settings: list[tuple[float, float, float]]) -> list[dict[str, float]]:
    """`measure`'s figures for the story rule's settings on top of `base`, for all settings at once.

    A setting of the rule changes what the search does with a question only through whether `stands_out` holds
    for the question and for what is left of it without an out-of-scope topic's words: `decide` and
    `topic_check` read nothing else of it. So each question is put to `KnowledgeSearch.outcome` once for each
    pair of those it meets across the settings (one or two pairs for most questions), with the first setting
    that meets the pair; each setting then adds up its questions' results with numpy.
    """
    scores, leads, keyword_leads = (np.array(column) for column in zip(*settings, strict=True))

    def standing(found: tuple[np.ndarray, ...]) -> np.ndarray:  # questions x settings
        best, runner_up, keyword_best, keyword_second = (column[:, None] for column in found)
        return np.asarray(stands_out(best, runner_up, keyword_best, keyword_second, scores, leads, keyword_leads),
                          dtype=bool)

    kind = 2 * standing(story.asked) + standing(story.rest)  # questions x settings: which pair each setting meets
    tally = np.zeros((len(queries), 4, 5), dtype=np.int64)  # question, pair: right, one step, wrong, declined,
    for number, (query, found) in enumerate(zip(queries, evidence, strict=True)):  # suggested
        expect = query.get("expect")
        met, first = np.unique(kind[number], return_index=True)
        for pair, place in zip(met, first, strict=True):
            score, lead, keyword_lead = settings[place]
            result = search.outcome(query["q"], found, replace(base, narrative_score=score, narrative_lead=lead,
                                                               narrative_keyword_lead=keyword_lead))
            answered = result.answer.entry_id if result.outcome == "answer" and result.answer else None
            tally[number, pair] = (
                bool(expect) and answered == expect,
                bool(expect) and (answered == expect or (result.outcome == "ambiguous" and expect in
                                                         [m.entry_id for m in result.suggestions[:3]])),
                answered is not None and answered != expect,
                not expect and result.outcome != "answer",
                not expect and result.outcome == "ambiguous")
    right, one_step, wrong, declined, suggested = \
        tally[np.arange(len(queries))[:, None], kind].sum(axis=0).T.tolist()  # each a list, one a setting
    in_scope = sum(1 for q in queries if q.get("expect"))
    out_of_scope = len(queries) - in_scope
    return [{"right": r / in_scope, "one_step": o / in_scope, "confident_wrong": w / len(queries),
             "oos_declined": d / out_of_scope, "oos_suggested": s / out_of_scope}
            for r, o, w, d, s in zip(right, one_step, wrong, declined, suggested, strict=True)]


def _fit_narrative(queries: list[dict], evidence: list[Evidence], base: SearchFit, search: KnowledgeSearch,
                   story: _Story) -> tuple[SearchFit, dict[str, float]]:
    """The rule for stories around a question (narrative_score, narrative_lead), on top of the fitted rest:
    within the same limits, the most reached in one step plus RIGHT_WORTH answered right, then the strictest.
    Returned with the figures the arrays give for it (those of `base` when no setting keeps the limits)."""
    settings = _story_settings()
    best: tuple[tuple[float, ...], SearchFit, dict[str, float]] | None = None
    for (score, lead, keyword_lead), figures in zip(
            settings, _story_figures(queries, evidence, base, search, story, settings), strict=True):
        if figures["confident_wrong"] > MAX_CONFIDENT_WRONG or figures["oos_suggested"] > MAX_OOS_SUGGESTED:
            continue
        key = (round(figures["one_step"] + RIGHT_WORTH * figures["right"], 6), round(figures["right"], 6),
               score, lead, keyword_lead)
        if best is None or key > best[0]:
            best = (key, replace(base, narrative_score=score, narrative_lead=lead,
                                 narrative_keyword_lead=keyword_lead), figures)
    if best is None:
        return base, measure(queries, evidence, base, search)
    return best[1], best[2]


def cut_only(queries: list[dict]) -> tuple[SearchFit, dict[str, float]]:
    """Only the suggestion cut, fitted on top of the shipped fit: a refit of everything takes minutes and would
    move every threshold, where the cut changes nothing but the suggestions after the first."""
    shipped = SearchFit.load()
    search = _remembering_topics(KnowledgeSearch(load_knowledge(), shipped))
    evidence = [search.evidence(q["q"]) for q in queries]
    return _fit_cut(queries, evidence, shipped, search, measure(queries, evidence, shipped, search))


def whole_only(queries: list[dict]) -> tuple[SearchFit, dict[str, float]]:
    """Only the whole-question rule, fitted on top of the shipped fit (the rest kept as fitted)."""
    shipped = SearchFit.load()
    search = _remembering_topics(KnowledgeSearch(load_knowledge(), shipped))
    evidence = [search.evidence(q["q"]) for q in queries]
    return _fit_whole(queries, evidence, shipped, search)


def tuning_queries() -> list[dict]:
    """Every labelled tuning question, from each tuning file in turn."""
    return [query for path in TUNING for query in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]]


def fitted_on() -> str:
    return " + ".join(str(path.relative_to(ROOT)) for path in TUNING)


def cross_validate() -> list[dict[str, float]]:
    """Fit on all tuning files but one and measure on that one, each in turn: how a fit does on wording it was not
    fitted on, from the tuning files alone (the way to choose the in-sample limits without the held-out sets)."""
    kb = load_knowledge()
    sets = [(path, yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]) for path in TUNING]
    folds: list[dict[str, float]] = []
    for index, (path, left_out) in enumerate(sets):
        chosen, _ = fit([query for other, (_, queries) in enumerate(sets) if other != index for query in queries])
        search = KnowledgeSearch(kb, chosen)
        figures = measure(left_out, [search.evidence(q["q"]) for q in left_out], chosen, search)
        folds.append(figures)
        print(f"  left out {path.name:28} " + ", ".join(f"{k} {v:.1%}" for k, v in figures.items()), flush=True)
    mean = {key: sum(fold[key] for fold in folds) / len(folds) for key in folds[0]}
    print("  mean over the left-out files:  " + ", ".join(f"{k} {v:.1%}" for k, v in mean.items()))
    return folds


def main(argv: list[str] | None = None) -> int:
    global MAX_CONFIDENT_WRONG  # read by the rule filters above; a script's one setting, changed only here
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry", action="store_true", help="print the fit without writing it")
    parser.add_argument("--max-confident-wrong", type=float, default=MAX_CONFIDENT_WRONG,
                        help=f"the in-sample limit on confident-wrong answers (default {MAX_CONFIDENT_WRONG})")
    parser.add_argument("--cut-only", action="store_true",
                        help="fit only the suggestion cut, on top of the shipped fit (the rest kept as fitted)")
    parser.add_argument("--whole-only", action="store_true",
                        help="fit only the rule for a question all in one entry's wordings, on top of the shipped fit")
    parser.add_argument("--cross-validate", action="store_true",
                        help="fit on all tuning files but one and measure on it, each in turn; writes nothing")
    args = parser.parse_args(argv)
    MAX_CONFIDENT_WRONG = args.max_confident_wrong
    if args.cross_validate:
        print(f"Leaving each tuning file out in turn (confident-wrong limit {MAX_CONFIDENT_WRONG * 100:g}% in sample):")
        cross_validate()
        return 0
    queries = tuning_queries()
    chosen, figures = cut_only(queries) if args.cut_only else whole_only(queries) if args.whole_only else fit(queries)
    chosen = replace(chosen, usage_lead=SearchFit.load().usage_lead)  # fitted on its own (bench/fit_usage.py)
    print(f"Fitted on {fitted_on()} ({len(queries)} questions):")
    for key, value in asdict(chosen).items():
        print(f"  {key:16} {value}")
    print("  figures on the same questions: " + ", ".join(f"{k} {v:.1%}" for k, v in figures.items()))
    if not args.dry:
        record = {**asdict(chosen), "fitted_on": fitted_on(), "questions": len(queries),
                  "fitted": date.today().isoformat(), "figures": {k: round(v, 4) for k, v in figures.items()}}
        FIT_FILE.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"Written to {FIT_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
