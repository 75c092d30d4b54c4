"""Knowledge search benchmark: accuracy on the labelled queries and speed on a 20,000-entry knowledge base.

Run with `python bench/kb_bench.py` from the repository root. It prints our figures beside a plain rapidfuzz
baseline. Speed figures depend on the machine; nothing here is asserted (tests never time things).
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.loader import KnowledgeBase, load_knowledge  # noqa: E402
from knowledge.search import KnowledgeSearch  # noqa: E402
from knowledge.textterms import words_of  # noqa: E402

QUERIES = ROOT / "tests" / "data" / "kb_queries.yaml"
SYNTHETIC_ENTRIES = 20_000
ENTRIES_PER_FILE = 500


def labelled() -> list[dict]:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]


def split(queries: list[dict]) -> dict[str, list[dict]]:
    """A fixed split: even positions are for tuning (their misses may be read), odd ones are held out."""
    return {"tuning": queries[0::2], "held-out": queries[1::2], "all": queries}


def scores(search: KnowledgeSearch, queries: list[dict], show_misses: bool = False) -> tuple[float, ...]:
    """top-1, answered correctly, out-of-scope none, confident wrong (shares)."""
    in_scope = [q for q in queries if q.get("expect")]
    out_of_scope = [q for q in queries if not q.get("expect")]
    top1 = answered = wrong = none = 0
    for query in queries:
        result = search.search(query["q"])
        first = result.answer or (result.suggestions[0] if result.suggestions else None)
        expect = query.get("expect")
        if expect:
            top1 += first is not None and first.entry_id == expect
            answered += result.outcome == "answer" and first is not None and first.entry_id == expect
        else:
            none += result.outcome == "none"
        wrong += result.outcome == "answer" and (first is None or first.entry_id != expect)
        right = (result.outcome == "answer" and first is not None and first.entry_id == expect) if expect \
            else result.outcome == "none"
        if show_misses and not right:
            shown = [f"{m.entry_id}:{m.score}" for m in ([result.answer] if result.answer else [])
                     + list(result.suggestions)]
            print(f"  MISS [{query.get('kind')}] {query['q']!r} expect={expect} {result.outcome} {shown}")
    return (top1 / len(in_scope), answered / len(in_scope), none / len(out_of_scope), wrong / len(queries))


def by_kind(search: KnowledgeSearch, queries: list[dict]) -> None:
    """Right outcomes per kind of query on each half, so a gap between tuning and held-out shows where it is.

    In scope, "right" is the expected entry given as a confident answer; out of scope, it is "none".
    """
    halves = split(queries)
    kinds = sorted({query.get("kind", "?") for query in queries})
    print(f"{'right outcome by kind':34}" + "".join(f"{kind[:11]:>12}" for kind in kinds))
    for name in ("tuning", "held-out"):
        cells = []
        for kind in kinds:
            part = [query for query in halves[name] if query.get("kind", "?") == kind]
            right = 0
            for query in part:
                result = search.search(query["q"])
                expect = query.get("expect")
                right += (result.answer is not None and result.answer.entry_id == expect) if expect \
                    else result.outcome == "none"
            cells.append(f"{right}/{len(part)}")
        print(f"{'  ' + name:34}" + "".join(f"{cell:>12}" for cell in cells))


def accuracy(kb: KnowledgeBase, show_misses: bool = False) -> None:
    """Our three outcomes on the tuning and held-out halves, against rapidfuzz extractOne(WRatio)."""
    queries = labelled()
    in_scope = [q for q in queries if q.get("expect")]
    out_of_scope = [q for q in queries if not q.get("expect")]
    search = KnowledgeSearch(kb)
    print(f"Labelled queries: {len(in_scope)} in scope, {len(out_of_scope)} out of scope")
    print(f"{'':34}{'top-1':>8}{'answered':>10}{'OOS none':>10}{'confident wrong':>17}")
    for name, part in split(queries).items():
        top1, answered, none, wrong = scores(search, part, show_misses and name == "tuning")
        label = f"ours ({name}, {len(part)})"
        print(f"{label:34}{top1:>8.1%}{answered:>10.1%}{none:>10.1%}{wrong:>17.1%}")

    by_kind(search, queries)

    ids, texts = [], []
    for entry in kb.entries.values():
        for text in (entry.question, *entry.alternatives):
            ids.append(entry.id)
            texts.append(text)
    best_scores = []
    for query in queries:
        found = process.extractOne(query["q"], texts, scorer=fuzz.WRatio, processor=str.lower)
        best_scores.append((ids[found[2]], found[1]) if found else (None, 0.0))
    best = None
    for threshold in range(0, 101):
        right = sum(1 for q, (entry_id, score) in zip(queries, best_scores, strict=True)
                    if q.get("expect") and score >= threshold and entry_id == q["expect"])
        nones = sum(1 for q, (_, score) in zip(queries, best_scores, strict=True)
                    if not q.get("expect") and score < threshold)
        bad = sum(1 for q, (entry_id, score) in zip(queries, best_scores, strict=True)
                  if score >= threshold and entry_id != q.get("expect"))
        balanced = right / len(in_scope) + nones / len(out_of_scope)
        if best is None or balanced > best[0]:
            best = (balanced, threshold, right, nones, bad)
    assert best is not None
    base_top1 = sum(1 for q, (entry_id, _) in zip(queries, best_scores, strict=True)
                    if q.get("expect") and entry_id == q["expect"])
    label = f"rapidfuzz WRatio (none < {best[1]})"
    print(f"{label:34}{base_top1 / len(in_scope):>8.1%}{best[2] / len(in_scope):>10.1%}"
          f"{best[3] / len(out_of_scope):>10.1%}{best[4] / len(queries):>17.1%}")


def synthetic_folder(kb: KnowledgeBase, folder: Path, total: int, seed: int = 7) -> None:
    """Write `total` entries: the real ones plus fakes whose words follow the real questions and answers."""
    rng = random.Random(seed)
    real = list(kb.entries.values())
    question_words = [w for e in real for t in (e.question, *e.alternatives) for w in t.rstrip("?").split()]
    answer_words = [w for e in real for w in e.answer.split()]
    tags = sorted({tag for e in real for tag in e.tags}) or ["general"]
    entries = [{"id": e.id, "question": e.question, "alternatives": list(e.alternatives), "answer": e.answer,
                "tags": list(e.tags), "review_by": e.review_by} for e in real]
    for number in range(total - len(entries)):
        base = rng.choice(real)
        mixed = base.question.rstrip("?").split()
        for position in rng.sample(range(len(mixed)), k=min(len(mixed), rng.randint(2, 4))):
            mixed[position] = rng.choice(question_words)
        entries.append({
            "id": f"synthetic-{number}",
            "question": " ".join(mixed) + "?",
            "alternatives": [" ".join(rng.choices(question_words, k=rng.randint(3, 8)))
                             for _ in range(rng.randint(0, 3))],
            "answer": " ".join(rng.choices(answer_words, k=rng.randint(40, 160))),
            "tags": rng.sample(tags, k=min(len(tags), rng.randint(1, 3))),
        })
    for start in range(0, len(entries), ENTRIES_PER_FILE):
        chunk = entries[start: start + ENTRIES_PER_FILE]
        document: dict = {"entries": chunk}
        if start == 0:
            document["glossary"] = dict(kb.glossary)
        (folder / f"part-{start // ENTRIES_PER_FILE:03}.yaml").write_text(
            yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")


def timings(run: Callable[[str], object], queries: list[str]) -> tuple[float, float, float]:
    samples = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        samples.append(time.perf_counter() - started)
    samples.sort()
    p50 = statistics.median(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return p50 * 1000, p99 * 1000, len(samples) / sum(samples)


def speed(kb: KnowledgeBase) -> None:
    queries = [q["q"] for q in labelled()]
    rng = random.Random(3)
    vocabulary = sorted({w for e in kb.entries.values() for w in words_of(e.question)})
    queries += [" ".join(rng.choices(vocabulary, k=rng.randint(2, 12))) for _ in range(600)]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        synthetic_folder(kb, folder, SYNTHETIC_ENTRIES)
        size = sum(path.stat().st_size for path in folder.glob("*.yaml")) / 1e6
        started = time.perf_counter()
        big = load_knowledge(folder)
        loaded = time.perf_counter()
        search = KnowledgeSearch(big)
        indexed = time.perf_counter()
        print(f"\nSynthetic knowledge base: {len(big.entries):,} entries, {size:.1f} MB of YAML")
        print(f"ours: load {loaded - started:.2f} s + index {indexed - loaded:.2f} s = {indexed - started:.2f} s "
              "(validated, with line numbers for every problem)")
        started = time.perf_counter()
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        plain = [yaml.load(path.read_text(encoding="utf-8"), Loader=loader) for path in sorted(folder.glob("*.yaml"))]
        texts = [entry["question"] for document in plain for entry in document["entries"]]
        print(f"baseline: yaml.load with libyaml + question list {time.perf_counter() - started:.2f} s "
              f"({len(texts):,} questions; no validation, no index)")
        gc.collect()
        gc.freeze()  # as a long-running bot should after (re)loading: the index is never garbage
        for query in queries[:50]:
            search.search(query)  # warm the typo cache the way a running bot would
        ours = timings(search.search, queries)
        baseline = timings(lambda q: process.extract(q, texts, scorer=fuzz.WRatio, limit=3), queries[::5])
        print(f"{'':34}{'p50 ms':>8}{'p99 ms':>8}{'queries/s':>11}")
        for label, (p50, p99, rate) in (("ours", ours), ("rapidfuzz extract WRatio", baseline)):
            print(f"{label:34}{p50:>8.2f}{p99:>8.2f}{rate:>11,.0f}")
        tracemalloc.start()
        KnowledgeSearch(load_knowledge(folder))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak memory (tracemalloc) during load+index: {peak / 1e6:.0f} MB")


def main() -> None:
    """`--accuracy` skips the speed part; `--misses` lists the tuning half's misses (never the held-out's)."""
    kb = load_knowledge()
    accuracy(kb, show_misses="--misses" in sys.argv)
    if "--accuracy" not in sys.argv:
        speed(kb)


if __name__ == "__main__":
    main()
