"""How many tuning questions the specific-ask check (knowledge/specific_ask.py) would flag: of those the search
answers right, which ask (as typed, or as the search reads their typos) for a rate, form, contact or deadline
the right entry plainly lacks. Each is a false flag unless the entry really does not give it.
Tuning sets only (the labelled set and the retired ones), never held out.

    PYTHONPATH=. python -m bench.specific_ask_flags
"""

from __future__ import annotations

from bench.kb_bench import RETIRED, labelled, ours, retired
from knowledge.loader import load_knowledge
from knowledge.search import KnowledgeSearch
from knowledge.specific_ask import asked_kind, lacking


def main() -> None:
    """Print, per tuning set, the right answers whose question asks for a kind of fact, and those flagged."""
    kb = load_knowledge()
    search = KnowledgeSearch(kb)
    sets = {"lab": labelled(), **{str(version): retired(version) for version in RETIRED}}
    right = asked = 0
    flagged: list[tuple[str, str, str, str]] = []
    for name, queries in sets.items():
        for query, (answer, _) in zip(queries, ours(search, queries), strict=True):
            if answer is None or answer != query.get("expect"):
                continue
            right += 1
            asked += asked_kind(query["q"], search.spelling) is not None
            if (kind := lacking(query["q"], kb.entries[answer].answer, search.spelling)) is not None:
                flagged.append((name, kind.key, answer, query["q"]))
    print(f"{right} answered right; {asked} ask for a specific kind of fact; {len(flagged)} flagged")
    for name, key, entry, question in flagged:
        print(f"  {name:5} {key:9} {entry:32} {question}")


if __name__ == "__main__":
    main()
