"""Fit how much learning from use counts as a prior (`SearchFit.usage_lead`), on the tuning sets' learning simulation.

    .venv/bin/python -m bench.fit_usage          # fit, print, write usage_lead into knowledge/search_fit.json
    .venv/bin/python -m bench.fit_usage --dry    # print only

Learned wordings help a question worded like one already picked or linked; a new wording of the same entry gains
little from them (the held-out learning simulation showed half B unchanged). What does carry over is how often an
entry turns out to be the one meant: in a month of use the initial conference's timescale is asked far more often than
a rare entry, so when both rankings put a much-picked entry first, a smaller lead over the runner-up is enough
(`decide`: the lead gains usage_lead * log2(1 + picks)).

Each tuning file (USAGE_TUNING; the held-out sets are never read) is split in halves as `make bench` splits them
(`half_of`); half A's questions not answered right are learned (as picks or links), and half B, never learned, is
decided with each candidate value. The value kept answers the most half-B questions right, less twice its confident-
wrong answers (a wrong answer costs more than a right one saves), with confident-wrong on half B at most
MAX_CONFIDENT_WRONG and no more out-of-scope questions answered than with no prior; ties go to the smaller value (the
stricter one).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace

from bench.fit_search import FIT_FILE, MAX_CONFIDENT_WRONG, ROOT, TUNING
from bench.kb_bench import half_of, ours
from knowledge.loader import load_knowledge
from knowledge.search import Evidence, KnowledgeSearch, SearchFit

# the threshold fit's tuning files and t13, the tuning set shaped like a month of use (topics recur as they would)
USAGE_TUNING = (*TUNING, ROOT / "tests" / "data" / "kb_queries_retired6.yaml")
CANDIDATES = (0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0)
WRONG_COST = 2.0

Decided = list[tuple[dict, Evidence]]


def simulations(search: KnowledgeSearch) -> list[tuple[KnowledgeSearch, Decided, Decided]]:
    """For each tuning file: the index after learning its half A, with half B's and the out-of-scope evidence."""
    import yaml

    found = []
    for path in USAGE_TUNING:
        queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
        in_scope = [query for query in queries if query.get("expect")]
        half_a = [query for query in in_scope if half_of(query["q"]) == "A"]
        half_b = [query for query in in_scope if half_of(query["q"]) == "B"]
        taught = [(query["expect"], query["q"].lower())
                  for query, (answer, _) in zip(half_a, ours(search, half_a), strict=True) if answer != query["expect"]]
        learned = search.with_learned(taught)
        found.append((learned, [(query, learned.evidence(query["q"])) for query in half_b],
                      [(query, learned.evidence(query["q"])) for query in queries if not query.get("expect")]))
    return found


def figures(runs: list[tuple[KnowledgeSearch, Decided, Decided]], fit: SearchFit) -> tuple[int, int, int, int]:
    """Half B answered right, half B answered wrong, half B's size, and out-of-scope questions answered."""
    right = wrong = size = answered = 0
    for index, half_b, out_of_scope in runs:
        for query, evidence in half_b:
            result = index.outcome(query["q"], evidence, fit)
            size += 1
            if result.answer is not None:
                right += result.answer.entry_id == query["expect"]
                wrong += result.answer.entry_id != query["expect"]
        answered += sum(index.outcome(query["q"], evidence, fit).answer is not None for query, evidence in out_of_scope)
    return right, wrong, size, answered


def fit_usage() -> tuple[float, dict[float, tuple[int, int, int, int]]]:
    """The chosen usage_lead, and every candidate's figures."""
    search = KnowledgeSearch(load_knowledge())
    runs = simulations(search)
    table = {value: figures(runs, replace(search.fit, usage_lead=value)) for value in CANDIDATES}
    _, _, _, answered_without = table[0.0]
    allowed = [value for value, (_, wrong, size, answered) in table.items()
               if wrong <= MAX_CONFIDENT_WRONG * size and answered <= answered_without]
    best = max(allowed, key=lambda value: (table[value][0] - WRONG_COST * table[value][1], -value), default=0.0)
    return best, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry", action="store_true", help="print the fit without writing it")
    args = parser.parse_args(argv)
    chosen, table = fit_usage()
    print("usage_lead   half B right   confident-wrong   out of scope answered")
    for value, (right, wrong, size, answered) in table.items():
        mark = "  <- chosen" if value == chosen else ""
        print(f"{value:>10g}   {right}/{size} ({right / size:.1%})   {wrong} ({wrong / size:.2%})   {answered}{mark}")
    if not args.dry:
        record = json.loads(FIT_FILE.read_text(encoding="utf-8"))
        record["usage_lead"] = chosen
        FIT_FILE.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"usage_lead {chosen:g} written to {FIT_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
